import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { QualityPage } from "../../../web/pages/quality-page";
import { aUser, json, renderWithSession, stubFetch } from "../builders";
import { aQualityAnswer, aQualityItem } from "./compare-builders";

beforeEach(() => window.history.replaceState(null, "", "/dashboard/quality?year=2024&under=100"));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const agencies = {
  "GET /api/agencies": json({ items: [], total: 0 }),
  "GET /api/agencies/100": json({ id: 100, name: "示范省政府" }),
};

describe("QualityPage", () => {
  it("lists a hard finding in words with the submitter's explanation beneath it, and an outlier by its agency's name", async () => {
    const fetch = stubFetch({ ...agencies, "GET /api/quality": json(aQualityAnswer()) });
    renderWithSession(<QualityPage />, aUser({ role: "reviewer" }));

    const hard = await screen.findByRole("region", { name: "存在勾稽错误的报告" });
    const row = within(hard).getByRole("row", { name: /示范市教育局/ });
    const finding = within(row).getByRole("listitem");
    expect(finding.textContent).toMatch(/^错误/);
    expect(finding.textContent).toContain("各申请人列合计=12，总计=13");
    expect(finding.textContent).toContain("填报单位说明：自然人一栏漏填一件，已在正式稿更正。");
    // No rule id anywhere on the page.
    expect(document.body.textContent).not.toMatch(/\bR[1-5]\b|S-[a-z]/);
    expect(within(row).getByRole("link").getAttribute("href")).toBe("/reports/41/2024");

    const outliers = screen.getByRole("region", { name: "异常值" });
    // An agency none of the finding lists names is still named, from the outlier itself.
    const outlier = within(outliers).getByRole("row", { name: /示范市卫生健康委员会/ });
    expect(outlier.textContent).toContain("本年新收政府信息公开申请数量");
    expect(outlier.textContent).toContain("1,200");
    expect(outlier.textContent).toContain("37.1");
    expect(outlier.textContent).toContain("与自身历史相比（4 年）");
    expect(within(outlier).getByRole("link").getAttribute("href")).toBe("/reports/42/2024");
    // Every heading in words, and the deviation explained beneath the table.
    expect(
      within(outliers)
        .getAllByRole("columnheader")
        .map((th) => th.textContent),
    ).toEqual(["机构", "数据项", "本年数值", "参照中位数", "偏离程度（标准分）", "比较对象"]);
    expect(outliers.textContent).toContain("1.4826 × 参照值的中位数绝对偏差");
    expect(outliers.textContent).toContain("绝对值超过 3.5 列为异常值");

    const call = fetch.mock.calls.find(([url]) => String(url).startsWith("/api/quality"));
    expect(String(call![0])).toBe("/api/quality?year=2024&under=100&basis=published");
  });

  it("pages the hard-rule list on its own through the URL", async () => {
    // 120 failing reports, 100 to a page; the answer follows the offsets asked.
    const items = Array.from({ length: 120 }, (_, i) =>
      aQualityItem({ report_id: i + 1, agency_id: 1000 + i, agency_name: `示范机构${i + 1}` }),
    );
    const asked: URLSearchParams[] = [];
    const fetch = stubFetch({ ...agencies });
    const routes = fetch.getMockImplementation()!;
    fetch.mockImplementation(async (input, init) => {
      const url = new URL(String(input), "http://localhost");
      if (url.pathname !== "/api/quality") return routes(input, init);
      asked.push(url.searchParams);
      const offset = Number(url.searchParams.get("hard_offset") ?? 0);
      return json(
        aQualityAnswer({
          hard: { items: items.slice(offset, offset + 100), total: 120, offset, limit: 100 },
          soft: { items: [aQualityItem({ report_id: 500 })], total: 1, offset: 0, limit: 100 },
          outliers: [],
        }),
      );
    });
    window.history.replaceState(null, "", "/dashboard/quality?year=2024&under=100&soft_offset=0");
    renderWithSession(<QualityPage />, aUser({ role: "reviewer" }));

    const hard = await screen.findByRole("region", { name: "存在勾稽错误的报告" });
    expect(within(hard).getByRole("navigation").textContent).toContain("第 1–100 条，共 120 条");
    fireEvent.click(within(hard).getByRole("button", { name: "下一页" }));

    await waitFor(() => expect(asked.at(-1)?.get("hard_offset")).toBe("100"));
    expect(window.location.search).toContain("hard_offset=100");
    await screen.findByRole("row", { name: /示范机构120/ });
    const page2 = screen.getByRole("region", { name: "存在勾稽错误的报告" });
    expect(within(page2).getByRole("navigation").textContent).toContain("第 101–120 条，共 120 条");
    expect(within(page2).queryByRole("row", { name: /示范机构100\b/ })).toBeNull();
    // The soft list has one page: no pager, and no offset sent for it.
    const soft = screen.getByRole("region", { name: "存在提示性问题的报告" });
    expect(within(soft).queryByRole("navigation")).toBeNull();
    expect(asked.at(-1)?.has("soft_offset")).toBe(false);
    // Two pages of 100 reports, each with its findings list: slow under jsdom on a busy machine.
  }, 20_000);

  it("offers the first page when an old link points past the end of a list", async () => {
    stubFetch({
      ...agencies,
      "GET /api/quality": json(
        aQualityAnswer({ hard: { items: [], total: 3, offset: 200, limit: 100 } }),
      ),
    });
    window.history.replaceState(null, "", "/dashboard/quality?year=2024&under=100&hard_offset=200");
    renderWithSession(<QualityPage />, aUser({ role: "reviewer" }));

    const hard = await screen.findByRole("region", { name: "存在勾稽错误的报告" });
    expect(hard.textContent).toContain("这一页已超出列表末尾（共 3 份报告）");
    fireEvent.click(within(hard).getByRole("button", { name: "回到第一页" }));
    expect(window.location.search).not.toContain("hard_offset");
  });

  it("shows the findings in English when the reader chose English", async () => {
    stubFetch({ ...agencies, "GET /api/quality": json(aQualityAnswer()) });
    window.history.replaceState(null, "", "/dashboard/quality?year=2024&under=100&lang=en");
    renderWithSession(<QualityPage />, aUser({ role: "reviewer" }));

    expect(await screen.findByText(/the applicant columns add up to 12/)).toBeTruthy();
    expect(screen.getByText("Its own history (4 years)")).toBeTruthy();
    expect(screen.getByRole("columnheader", { name: "Deviation (robust z-score)" })).toBeTruthy();
  });
});

describe("QualityPage's whole-region check", () => {
  it("lists a whole-region report far from the sum of its parts, with both sides", async () => {
    stubFetch({
      "GET /api/agencies": json({ items: [], total: 0 }),
      "GET /api/agencies/100": json({ id: 100, name: "示范省政府" }),
      "GET /api/quality": json(aQualityAnswer()),
    });
    renderWithSession(<QualityPage />, aUser({ role: "reviewer" }));
    const section = await screen.findByRole("region", { name: "本级自报与所含报告汇总相差较大" });
    const row = within(section).getByRole("row", { name: /示范市人民政府/ });
    expect(row.textContent).toContain("900");
    expect(row.textContent).toContain("400");
    expect(row.textContent).toContain("（12 份报告）");
  });
});
