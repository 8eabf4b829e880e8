import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ReviewPage } from "../../web/pages/review-page";
import { aUser, json, renderWithSession, stubFetch } from "./builders";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const DAY = 24 * 60 * 60 * 1000;

const item = (id: number, name: string, status: string, submittedAt: string | null) => ({
  id,
  agency_id: id,
  agency_name: name,
  level: "county",
  kind: "department",
  scope: "self",
  region_code: "990101",
  year: 2024,
  template: "2021",
  status,
  revision: 1,
  published: false,
  error_count: 0,
  warning_count: 0,
  late: false,
  submitted_at: submittedAt,
  updated_at: "2025-01-01T00:00:00.000Z",
});

describe("ReviewPage", () => {
  it("asks for the newest submissions first and says how long each has waited", async () => {
    window.history.replaceState(null, "", "/review");
    const now = Date.now();
    const fetch = stubFetch({
      "GET /api/agencies": json({ items: [], total: 0, limit: 1000, offset: 0 }),
      "GET /api/reports": json({
        items: [
          item(1, "示范县教育局", "submitted", new Date(now - 3.5 * DAY).toISOString()),
          item(2, "示范县财政局", "returned", new Date(now - 9 * DAY).toISOString()),
        ],
        total: 2,
        limit: 50,
        offset: 0,
      }),
    });
    renderWithSession(<ReviewPage />, aUser({ role: "reviewer" }));

    const table = await screen.findByRole("table");
    const waited = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) => row.lastElementChild?.textContent);
    expect(waited).toEqual(["3 天", "—"]);
    expect(within(table).getByRole("columnheader", { name: "等待天数" })).toBeTruthy();
    const call = fetch.mock.calls.find(([url]) => String(url).startsWith("/api/reports"));
    expect(new URL(String(call![0]), "http://localhost").searchParams.get("sort")).toBe(
      "submitted",
    );
  });
});
