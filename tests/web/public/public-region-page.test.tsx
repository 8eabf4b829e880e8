import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LICENCE } from "../../../worker/public/licence";
import { PublicRegionPage } from "../../../web/pages/public-region-page";
import { renderWithSession } from "../builders";
import {
  aPublicAgency,
  aSeries,
  anAgencyList,
  calledUrls,
  someIndicators,
  stubFetchByUrl,
} from "./builders";

const size = { width: 600, height: 300 };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, "", "/");
});

function stubRegion(reports = 12) {
  return stubFetchByUrl((url) => {
    switch (url.pathname) {
      case "/api/public/rollup":
        return {
          year: Number(url.searchParams.get("year")),
          scope: url.searchParams.get("scope"),
          reports,
          figures: { "section3.new_received.total": 3_985_758, "metrics.website_visits": null },
          licence: LICENCE,
          data_version: 3,
        };
      case "/api/public/series":
        return aSeries(url.searchParams.get("figure")!, {});
      case "/api/public/indicators":
        return someIndicators({});
      case "/api/public/agencies":
        return anAgencyList(
          [aPublicAgency(), aPublicAgency({ id: 8, name: "示例市教育局", kind: "department" })],
          45,
        );
      default:
        return null;
    }
  });
}

describe("PublicRegionPage", () => {
  it("is named after the region's government and opens on the latest year with published reports", async () => {
    window.history.replaceState(null, "", "/public/region/4103");
    const fetch = stubFetchByUrl((url) => {
      switch (url.pathname) {
        case "/api/public/series":
          return aSeries(url.searchParams.get("figure")!, { 2022: 95, 2023: 120 });
        case "/api/public/agencies":
          return anAgencyList(
            [aPublicAgency({ name: "洛阳市人民政府", region_code: "410300" })],
            1,
          );
        case "/api/public/rollup":
          return {
            year: Number(url.searchParams.get("year")),
            scope: "self",
            reports: 3,
            figures: {},
            licence: LICENCE,
            data_version: 3,
          };
        case "/api/public/indicators":
          return someIndicators({});
        default:
          return null;
      }
    });
    renderWithSession(<PublicRegionPage code="4103" chartSize={size} />, null);

    expect(await screen.findByRole("heading", { name: "洛阳市人民政府（4103）" })).toBeTruthy();
    await screen.findByRole("region", { name: "2023 年度主要数据（合计）" });
    const rollups = calledUrls(fetch).filter((u) => u.pathname === "/api/public/rollup");
    expect(rollups.map((u) => u.searchParams.get("year"))).toEqual(["2023"]);
  });

  it("sums the region's published figures for the year in the URL, in 万 for large counts", async () => {
    window.history.replaceState(null, "", "/public/region/4103?year=2022");
    const fetch = stubRegion();
    renderWithSession(<PublicRegionPage code="4103" chartSize={size} />, null);

    const figures = await screen.findByRole("region", { name: "2022 年度主要数据（合计）" });
    await within(figures).findByText("合计 12 份已公开报告");
    const received = within(figures).getByText("一、本年新收政府信息公开申请数量 · 总计", {
      exact: false,
    });
    expect(received.nextElementSibling?.textContent).toBe("398.58万");
    const rollup = calledUrls(fetch).find((u) => u.pathname === "/api/public/rollup")!;
    expect(Object.fromEntries(rollup.searchParams)).toEqual({
      year: "2022",
      region: "4103",
      scope: "self",
    });
    screen.getByText("暂无已公开的数据。");
  });

  it("pages through the region's agencies, the page kept in the URL", async () => {
    window.history.replaceState(null, "", "/public/region/4103");
    const fetch = stubRegion();
    renderWithSession(<PublicRegionPage code="4103" chartSize={size} />, null);

    const table = await screen.findByRole("table", { name: "行政区划 4103 的机构（共 45 个）" });
    expect(within(table).getByRole("link", { name: "示例市教育局" }).getAttribute("href")).toBe(
      "/public/agency/8",
    );
    fireEvent.click(screen.getByRole("button", { name: "下一页" }));
    expect(new URLSearchParams(window.location.search).get("offset")).toBe("20");
    await vi.waitFor(() =>
      expect(
        calledUrls(fetch).some(
          (u) => u.pathname === "/api/public/agencies" && u.searchParams.get("offset") === "20",
        ),
      ).toBe(true),
    );
  });

  it("says so when nothing of the region is published for the year", async () => {
    window.history.replaceState(null, "", "/public/region/4103?year=2022");
    stubRegion(0);
    renderWithSession(<PublicRegionPage code="4103" chartSize={size} />, null);
    await screen.findByText("2022 年度本地区尚无已公开的报告。");
  });
});
