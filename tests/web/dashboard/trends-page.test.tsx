import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TrendsPage } from "../../../web/pages/trends-page";
import { aUser, json, renderWithSession, stubFetch } from "../builders";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("TrendsPage", () => {
  it("sums the chosen figure per year from the rollup and marks the template change", async () => {
    window.history.replaceState(
      null,
      "",
      "/dashboard/trends?under=100&figure=section3.new_received.total",
    );
    const fetch = stubFetch({
      "GET /api/rollup": json({
        year: 2020,
        figures: { "section3.new_received.total": 321 },
        indicators: [],
      }),
    });
    renderWithSession(
      <TrendsPage chartSize={{ width: 600, height: 300 }} />,
      aUser({ role: "reviewer" }),
    );

    const table = await screen.findByRole("table");
    const calls = fetch.mock.calls
      .map(([url]) => new URL(String(url), "http://localhost"))
      .filter((url) => url.pathname === "/api/rollup");
    expect(calls[0]!.searchParams.get("year")).toBe("2019");
    expect(calls.every((u) => u.searchParams.get("under") === "100")).toBe(true);
    expect(calls.every((u) => u.searchParams.get("scope") === "self")).toBe(true);
    const row2019 = within(table).getByRole("row", { name: /^2019/ });
    expect(within(row2019).getByRole("cell").textContent).toBe("321");
    expect(within(table).getByText(/2021 年起采用新格式/)).toBeTruthy();
  });
});
