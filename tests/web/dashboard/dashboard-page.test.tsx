import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { forgetSeason } from "../../../web/lib/use-season";
import { DashboardPage } from "../../../web/pages/dashboard-page";
import { aUser, json, renderWithSession, stubFetch } from "../builders";
import { anOverview, aPublicOverview } from "./builders";

const size = { width: 600, height: 300 };

beforeEach(() => {
  forgetSeason();
  window.history.replaceState(null, "", "/dashboard?year=2024&under=100");
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const agencies = {
  "GET /api/agencies": json({ items: [], total: 0 }),
  "GET /api/agencies/100": json({ id: 100, name: "示范省政府" }),
};

describe("DashboardPage", () => {
  it("shows the totals, the missing agencies and the reports with hard-rule findings", async () => {
    const fetch = stubFetch({ ...agencies, "GET /api/overview": json(anOverview()) });
    renderWithSession(<DashboardPage chartSize={size} />, aUser({ role: "reviewer" }));

    const completeness = await screen.findByRole("region", { name: "报送情况" });
    const cards = within(completeness).getByRole("list", { name: "报送情况" });
    const card = (label: string) =>
      within(cards)
        .getAllByRole("listitem")
        .find((li) => li.firstChild?.textContent === label)?.lastChild?.textContent;
    expect(card("机构总数")).toBe("8");
    expect(card("已发布")).toBe("4");
    expect(card("未报送")).toBe("2");
    expect(card("逾期")).toBe("1");

    const byLevel = within(completeness).getByRole("table", { name: "各层级报送情况" });
    const city = within(byLevel).getByRole("row", { name: /市级/ });
    expect(city.textContent).toContain("3");

    const missing = screen.getByRole("region", { name: "未报送的机构" });
    expect(within(missing).getByRole("rowheader", { name: "示范市政府" })).toBeTruthy();
    expect(within(missing).getByRole("rowheader", { name: "东城区政府" })).toBeTruthy();

    const failing = screen.getByRole("region", { name: "存在勾稽错误的报告" });
    const link = within(failing).getByRole("link", { name: "示范市教育局" });
    expect(link.getAttribute("href")).toBe("/reports/41/2024");
    expect(within(failing).getByText("2 个错误")).toBeTruthy();

    expect(screen.getByText("12.35万")).toBeTruthy();
    expect(screen.getByText("62.5%")).toBeTruthy();

    const overviewCall = fetch.mock.calls.find(([url]) => String(url).startsWith("/api/overview"));
    expect(String(overviewCall![0])).toBe("/api/overview?year=2024&under=100&basis=published");
  });

  it("shows the count, not a rate, for an indicator below its minimum count", async () => {
    stubFetch({ ...agencies, "GET /api/overview": json(anOverview()) });
    renderWithSession(<DashboardPage chartSize={size} />, aUser({ role: "admin" }));

    const indicators = await screen.findByRole("region", { name: "指标" });
    const denial = within(indicators).getByRole("row", { name: /不予公开率/ });
    expect(denial.textContent).toContain("1 / 3 件");
    expect(denial.textContent).toContain("分母少于 5 件");
    expect(denial.textContent).not.toContain("%");
  });

  it("renders the public answer's published / not yet published / missing counts", async () => {
    window.history.replaceState(null, "", "/dashboard?year=2024&under=100&basis=current");
    const fetch = stubFetch({ ...agencies, "GET /api/overview": json(aPublicOverview()) });
    renderWithSession(<DashboardPage chartSize={size} />, null);

    const completeness = await screen.findByRole("region", { name: "报送情况" });
    const byLevel = within(completeness).getByRole("table", { name: "各层级报送情况" });
    const headers = within(byLevel)
      .getAllByRole("columnheader")
      .map((th) => th.textContent);
    expect(headers).toEqual(["层级", "已发布", "未发布", "未报送", "机构总数"]);
    expect(screen.getByRole("rowheader", { name: "北城区政府" })).toBeTruthy();
    expect(screen.queryByLabelText("数据口径")).toBeNull();
    // The public never asks for unpublished figures, whatever the link says.
    const call = fetch.mock.calls.find(([url]) => String(url).startsWith("/api/overview"));
    expect(String(call![0])).toContain("basis=published");
  });

  it("defaults a reviewer to their own region and writes it into the URL", async () => {
    window.history.replaceState(null, "", "/dashboard");
    stubFetch({ ...agencies, "GET /api/overview": json(anOverview()) });
    renderWithSession(<DashboardPage chartSize={size} />, aUser({ role: "reviewer" }));

    await screen.findByRole("region", { name: "报送情况" });
    expect(new URLSearchParams(window.location.search).get("under")).toBe("100");
  });

  it("opens on the season's year and region, offering only the years with data and the open one", async () => {
    window.history.replaceState(null, "", "/dashboard");
    const fetch = stubFetch({
      ...agencies,
      "GET /api/season": json({
        open_year: 2025,
        deadlines: { department_deadline: "2026-01-31", government_deadline: "2026-03-31" },
        years: [
          { year: 2024, published: 145 },
          { year: 2023, published: 300 },
        ],
        default_year: 2025,
        default_region: { id: 100, name: "示范省政府" },
      }),
      "GET /api/overview": json(anOverview()),
    });
    renderWithSession(<DashboardPage chartSize={size} />, aUser({ role: "admin" }));

    await screen.findByRole("region", { name: "报送情况" });
    const search = new URLSearchParams(window.location.search);
    expect([search.get("year"), search.get("under")]).toEqual(["2025", "100"]);
    const overviewCalls = fetch.mock.calls.filter(([url]) =>
      String(url).startsWith("/api/overview"),
    );
    expect(overviewCalls.map(([url]) => String(url))).toEqual([
      "/api/overview?year=2025&under=100&basis=published",
    ]);
    const years = within(screen.getByLabelText("年度")).getAllByRole("option");
    expect(years.map((o) => o.textContent)).toEqual(["2025", "2024", "2023"]);
  });

  it("says so when the region has no agencies", async () => {
    stubFetch({
      ...agencies,
      "GET /api/overview": json(
        anOverview({
          completeness: {
            by_level: {},
            totals: {
              approved: 0,
              submitted: 0,
              returned: 0,
              draft: 0,
              missing: 0,
              late: 0,
              agencies: 0,
            },
            missing: { items: [], total: 0 },
          },
        }),
      ),
    });
    renderWithSession(<DashboardPage chartSize={size} />, aUser({ role: "admin" }));
    expect(await screen.findByText("该地区没有机构。")).toBeTruthy();
  });
});
