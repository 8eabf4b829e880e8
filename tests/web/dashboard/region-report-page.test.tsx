import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RegionReportPage } from "../../../web/pages/region-report-page";
import { aUser, json, renderWithSession, stubFetch } from "../builders";
import { aLedgerPage, aRegionReport, LEDGER_ENTRIES } from "./builders";

beforeEach(() =>
  window.history.replaceState(null, "", "/dashboard/region-report?year=2024&under=100"),
);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The page's routes; the ledger's answers page `entries` by the URL each request asked. */
function stub(entries = LEDGER_ENTRIES) {
  const fetch = stubFetch({
    "GET /api/agencies": json({ items: [], total: 0 }),
    "GET /api/agencies/100": json({ id: 100, name: "示范省政府" }),
    "GET /api/region-report": json(aRegionReport()),
    "GET /api/rollup/ledger": () => json(aLedgerPage(String(ledgerCalls().at(-1)), entries)),
  });
  const ledgerCalls = () =>
    fetch.mock.calls.map(([url]) => String(url)).filter((url) => url.includes("/ledger"));
  return { fetch, ledgerCalls };
}
const routes = () => stub().fetch;

describe("RegionReportPage", () => {
  it("asks for the ledger's agencies only when opened, and filters them by inclusion on the server", async () => {
    const { ledgerCalls } = stub();
    renderWithSession(<RegionReportPage />, aUser({ role: "reviewer" }));

    const ledger = await screen.findByRole("region", { name: "汇总台账" });
    expect(within(ledger).queryByRole("table")).toBeNull();
    expect(ledgerCalls()).toEqual([]);
    fireEvent.click(within(ledger).getByRole("button", { name: "查看机构清单（5 个）" }));
    await within(ledger).findByRole("table");
    expect(ledgerCalls()).toEqual([
      "/api/rollup/ledger?year=2024&under=100&basis=published&limit=50&offset=0",
    ]);
    expect(within(ledger).getAllByRole("row")).toHaveLength(4);
    expect(within(ledger).getByRole("link", { name: "示范市政府" }).getAttribute("href")).toBe(
      "/reports/51/2024",
    );

    fireEvent.change(within(ledger).getByLabelText("汇总情况"), { target: { value: "missing" } });
    await within(ledger).findByRole("rowheader", { name: "北城区政府" });
    expect(ledgerCalls().at(-1)).toContain("state=missing");
    expect(within(ledger).getAllByRole("row")).toHaveLength(2);
    expect(within(ledger).getByRole("rowheader", { name: "北城区政府" })).toBeTruthy();
    expect(new URLSearchParams(window.location.search).get("inclusion")).toBe("missing");
  });

  it("pages a long ledger with 上一页 and 下一页, asking the server for each page", async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      ...LEDGER_ENTRIES[2]!,
      id: 1000 + i,
      name: `第${i + 1}街道`,
    }));
    const { ledgerCalls } = stub(many);
    renderWithSession(<RegionReportPage />, aUser({ role: "admin" }));

    const ledger = await screen.findByRole("region", { name: "汇总台账" });
    fireEvent.click(within(ledger).getByRole("button", { name: /查看机构清单/ }));
    await within(ledger).findByRole("rowheader", { name: "第1街道" });
    expect(within(ledger).getAllByRole("row")).toHaveLength(51);
    expect(within(ledger).getByText("第 1–50 条，共 60 条")).toBeTruthy();
    expect(within(ledger).getByRole<HTMLButtonElement>("button", { name: "上一页" }).disabled).toBe(
      true,
    );

    fireEvent.click(within(ledger).getByRole("button", { name: "下一页" }));
    await within(ledger).findByRole("rowheader", { name: "第51街道" });
    expect(ledgerCalls().at(-1)).toContain("limit=50&offset=50");
    expect(within(ledger).getAllByRole("row")).toHaveLength(11);
    expect(within(ledger).getByText("第 51–60 条，共 60 条")).toBeTruthy();

    fireEvent.click(within(ledger).getByRole("button", { name: "上一页" }));
    await within(ledger).findByRole("rowheader", { name: "第1街道" });
    expect(ledgerCalls().at(-1)).toContain("offset=0");
  });

  it("offers the tables and the ledger as CSV, and both as one XLSX, for the same region and year", async () => {
    routes();
    renderWithSession(<RegionReportPage />, aUser({ role: "admin" }));

    const tables = await screen.findByRole("link", { name: "下载汇总表（CSV）" });
    expect(tables.getAttribute("href")).toBe(
      "/api/region-report?year=2024&under=100&format=csv&part=tables",
    );
    expect(screen.getByRole("link", { name: "下载台账（CSV）" }).getAttribute("href")).toBe(
      "/api/region-report?year=2024&under=100&format=csv&part=ledger",
    );
    expect(screen.getByRole("link", { name: "导出 XLSX" }).getAttribute("href")).toBe(
      "/api/region-report?year=2024&under=100&format=xlsx",
    );
    expect(screen.getByRole("button", { name: "打印" })).toBeTruthy();
  });

  it("shows the counts and the summed tables in the official layout", async () => {
    routes();
    renderWithSession(<RegionReportPage />, aUser({ role: "admin" }));

    const counts = await screen.findByRole("region", { name: "汇总范围" });
    const cards = within(counts).getByRole("list", { name: "汇总范围" });
    expect(
      within(cards)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["已纳入3", "未发布1", "未报送1"]);
    expect(document.querySelectorAll(".report-table").length).toBeGreaterThan(0);
    expect(screen.getByText("120")).toBeTruthy();
  });
});

describe("RegionReportPage's whole-region view", () => {
  it("sets the scope in the URL, asks for whole-region sums and names every inclusion", async () => {
    const fetch = routes();
    renderWithSession(<RegionReportPage />, aUser({ role: "admin" }));
    fireEvent.change(await screen.findByLabelText("汇总口径"), { target: { value: "region" } });

    expect(new URLSearchParams(window.location.search).get("scope")).toBe("region");
    const counts = await screen.findByRole("list", { name: "汇总范围" });
    expect(
      within(counts)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["已纳入3", "已含于上级报告0", "由下级报告代替0", "未发布1", "未报送1"]);
    expect(fetch.mock.calls.some(([url]) => String(url).includes("scope=region"))).toBe(true);
  });

  it("sets the region's own report beside the sum of its parts and flags a large difference", async () => {
    routes();
    renderWithSession(<RegionReportPage />, aUser({ role: "admin" }));

    const check = await screen.findByRole("region", { name: "本级自报与汇总核对" });
    const flagged = within(check).getByRole("row", { name: /本年新收/ });
    expect(flagged.textContent).toContain("130");
    expect(flagged.textContent).toContain("60");
    expect(flagged.textContent).toContain("相差较大");
    const [, , unflagged] = within(check).getAllByRole("row");
    expect(unflagged!.textContent).toContain("98");
    expect(unflagged!.textContent).not.toContain("相差较大");
    expect(screen.getByText("汇总 3 / 5 个机构已发布的报告")).toBeTruthy();
    expect(screen.getByText(/现行有效件数”不汇总/)).toBeTruthy();
  });
});

describe("RegionReportPage's title and findings", () => {
  it("is titled as the region's sum for the year, with its coverage in the title block", async () => {
    routes();
    renderWithSession(<RegionReportPage />, aUser({ role: "admin" }));

    const title = await screen.findByRole("heading", {
      level: 2,
      name: "示范省 2024 年度政府信息公开工作年度报告汇总",
    });
    const block = title.closest("header")!;
    expect(block.textContent).toContain("汇总 3 / 5 个机构已发布的报告");
    expect(block.textContent).toContain("2021 版格式 2 份，2019 版格式 1 份");
    // Not titled as the government's own report.
    expect(screen.queryByText(/示范省人民政府2024年政府信息公开工作年度报告/)).toBeNull();
    const check = screen.getByRole("region", { name: "汇总表核对" });
    expect(check.textContent).toContain("✓ 汇总后的表格符合各项勾稽关系。");
  });

  it("says each rule the summed tables break in words, linking the reports it comes from", async () => {
    const finding = {
      rule: "R1",
      severity: "error",
      table: "三",
      row: "granted",
      column: "total",
      expected: 40,
      actual: 41,
      message: "表三 “三、本年度办理结果 （一）予以公开”行：各申请人列合计=40，总计=41，相差1",
      message_en: "Table 3, row granted: the applicant columns add up to 40 but the total is 41",
    };
    stubFetch({
      "GET /api/agencies": json({ items: [], total: 0 }),
      "GET /api/agencies/100": json({ id: 100, name: "示范省人民政府" }),
      "GET /api/region-report": json(
        aRegionReport({
          findings: [
            {
              ...finding,
              sources: {
                same_place: true,
                total: 23,
                items: [
                  { agency_id: 51, agency_name: "示范市教育局" },
                  { agency_id: 52, agency_name: "示范市民政局" },
                ],
              },
            },
            {
              ...finding,
              rule: "R3",
              row: "total_processed",
              severity: "warning",
              message: "汇总后三(七)总计不等于各办理结果之和",
              sources: { same_place: false, total: 0, items: [] },
            },
          ],
        }),
      ),
    });
    renderWithSession(<RegionReportPage />, aUser({ role: "admin" }));

    const check = await screen.findByRole("region", { name: "汇总表核对" });
    const [first, second] = within(check).getAllByRole("listitem");
    expect(first!.textContent).toMatch(/^错误表三/);
    expect(first!.textContent).toContain(
      "来自：示范市教育局、示范市民政局等 23 份报告（在同一处违反同一规则）",
    );
    expect(
      within(first!)
        .getAllByRole("link")
        .map((a) => a.getAttribute("href")),
    ).toEqual(["/reports/51/2024", "/reports/52/2024"]);
    expect(second!.textContent).toMatch(/^提示/);
    expect(second!.textContent).toContain("所汇总的报告都不单独违反这条规则");
    expect(check.textContent).not.toMatch(/\bR[1-5]\b/);
  });
});
