import { readFileSync } from "node:fs";
import { logIn, expect, test, type Page } from "./test";
import { unzipSync, strFromU8 } from "fflate";
import { DEMO_LOGINS } from "../../scripts/seed/demo-users";
import { formatCount } from "../../web/lib/format";

// The demo's latest year (the default view is last year's, which may have no reports yet).
const YEAR = "2024";

const signInAsReviewer = (page: Page) => logIn(page, DEMO_LOGINS.reviewer);

const api = async (page: Page, path: string) => {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return response.json();
};

test("a reviewer walks overview → compare → agency profile → region report, each figure as the API gives it", async ({
  browser,
}) => {
  const page = await (
    await browser.newContext({ locale: "zh-CN", acceptDownloads: true })
  ).newPage();
  await signInAsReviewer(page);

  // Overview of the reviewer's region.
  await page.getByRole("link", { name: "数据看板" }).click();
  await expect(page).toHaveURL(/\/dashboard\?.*under=\d+/);
  const under = new URL(page.url()).searchParams.get("under")!;
  await page.goto(`/dashboard?year=${YEAR}&under=${under}`);
  const overview = await api(page, `/api/overview?year=${YEAR}&under=${under}`);
  const cards = page.getByRole("list", { name: "报送情况" });
  await expect(cards.getByText("机构总数").locator("..")).toContainText(
    overview.completeness.totals.agencies.toLocaleString("zh-CN"),
  );

  // Compare: website visits. A raw count is ranked only among peers (one level, kind and
  // scope): the page picks the largest group the server names, and says so.
  await page.getByRole("link", { name: "横向比较" }).click();
  await expect(page).toHaveURL(/\/dashboard\/compare/);
  await page.getByLabel("比较内容").selectOption({ label: "网站访问量" });
  await expect(page.getByRole("status").filter({ hasText: "本页已选定" })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  const ranking = page.getByRole("table", { name: "排名" });
  await expect(ranking).toBeVisible();
  await expect(ranking.getByRole("columnheader").first()).toHaveText(/名次（大者居前）/);
  // The group is the server's pick, asked for as the page asks.
  const answer = await api(
    page,
    `/api/compare?figure=metrics.website_visits&years=${YEAR}&under=${under}&basis=published&rank=true&pick=true&sort=rank&limit=50`,
  );
  expect(answer.picked?.reason).toBe("mixed_peers");
  const first = answer.ranking[0];
  const firstAgency = answer.agencies.find((a: { id: number }) => a.id === first.agency_id);
  expect(first.rank).toBe(1);
  const firstRow = ranking.getByRole("row").nth(1);
  await expect(firstRow.getByRole("cell").first()).toHaveText("1");
  await expect(firstRow.getByRole("rowheader")).toHaveText(firstAgency.name);
  await expect(firstRow.getByRole("cell").last()).toHaveText(formatCount(first.value, "zh"));
  // The whole ranking is the server's: as many rows as the page of the API's answer.
  await expect(ranking.getByRole("row")).toHaveCount(answer.items.length + 1);

  // The first-ranked agency's profile: its reports by year as the API lists them.
  await firstRow.getByRole("link", { name: firstAgency.name }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/agency/${first.agency_id}$`));
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(firstAgency.name);
  const reports = await api(page, `/api/agencies/${first.agency_id}/reports`);
  const reportsTable = page.getByRole("table", { name: "历年年报" });
  await expect(reportsTable.getByRole("row")).toHaveCount(reports.items.length + 1);
  await expect(reportsTable.getByRole("rowheader").first()).toHaveText(
    String(Math.max(...reports.items.map((r: { year: number }) => r.year))),
  );
  const trend = page.getByRole("table", { name: "主要数据趋势" });
  await expect(trend.getByRole("row", { name: new RegExp(`^${YEAR}`) })).toContainText(
    formatCount(first.value, "zh"),
  );

  // The region's report: its CSV and XLSX carry the API's sums.
  await page.goto(`/dashboard?year=${YEAR}&under=${under}`);
  await page.getByRole("link", { name: "地区汇总报告" }).click();
  await expect(page).toHaveURL(/\/dashboard\/region-report/);
  const report = await api(page, `/api/region-report?year=${YEAR}&under=${under}`);
  const newReceived = report.section3.rows.new_received[6];
  expect(newReceived).toBeGreaterThan(0);

  const [csvDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载汇总表（CSV）" }).click(),
  ]);
  const csv = readFileSync(await csvDownload.path(), "utf8");
  const line = csv
    .split("\r\n")
    .find((l) => l.startsWith("三,new_received,") && l.endsWith(`,${newReceived}`));
  expect(line, "the 总计 of 一、本年新收 in the CSV equals the API's sum").toBeTruthy();

  const [xlsxDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出 XLSX" }).click(),
  ]);
  expect(xlsxDownload.suggestedFilename()).toBe(`region-report-${YEAR}.xlsx`);
  const workbook = unzipSync(readFileSync(await xlsxDownload.path()));
  const names = strFromU8(workbook["xl/workbook.xml"]!);
  for (const sheet of ["说明", "表二", "表三", "表四", "机构清单"]) expect(names).toContain(sheet);
  expect(
    Object.values(workbook).some((part) => strFromU8(part).includes(`<v>${newReceived}</v>`)),
  ).toBe(true);
});
