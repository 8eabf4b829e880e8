import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { forgetSeason } from "../../../web/lib/use-season";
import { PublicHomePage } from "../../../web/pages/public-home-page";
import { renderWithSession } from "../builders";
import { aPublicAgency, anAgencyList, calledUrls, stubFetchByUrl } from "./builders";

afterEach(() => {
  cleanup();
  forgetSeason();
  vi.unstubAllGlobals();
  window.history.replaceState(null, "", "/");
});

describe("PublicHomePage", () => {
  it("searches agencies by name and links each to its public page", async () => {
    window.history.replaceState(null, "", "/public");
    const fetch = stubFetchByUrl((url) =>
      url.pathname === "/api/public/agencies"
        ? anAgencyList(
            url.searchParams.get("q") === "教育"
              ? [aPublicAgency({ id: 8, name: "示例市教育局" })]
              : [],
          )
        : null,
    );
    renderWithSession(<PublicHomePage />, null);

    await screen.findByText("没有找到机构。");
    fireEvent.change(screen.getByLabelText("搜索机构名称"), { target: { value: "教育" } });

    const link = await screen.findByRole("link", { name: "示例市教育局" });
    expect(link.getAttribute("href")).toBe("/public/agency/8");
    expect(new URLSearchParams(window.location.search).get("q")).toBe("教育");
    await waitFor(() => expect(calledUrls(fetch).at(-1)!.searchParams.get("q")).toBe("教育"));
  });

  it("offers each year's bulk download under the licence, and the API's description", async () => {
    window.history.replaceState(null, "", "/public");
    stubFetchByUrl(() => anAgencyList());
    renderWithSession(<PublicHomePage />, null);

    const downloads = screen.getByRole("region", { name: "批量下载" });
    within(downloads).getByText(/CC BY 4\.0 许可提供/);
    expect(
      (await within(downloads).findByRole("link", { name: "2019 年度 CSV" })).getAttribute("href"),
    ).toBe("/api/public/bulk/2019.csv");
    expect(
      within(downloads).getByRole("link", { name: "2019 年度数据说明" }).getAttribute("href"),
    ).toBe("/api/public/bulk/2019/datapackage.json");
    expect(
      within(downloads).getByRole("link", { name: "开放接口文档（OpenAPI）" }).getAttribute("href"),
    ).toBe("/api/openapi.json");
    await screen.findByRole("table", { name: "机构列表" });
  });

  it("offers downloads only for the years with published reports, with their counts", async () => {
    window.history.replaceState(null, "", "/public");
    stubFetchByUrl((url) =>
      url.pathname === "/api/season"
        ? {
            open_year: 2025,
            deadlines: null,
            years: [
              { year: 2024, published: 145 },
              { year: 2023, published: 1346 },
            ],
            default_year: 2025,
            default_region: null,
          }
        : anAgencyList(),
    );
    renderWithSession(<PublicHomePage />, null);

    const downloads = screen.getByRole("region", { name: "批量下载" });
    await within(downloads).findByRole("link", { name: "2024 年度 CSV" });
    const rows = within(within(downloads).getByRole("table")).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      "20241452024 年度 CSV2024 年度数据说明",
      "20231,3462023 年度 CSV2023 年度数据说明",
    ]);
    expect(within(downloads).queryByRole("link", { name: "2025 年度 CSV" })).toBeNull();
  });
});
