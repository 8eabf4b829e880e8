import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TrendsPage } from "../../../web/pages/trends-page";
import { forgetSeason } from "../../../web/lib/use-season";
import { aUser, json, renderWithSession, stubFetch } from "../builders";

const size = { width: 600, height: 300 };

/** A season whose open year is 2025 and whose dashboards open on region 100. */
const season = json({
  open_year: 2025,
  deadlines: null,
  years: [{ year: 2024, published: 3 }],
  default_year: 2025,
  default_region: { id: 100, name: "示范省政府" },
});

const agencies = {
  "GET /api/agencies": json({ items: [], total: 0 }),
  "GET /api/agencies/100": json({ id: 100, name: "示范省政府" }),
};

/** Each year's rollup: its new applications, and 2024 still in review (2 of 5 published). */
function rollupOf(year: number) {
  const inReview = year === 2024;
  const none = year === 2025;
  return {
    year,
    figures: none ? {} : { "section3.new_received.total": year - 1700 },
    indicators: [],
    counts: {
      included: none ? 0 : inReview ? 2 : 4,
      contained: 0,
      covered_by_parts: 0,
      pending: inReview ? 3 : 0,
      missing: none ? 5 : inReview ? 0 : 1,
    },
    ledger_total: 5,
  };
}

const rollupCalls = (fetch: ReturnType<typeof stubFetch>) =>
  fetch.mock.calls
    .map(([url]) => new URL(String(url), "http://localhost"))
    .filter((url) => url.pathname === "/api/rollup");

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

beforeEach(() => forgetSeason());

function stubRollups() {
  let asked = 0;
  const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
  // The page asks the years in order; answer each with its own rollup.
  return stubFetch({
    ...agencies,
    "GET /api/season": season,
    "GET /api/rollup": () => json(rollupOf(years[asked++ % years.length]!)),
  });
}

describe("TrendsPage", () => {
  it("opened without a region, takes the season's year and region and offers the region control", async () => {
    window.history.replaceState(null, "", "/dashboard/trends");
    const fetch = stubRollups();
    renderWithSession(<TrendsPage chartSize={size} />, aUser({ role: "admin" }));

    const table = await screen.findByRole("table", { name: /本年新收/ });
    const url = new URLSearchParams(window.location.search);
    expect([url.get("year"), url.get("under")]).toEqual(["2025", "100"]);
    expect(screen.getByRole("combobox", { name: "年度" })).toBeTruthy();
    expect(screen.getByText("地区")).toBeTruthy();
    const calls = rollupCalls(fetch);
    expect(calls.map((u) => u.searchParams.get("year"))).toEqual([
      "2019",
      "2020",
      "2021",
      "2022",
      "2023",
      "2024",
      "2025",
    ]);
    expect(calls.every((u) => u.searchParams.get("under") === "100")).toBe(true);
    expect(calls.every((u) => u.searchParams.get("scope") === "self")).toBe(true);
    expect(calls.every((u) => u.searchParams.get("basis") === "published")).toBe(true);
    expect(within(table).getByText(/2021 年起采用新格式/)).toBeTruthy();
  });

  it("says per year how many agencies have published, and marks the years still incomplete", async () => {
    window.history.replaceState(
      null,
      "",
      "/dashboard/trends?year=2025&under=100&figure=section3.new_received.total",
    );
    stubRollups();
    renderWithSession(<TrendsPage chartSize={size} />, aUser({ role: "reviewer" }));

    const table = await screen.findByRole("table", { name: /本年新收/ });
    // Each year's row as its heading and cells, read once (role queries are slow in jsdom).
    const rows = Object.fromEntries(
      [...table.querySelectorAll("tbody tr:not(.template-break)")].map((tr) => [
        tr.querySelector("th")!.textContent,
        [...tr.querySelectorAll("td")].map((td) => td.textContent),
      ]),
    );
    // A past year with an agency that never reported is short, not incomplete.
    expect(rows["2019"]).toEqual(["319", "4/5"]);
    // The year in review and the open year are incomplete.
    expect(rows["2024 （不完整）"]).toEqual(["324", "2/5"]);
    expect(rows["2025 （不完整）"]).toEqual(["—", "0/5"]);
    expect(Object.keys(rows)).toHaveLength(7);
    expect(screen.getByText(/不完整的年度/).textContent).toContain(
      "2024 年 2/5 已发布；2025 年 0/5 已发布",
    );
  });
});
