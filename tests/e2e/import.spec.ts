import { readFileSync } from "node:fs";
import { signedInAgency, signIn, expect, test, type Browser } from "./test";
import { DEMO_LOGINS } from "../../scripts/seed/demo-users";

const fixtureText = readFileSync(
  new URL("../../../shared/fixtures/reports/00_luoyang_shi_bgs_2022.txt", import.meta.url),
  "utf8",
);

async function submitterPage(browser: Browser) {
  const page = await signIn(browser, DEMO_LOGINS.submitter);
  return { page, agencyId: await signedInAgency(page) };
}

const saved = { timeout: 15_000 };

test("a published report's text fills the form after a preview, and the import can be undone", async ({
  browser,
}) => {
  const { page, agencyId } = await submitterPage(browser);
  await page.goto(`/reports/${agencyId}/2022/edit`);
  await page.getByRole("button", { name: "从已发布的年报导入" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("年报全文").fill(fixtureText);
  await dialog.getByRole("button", { name: "解析", exact: true }).click();
  await expect(dialog.getByText("洛阳市人民政府办公室").first()).toBeVisible();
  // Another agency's text: importing it into this draft needs a word from the submitter.
  await expect(dialog.getByRole("button", { name: "确认导入" })).toBeDisabled();
  await dialog.getByRole("checkbox", { name: /^是，仍要导入到 .* 2022 年度报告$/ }).check();
  await dialog.getByRole("button", { name: "确认导入" }).click();

  await expect(page.locator('[data-figure="section3.new_received.total"]')).toHaveValue("95");
  await expect(page.locator('[data-figure="metrics.website_visits"]')).toHaveValue(/5,?820,?000/);
  await expect(page.getByRole("status").filter({ hasText: /^已保存/ })).toBeVisible(saved);
  const report = await (await page.request.get(`/api/agencies/${agencyId}/reports/2022`)).json();
  expect(report.document.section4.litigation_after_reconsideration).toEqual([11, 0, 0, 2, 13]);

  await page.getByRole("button", { name: "撤销导入" }).click();
  await expect(page.locator('[data-figure="section3.new_received.total"]')).toHaveValue("");
});

test("a PDF dropped in the browser is read there and parsed", async ({ browser }) => {
  const { page, agencyId } = await submitterPage(browser);
  // A PDF of the fixture text, printed by this Chromium as an agency's site would be.
  const printer = await browser.newPage();
  await printer.setContent(
    `<pre style="font-family: 'Noto Sans CJK SC', sans-serif; font-size: 11px">${fixtureText
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")}</pre>`,
  );
  const pdf = await printer.pdf({ format: "A4" });

  await page.goto(`/reports/${agencyId}/2022/edit`);
  await page.getByRole("button", { name: "从已发布的年报导入" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("选择文件（网页、Word、PDF 或文本）").setInputFiles({
    name: "luoyang-2022.pdf",
    mimeType: "application/pdf",
    buffer: pdf,
  });
  await expect(dialog.getByRole("button", { name: "确认导入" })).toBeVisible({ timeout: 20_000 });
  await expect(dialog.getByText("洛阳市人民政府办公室").first()).toBeVisible();
});
