import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { signIn, expect, test, type Browser, type Page } from "./test";
import { DEMO_LOGINS } from "../../scripts/seed/demo-users";

interface ListedReport {
  agency_id: number;
  year: number;
}

const reviewerPage = (browser: Browser) => signIn(browser, DEMO_LOGINS.reviewer);

/**
 * A report of the demo that was never published (under review), or one whose current revision is
 * the published one.
 */
async function reportThat(
  page: Page,
  state: "is_unpublished" | "is_published",
): Promise<ListedReport> {
  const status = state === "is_published" ? "approved" : "submitted";
  const list = (await (
    await page.request.get(`/api/reports?status=${status}&limit=20`)
  ).json()) as {
    items: ListedReport[];
  };
  for (const listed of list.items) {
    const detail = (await (
      await page.request.get(`/api/agencies/${listed.agency_id}/reports/${listed.year}`)
    ).json()) as { report: { published_revision: number | null }; revision: { number: number } };
    const published = detail.report.published_revision === detail.revision.number;
    if (published === (state === "is_published")) return listed;
  }
  throw new Error(`no ${status} report in the demo`);
}

interface PrintedPage {
  landscape: boolean;
  /** The page's text line by line (items sharing a baseline), with the PDF font's radical forms
   * (⼀ for 一 …) folded back by NFKC. */
  lines: string[];
}

async function printToPdf(page: Page): Promise<PrintedPage[]> {
  await page.emulateMedia({ media: "print" });
  // The page's own @page sizes (A4 portrait, table 三 A4 landscape). WARNING: adding `format`
  // makes Chromium 156 fail ("Printing failed") on a document with named pages of both sizes.
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const document = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const pages: PrintedPage[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const printed = await document.getPage(n);
    const { width, height } = printed.getViewport({ scale: 1 });
    const lines = new Map<number, string>();
    for (const item of (await printed.getTextContent()).items) {
      if (!("str" in item)) continue;
      const y = Math.round(item.transform[5] as number);
      lines.set(y, (lines.get(y) ?? "") + item.str.normalize("NFKC"));
    }
    pages.push({ landscape: width > height, lines: [...lines.values()] });
  }
  return pages;
}

/** NFKC folds full-width punctuation too: the text looked for is folded the same way. */
const onPage = (printed: PrintedPage, text: string) =>
  printed.lines.some((line) => line.includes(text.normalize("NFKC")));

test("a report under review prints on three pages, table 三 on a landscape one, each marked 草稿（未审核）", async ({
  browser,
}) => {
  // Printing a report with its CJK fonts to PDF takes Chromium several seconds.
  test.setTimeout(90_000);
  const page = await reviewerPage(browser);
  const report = await reportThat(page, "is_unpublished");
  await page.goto(`/reports/${report.agency_id}/${report.year}/print`);
  await expect(page.locator('[data-grid="三"]')).toBeVisible();
  await expect(page.getByText("草稿（未审核）").first()).toBeVisible();

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation")).toBeHidden();
  await expect(page.getByRole("link", { name: "返回报告" })).toBeHidden();
  await expect(page.getByRole("button", { name: "打印" })).toBeHidden();

  const pages = await printToPdf(page);
  expect(pages.length).toBeLessThanOrEqual(3);
  for (const printed of pages) expect(onPage(printed, "草稿（未审核）")).toBe(true);
  const table3 = pages.filter((printed) => onPage(printed, "三、收到和处理政府信息公开申请情况"));
  expect(table3).toHaveLength(1);
  expect(table3[0]!.landscape).toBe(true);
  // The whole table on that page, its longest labels on a line or two rather than 3 characters.
  expect(onPage(table3[0]!, "一、本年新收政府信息公开申请数量")).toBe(true);
  expect(onPage(table3[0]!, "5.要求行政机关确认或重新出具已获取信息")).toBe(true);
  expect(onPage(table3[0]!, "四、结转下年度继续办理")).toBe(true);
  // Nothing of the app around the report.
  for (const printed of pages) {
    expect(onPage(printed, "返回报告")).toBe(false);
    expect(onPage(printed, "数据看板")).toBe(false);
  }
});

test("a published report prints without the draft mark", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await reviewerPage(browser);
  const report = await reportThat(page, "is_published");
  await page.goto(`/reports/${report.agency_id}/${report.year}/print`);
  await expect(page.locator('[data-grid="三"]')).toBeVisible();
  await expect(page.getByText("草稿（未审核）")).toHaveCount(0);

  const pages = await printToPdf(page);
  expect(pages.some((printed) => printed.landscape)).toBe(true);
  for (const printed of pages) expect(onPage(printed, "草稿（未审核）")).toBe(false);
});
