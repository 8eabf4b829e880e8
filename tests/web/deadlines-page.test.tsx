import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DeadlinesPage } from "../../web/pages/deadlines-page";
import { aUser, json, renderWithSession, stubFetch } from "./builders";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("DeadlinesPage", () => {
  it("lists the configured years and saves a year's dates with the CSRF token", async () => {
    const fetch = stubFetch({
      "GET /api/deadlines": json({
        items: [
          { year: 2023, department_deadline: "2024-01-31", government_deadline: "2024-03-31" },
        ],
      }),
      "PUT /api/deadlines/2024": (init) => json(JSON.parse(String(init.body))),
    });
    renderWithSession(<DeadlinesPage />, aUser({ role: "admin" }));
    expect(await screen.findByRole("cell", { name: "2024-03-31" })).toBeTruthy();

    fireEvent.change(screen.getByLabelText("报告年度"), { target: { value: "2024" } });
    fireEvent.change(screen.getByLabelText("政府截止日期"), { target: { value: "2025-04-15" } });
    fireEvent.click(screen.getByRole("button", { name: "保存" }));
    expect(await screen.findByText("已保存。")).toBeTruthy();

    const put = fetch.mock.calls.find(([, init]) => init?.method === "PUT")!;
    expect(new Headers(put[1]!.headers).get("X-CSRF-Token")).toBe("csrf-abc");
    expect(JSON.parse(String(put[1]!.body))).toMatchObject({ government_deadline: "2025-04-15" });
  });

  it("is for administrators only", async () => {
    stubFetch({});
    renderWithSession(<DeadlinesPage />, aUser({ role: "reviewer" }));
    expect(screen.queryByRole("button", { name: "保存" })).toBeNull();
  });
});
