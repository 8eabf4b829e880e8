import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AgencyProfilePage } from "../../../web/pages/agency-profile-page";
import { matchRoute } from "../../../web/lib/router";
import { aUser, json, renderWithSession, stubFetch } from "../builders";

const size = { width: 600, height: 300 };

const agency = {
  id: 41,
  name: "示范市政府",
  level: "city",
  kind: "government",
  scope: "self",
  region_code: "320100",
  parent_id: 1,
  path: "/1/41/",
};

const reports = {
  items: [
    {
      year: 2023,
      status: "approved",
      revision: 2,
      published: true,
      error_count: 0,
      warning_count: 3,
      late: true,
      submitted_at: "2024-04-02T08:00:00Z",
    },
    {
      year: 2020,
      status: "submitted",
      revision: 1,
      published: false,
      error_count: 2,
      warning_count: 0,
      late: false,
      submitted_at: null,
    },
  ],
};

const compare = {
  agencies: [
    { id: 41, name: "示范市政府" },
    { id: 42, name: "示范市教育局" },
  ],
  items: [
    {
      agency_id: 41,
      year: 2020,
      status: "approved",
      values: {
        "section3.new_received.total": 120,
        "section3.total_processed.total": 110,
        "metrics.website_visits": 5000,
        "indicator.disclosure_rate": { value: 0.5, numerator: 5, denominator: 10, status: "ok" },
      },
    },
    {
      agency_id: 41,
      year: 2021,
      status: "approved",
      values: {
        "section3.new_received.total": 150,
        "section3.total_processed.total": 140,
        "metrics.website_visits": null,
        "indicator.disclosure_rate": {
          value: null,
          numerator: 1,
          denominator: 2,
          status: "below_min_count",
        },
      },
    },
    // Another agency of the subtree: not this agency's figures.
    {
      agency_id: 42,
      year: 2021,
      status: "approved",
      values: { "section3.new_received.total": 999999 },
    },
  ],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("AgencyProfilePage", () => {
  it("is routed at /dashboard/agency/:id", () => {
    expect(matchRoute("/dashboard/agency/41")).toEqual({ page: "agency_profile", agencyId: 41 });
    expect(matchRoute("/dashboard/agency/0")).toEqual({ page: "not_found" });
    expect(matchRoute("/dashboard/trends")).toEqual({ page: "trends" });
  });

  it("shows the agency, its reports by year and the trend of its own figures", async () => {
    const fetch = stubFetch({
      "GET /api/agencies/41": json(agency),
      "GET /api/agencies/41/reports": json(reports),
      "GET /api/compare": json(compare),
    });
    renderWithSession(
      <AgencyProfilePage agencyId={41} chartSize={size} />,
      aUser({ role: "reviewer" }),
    );

    expect(await screen.findByRole("heading", { name: "示范市政府" })).toBeTruthy();
    expect(screen.getByText("市级")).toBeTruthy();
    expect(screen.getByText("政府")).toBeTruthy();
    expect(screen.getByText("本机关")).toBeTruthy();

    const list = screen.getByRole("table", { name: "历年年报" });
    const rows = within(list).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getByRole("rowheader").textContent)).toEqual(["2023", "2020"]);
    expect(rows[0]!.textContent).toContain("已发布");
    expect(rows[0]!.textContent).toContain("逾期");
    expect(
      within(rows[0]!)
        .getAllByRole("cell")
        .map((c) => c.textContent)
        .slice(2, 4),
    ).toEqual(["0", "3"]);
    expect(rows[1]!.textContent).toContain("已提交");
    expect(within(rows[1]!).getByRole("link", { name: "2020 年报" }).getAttribute("href")).toBe(
      "/reports/41/2020",
    );
    expect(within(rows[1]!).getByRole("link", { name: "2020 修订记录" }).getAttribute("href")).toBe(
      "/reports/41/2020/history",
    );

    const trend = screen.getByRole("table", { name: "主要数据趋势" });
    const byYear = (year: string) =>
      within(trend)
        .getAllByRole("row")
        .find((r) => r.querySelector("th")?.textContent === year)!;
    expect(
      within(byYear("2020"))
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["120", "110", "5,000", "50%"]);
    expect(
      within(byYear("2021"))
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["150", "140", "—", "—"]);
    expect(
      within(byYear("2019"))
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["—", "—", "—", "—"]);
    // The template note sits in the table, just before the first year on the 2021 template.
    const note = within(trend).getByText(/2021 年起采用新格式/);
    const noteRow = note.closest("tr")!;
    expect(noteRow.nextElementSibling).toBe(byYear("2021"));
    expect(noteRow.previousElementSibling).toBe(byYear("2020"));
    // The chart marks it too.
    expect(document.querySelector(".recharts-reference-line")).not.toBeNull();
    expect(document.querySelector(".chart-box")?.textContent).toContain("2021 年起采用新格式");

    const call = fetch.mock.calls
      .map(([url]) => new URL(String(url), "http://localhost"))
      .find((url) => url.pathname === "/api/compare")!;
    expect(call.searchParams.get("under")).toBe("41");
    expect(call.searchParams.get("years")).toMatch(/^2019-\d{4}$/);
    expect(call.searchParams.get("figure")!.split(",")).toEqual([
      "section3.new_received.total",
      "section3.total_processed.total",
      "metrics.website_visits",
      "indicator.disclosure_rate",
    ]);
    expect(screen.getByRole("link", { name: "本地区历年趋势" }).getAttribute("href")).toBe(
      "/dashboard/trends?under=41",
    );
  });

  it("says so when the agency has no reports", async () => {
    stubFetch({
      "GET /api/agencies/41": json({ ...agency, kind: "department" }),
      "GET /api/agencies/41/reports": json({ items: [] }),
      "GET /api/compare": json({ agencies: [], items: [] }),
    });
    renderWithSession(<AgencyProfilePage agencyId={41} chartSize={size} />, null);
    expect(await screen.findByText("暂无年报。")).toBeTruthy();
    expect(screen.queryByRole("link", { name: "本地区历年趋势" })).toBeNull();
  });
});
