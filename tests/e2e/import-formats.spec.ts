import { readFileSync } from "node:fs";
import { DEMO_LOGINS } from "../../scripts/seed/demo-users";
import { renderingModel } from "../import/renderings/fixture-model";
import { renderDocx } from "../import/renderings/render-docx";
import { readReportFixture } from "../import/report-fixtures";
import { signedInAgency, signIn, expect, test, type Browser, type Page } from "./test";

const FIXTURES = new URL("../../../shared/fixtures/reports/", import.meta.url);
const savedPage = readFileSync(new URL("24_shuyang_fgj_2023.html", FIXTURES));

async function openImport(browser: Browser, year: number) {
  const page = await signIn(browser, DEMO_LOGINS.submitter);
  await page.goto(`/reports/${await signedInAgency(page)}/${year}/edit`);
  await page.getByRole("button", { name: "从已发布的年报导入" }).click();
  return { page, dialog: page.getByRole("dialog") };
}

/** Drops a file on the dialog's drop area as a file manager would. */
async function dropFile(page: Page, name: string, type: string, bytes: Uint8Array) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, type, data }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type }));
      return transfer;
    },
    { name, type, data: [...bytes] },
  );
  await page.locator(".import-source").dispatchEvent("drop", { dataTransfer });
}

test("a saved report page dropped on the dialog is read table by table, blanks kept blank", async ({
  browser,
}) => {
  const { page, dialog } = await openImport(browser, 2023);
  await dropFile(page, "年报.html", "text/html", savedPage);
  await expect(dialog.getByText("读取方式：网页")).toBeVisible({ timeout: 20_000 });
  await expect(dialog.getByText("沭阳县发展和改革局").first()).toBeVisible();
  await dialog.getByRole("checkbox", { name: /^是，仍要导入到 .* 2023 年度报告$/ }).check();
  await dialog.getByRole("button", { name: "确认导入" }).click();

  await expect(page.locator('[data-figure="section3.new_received.total"]')).toHaveValue("26");
  await expect(page.locator('[data-figure="section3.new_received.natural_person"]')).toHaveValue(
    "26",
  );
  // The page leaves every legal-person cell empty: blank, not 0.
  await expect(
    page.locator('[data-figure="section3.new_received.commercial_enterprise"]'),
  ).toHaveValue("");
  await expect(page.locator('[data-figure="section4.reconsideration.pending"]')).toHaveValue("1");
  await page.getByRole("button", { name: "撤销导入" }).click();
  await expect(page.locator('[data-figure="section3.new_received.total"]')).not.toHaveValue("26");
});

test("a Word file dropped on the dialog is read in the browser", async ({ browser }) => {
  const { page, dialog } = await openImport(browser, 2022);
  const docx = renderDocx(renderingModel(readReportFixture("00_luoyang_shi_bgs_2022")));
  await dropFile(
    page,
    "洛阳市2022年报.docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    docx,
  );
  await expect(dialog.getByText("读取方式：Word 文档")).toBeVisible({ timeout: 20_000 });
  await expect(dialog.getByText("洛阳市人民政府办公室").first()).toBeVisible();
  await expect(
    dialog.getByRole("row", { name: /^表三 一、本年新收政府信息公开申请数量 · 总计 95 / }),
  ).toBeVisible();
});

test("text copied from a web page is pasted with its HTML, so tables arrive as tables", async ({
  browser,
}) => {
  const { dialog } = await openImport(browser, 2023);
  const box = dialog.getByLabel("年报全文");
  await box.focus();
  await box.evaluate((element, html) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData("text/html", html);
    clipboardData.setData("text/plain", "（浏览器给出的纯文本）");
    element.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }),
    );
  }, savedPage.toString("utf8"));
  await expect(dialog.getByText("读取方式：网页")).toBeVisible({ timeout: 20_000 });
  await expect(dialog.getByText("沭阳县发展和改革局").first()).toBeVisible();
  await dialog.getByRole("button", { name: "修改文字" }).click();
  await expect(dialog.getByLabel("年报全文")).toHaveValue(
    /\| 一、本年新收政府信息公开申请数量 \| 26 \| \| \| \| \| \| 26 \|/,
  );
});
