/// <reference lib="dom" />
// The callbacks given to evaluate() run in the page, where the DOM exists.
import { readFileSync } from "node:fs";
import { signedInAgency, signIn, expect, test, type Browser, type Page } from "./test";
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

async function signedIn(browser: Browser, viewport?: { width: number; height: number }) {
  const page = await signIn(browser, DEMO_LOGINS.submitter, viewport);
  return { page, context: page.context(), agencyId: await signedInAgency(page) };
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

  // R2, in words: the 自然人 column's 一+二 no longer equals 三(七)+四.
  const r2 = /表三 “自然人”列：一\+二=/;
  const findings = page.getByRole("complementary", { name: "勾稽检查" });
  await expect(findings.getByText(r2)).toHaveCount(0);
  await typeInto(page, "section3.new_received.natural_person", "91");
  await expect(findings.getByText(r2)).toBeVisible();
  await expect(findings.getByText(/\bR2\b/)).toHaveCount(0);

  await typeInto(page, "section3.new_received.natural_person", "90");
  await expect(findings.getByText(r2)).toHaveCount(0);
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

/** How far the page and each of the form's table boxes are scrolled, and how far they could be. */
const scrollState = (page: Page) =>
  page.evaluate(() => ({
    page: { scrollX: window.scrollX, overflow: document.documentElement.scrollWidth - innerWidth },
    boxes: [...document.querySelectorAll<HTMLElement>(".report-form .table-scroll")].map((box) => ({
      left: box.scrollLeft,
      overflow: box.scrollWidth - box.clientWidth,
    })),
  }));

const box = async (page: Page, selector: string) => (await page.locator(selector).boundingBox())!;

test("at 1366×768 the whole form fits: 总计 is in view and focusing it scrolls nothing sideways", async ({
  browser,
}) => {
  const { page, agencyId } = await signedIn(browser, { width: 1366, height: 768 });
  await page.goto(`/reports/${agencyId}/2025/edit`);
  const total = cell(page, "section3.new_received.total");
  await total.focus();
  await expect(total).toBeInViewport({ ratio: 1 });
  await expect(cell(page, "section4.litigation_after_reconsideration.total")).toBeVisible();

  const state = await scrollState(page);
  expect(state.page).toEqual({ scrollX: 0, overflow: 0 });
  expect(state.boxes).toHaveLength(3);
  for (const table of state.boxes) expect(table).toEqual({ left: 0, overflow: 0 });
});

test("table 三's header rows stay in view while its rows scroll beneath them", async ({
  browser,
}) => {
  const { page, agencyId } = await signedIn(browser, { width: 1366, height: 768 });
  await page.goto(`/reports/${agencyId}/2025/edit`);
  const scroller = page.locator(".report-form .table-scroll-3");
  await scroller.scrollIntoViewIfNeeded();
  await scroller.evaluate((element) => element.scrollBy(0, 400));
  expect(await scroller.evaluate((element) => element.scrollTop)).toBeGreaterThan(300);

  const frame = await box(page, ".report-form .table-scroll-3");
  const header = await box(page, ".report-table-3 thead");
  expect(Math.abs(header.y - frame.y)).toBeLessThan(2);
  const totalHeading = page.locator(".report-table-3 thead th", { hasText: "总计" });
  await expect(totalHeading).toBeInViewport({ ratio: 1 });
  // The first row has gone under the header: the table really scrolled.
  const firstRow = await box(page, '.report-table-3 [data-figure="section3.new_received.total"]');
  expect(firstRow.y).toBeLessThan(frame.y);
});

test("on a phone table 三 scrolls sideways inside its own box, its labels staying in view", async ({
  browser,
}) => {
  const { page, agencyId } = await signedIn(browser, { width: 390, height: 844 });
  await page.goto(`/reports/${agencyId}/2025/edit`);
  const total = cell(page, "section3.granted.total");
  await total.focus();
  await expect(total).toBeInViewport({ ratio: 1 });

  const state = await scrollState(page);
  expect(state.page).toEqual({ scrollX: 0, overflow: 0 });
  expect(state.boxes[1]!.overflow).toBeGreaterThan(0);
  expect(state.boxes[1]!.left).toBeGreaterThan(0);

  // The row's label stays at the box's left edge, and the focused cell is not hidden under it.
  const frame = await box(page, ".report-form .table-scroll-3");
  const label = await box(page, '.report-table-3 th[scope="row"]:text("（一）予以公开")');
  expect(label.x).toBeGreaterThanOrEqual(frame.x);
  expect(label.x).toBeLessThan(frame.x + frame.width / 2);
  expect((await total.boundingBox())!.x).toBeGreaterThanOrEqual(label.x + label.width - 1);
});
