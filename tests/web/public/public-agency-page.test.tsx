import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PublicAgencyPage } from "../../../web/pages/public-agency-page";
import { renderWithSession } from "../builders";
import { aSeries, anAgencyDetail, calledUrls, someIndicators, stubFetchByUrl } from "./builders";

const size = { width: 600, height: 300 };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function stubAgency(
  reports = [
    { year: 2023, template: "2021" },
    { year: 2020, template: "2019" },
  ],
) {
  return stubFetchByUrl((url) => {
    if (url.pathname === "/api/public/agencies/7") return anAgencyDetail(reports);
    if (url.pathname === "/api/public/series") {
      const figure = url.searchParams.get("figure")!;
      return aSeries(
        figure,
        figure === "section3.new_received.total" ? { 2020: 120, 2023: 150 } : {},
      );
    }
    if (url.pathname === "/api/public/indicators") return someIndicators({ 2023: 0.625 });
    return null;
  });
}

describe("PublicAgencyPage", () => {
  it("lists the published years, newest first, each linking to its report", async () => {
    stubAgency();
    renderWithSession(<PublicAgencyPage agencyId={7} chartSize={size} />, null);

    const list = within(await screen.findByRole("region", { name: "已公开的年度报告" }));
    const links = list.getAllByRole("link");
    expect(links.map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["2023 年度报告", "/public/agency/7/2023"],
      ["2020 年度报告", "/public/agency/7/2020"],
    ]);
    screen.getByRole("heading", { name: "示例市人民政府办公室" });
    expect(screen.getByRole("link", { name: "示例省人民政府" }).getAttribute("href")).toBe(
      "/public/agency/1",
    );
    expect(screen.getByRole("link", { name: "410300" }).getAttribute("href")).toBe(
      "/public/region/410300",
    );
    expect(screen.getByRole("link", { name: "将图表嵌入其他网站" }).getAttribute("href")).toBe(
      "/dashboard/embed?agency=7",
    );
  });

  it("says so when the agency has published nothing", async () => {
    stubAgency([]);
    renderWithSession(<PublicAgencyPage agencyId={7} chartSize={size} />, null);
    await screen.findByText("该机构尚未公开年度报告。");
  });

  it("tables the key figures by year beside the chart, the disclosure rate from the indicators", async () => {
    const fetch = stubAgency();
    renderWithSession(<PublicAgencyPage agencyId={7} chartSize={size} />, null);

    const table = await screen.findByRole("table", { name: "示例市人民政府办公室 主要数据趋势" });
    const row2023 = within(table).getByRole("row", { name: /^2023/ });
    const cells = within(row2023)
      .getAllByRole("cell")
      .map((c) => c.textContent);
    expect(cells).toEqual(["150", "—", "—", "62.5%"]);
    const series = calledUrls(fetch).filter((u) => u.pathname === "/api/public/series");
    expect(series.map((u) => u.searchParams.get("figure"))).toEqual([
      "section3.new_received.total",
      "section3.total_processed.total",
      "metrics.website_visits",
    ]);
    expect(series.every((u) => u.searchParams.get("agency") === "7")).toBe(true);
    expect(series[0]!.searchParams.get("years")).toMatch(/^2019-\d{4}$/);
  });
});
