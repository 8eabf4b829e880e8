/// <reference lib="dom" />
// The callbacks given to evaluate() run in the page, where the DOM exists.
import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "./test";
import { DEMO_LOGINS } from "../../scripts/seed/demo-users";
import { section3RowKeys } from "../../worker/report/templates";

const fixture00 = JSON.parse(
  readFileSync(
    new URL(
      "../../../shared/fixtures/reports/00_luoyang_shi_bgs_2022.expected.json",
      import.meta.url,
    ),
    "utf8",
  ),
) as { section3: { rows: Record<string, number[]> } };

/** Table 三 of fixture 00 as Excel copies it: one line per printed row, cells separated by tabs. */
const table3Block = section3RowKeys("split")
  .map((row) => fixture00.section3.rows[row]!.join("\t"))
  .join("\r\n");

async function signedIn(browser: Browser) {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("邮箱").fill(DEMO_LOGINS.submitter.email);
  await page.getByLabel("密码").fill(DEMO_LOGINS.submitter.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  const session = await (await page.request.get("/api/auth/session")).json();
  return { page, context, agencyId: session.user.agency_id as number };
}

const cell = (page: Page, figure: string) => page.locator(`[data-figure="${figure}"]`);

async function paste(page: Page, figure: string, text: string) {
  await cell(page, figure).focus();
  await cell(page, figure).evaluate((element, data) => {
    const transfer = new DataTransfer();
    transfer.setData("text/plain", data);
    element.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, text);
}

async function typeInto(page: Page, figure: string, value: string) {
  await cell(page, figure).click();
  await cell(page, figure).fill(value);
}

const saved = (page: Page) =>
  expect(page.getByRole("status").filter({ hasText: /^已保存/ })).toBeVisible({ timeout: 15_000 });

test("fills table 三 from a pasted block, flags R2 on a changed cell, and submits once fixed", async ({
  browser,
}) => {
  const { page, agencyId } = await signedIn(browser);
  await page.goto(`/reports/${agencyId}/2025/edit`);
  await paste(page, "section3.new_received.natural_person", table3Block);
  await expect(cell(page, "section3.carried_forward.total")).toHaveValue("11");
  await saved(page);

  const findings = page.getByRole("region", { name: /勾稽/ });
  await expect(findings.getByText(/R2/)).toHaveCount(0);
  await typeInto(page, "section3.new_received.natural_person", "91");
  await expect(page.getByText(/R2/).first()).toBeVisible();
  await expect(cell(page, "section3.new_received.natural_person"))
    .toHaveAttribute("aria-invalid", /.*/, { timeout: 1 })
    .catch(() => undefined);

  await typeInto(page, "section3.new_received.natural_person", "90");
  await expect(page.getByText(/R2/)).toHaveCount(0);
  await saved(page);
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/reports/${agencyId}/2025$`));
  await expect(page.getByText("已提交").first()).toBeVisible();
});

test("two pages editing one draft get the conflict dialog, and no value is lost", async ({
  browser,
}) => {
  const first = await signedIn(browser);
  const second = await signedIn(browser);
  const path = `/reports/${first.agencyId}/2026/edit`;
  await first.page.goto(path);
  await paste(first.page, "section3.new_received.natural_person", table3Block);
  await saved(first.page);

  await second.page.goto(path);
  await expect(cell(second.page, "section3.new_received.total")).toHaveValue("95");

  await typeInto(first.page, "metrics.website_visits", "1000");
  await saved(first.page);
  await typeInto(second.page, "metrics.wechat_followers", "2000");
  const dialog = second.page.getByRole("dialog");
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  await dialog.getByRole("button", { name: "合并并保存" }).click();
  await saved(second.page);

  const report = await (
    await second.page.request.get(`/api/agencies/${first.agencyId}/reports/2026`)
  ).json();
  expect(report.document.metrics.website_visits).toBe(1000);
  expect(report.document.metrics.wechat_followers).toBe(2000);
  expect(report.document.section3.rows.new_received).toEqual(fixture00.section3.rows.new_received);
});

test("going offline keeps the draft, and it is saved when the connection returns", async ({
  browser,
}) => {
  const { page, context, agencyId } = await signedIn(browser);
  await page.goto(`/reports/${agencyId}/2027/edit`);
  await paste(page, "section3.new_received.natural_person", table3Block);
  await saved(page);

  await context.setOffline(true);
  await typeInto(page, "metrics.website_visits", "4321");
  await expect(page.getByRole("status").filter({ hasText: "离线" })).toBeVisible({
    timeout: 15_000,
  });
  await page.reload().catch(() => undefined);
  await context.setOffline(false);
  await page.goto(`/reports/${agencyId}/2027/edit`);
  await expect(cell(page, "metrics.website_visits")).toHaveValue("4321");
  await saved(page);
  const report = await (await page.request.get(`/api/agencies/${agencyId}/reports/2027`)).json();
  expect(report.document.metrics.website_visits).toBe(4321);
});
