import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO_LOGINS } from "../../scripts/seed/demo-users";

test("a reviewer's dashboard shows the region's completeness, and its report's CSV matches the API", async ({
  browser,
}) => {
  const page = await (
    await browser.newContext({ locale: "zh-CN", acceptDownloads: true })
  ).newPage();
  await page.goto("/login");
  await page.getByLabel("邮箱").fill(DEMO_LOGINS.reviewer.email);
  await page.getByLabel("密码").fill(DEMO_LOGINS.reviewer.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).not.toHaveURL(/\/login/);

  await page.getByRole("link", { name: "数据看板" }).click();
  await expect(page).toHaveURL(/\/dashboard\?.*under=\d+/);
  const under = new URL(page.url()).searchParams.get("under");
  // The demo's latest year (the default view is last year's, which has no reports yet).
  const year = "2024";
  await page.goto(`/dashboard?year=${year}&under=${under}`);
  const overview = await (
    await page.request.get(`/api/overview?year=${year}&under=${under}`)
  ).json();
  const cards = page.getByRole("list", { name: "报送情况" });
  await expect(cards.getByText("机构总数").locator("..")).toContainText(
    overview.completeness.totals.agencies.toLocaleString("zh-CN"),
  );

  await page.getByRole("link", { name: "地区汇总报告" }).click();
  await expect(page).toHaveURL(/\/dashboard\/region-report/);
  const report = await (
    await page.request.get(`/api/region-report?year=${year}&under=${under}`)
  ).json();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载汇总表（CSV）" }).click(),
  ]);
  const csv = readFileSync((await download.path())!, "utf8");
  const line = csv
    .split("\r\n")
    .find(
      (l) =>
        l.startsWith("三,new_received,") && l.endsWith(`,${report.section3.rows.new_received[6]}`),
    );
  expect(line, "the 总计 of 一、本年新收 in the CSV equals the API's sum").toBeTruthy();
});
