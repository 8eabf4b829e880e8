/**
 * Every fixture through the browser's import dialog, as a file an agency drops: each text
 * fixture's web-page renderings (UTF-8 and GBK, several markups), its Word rendering and its page
 * printed to PDF, and fixture 24's saved page. The dialog must show exactly the figures of each
 * expected.json.
 */

import { readFileSync } from "node:fs";
import { DEMO_LOGINS } from "../../scripts/seed/demo-users";
import { fixtureDocument } from "../../worker/demo/fixture-document";
import { flattenFigures } from "../../worker/report/figures";
import { renderingModel } from "../import/renderings/fixture-model";
import { renderDocx } from "../import/renderings/render-docx";
import { HTML_STYLES, renderHtml, renderHtmlBytes } from "../import/renderings/render-html";
import { allReportFixtures } from "../import/report-fixtures";
import { signedInAgency, signIn, expect, test, type Browser, type Page } from "./test";

const FIXTURES = new URL("../../../shared/fixtures/reports/", import.meta.url);
const BLANK = "（空）";

interface DroppedFile {
  label: string;
  name: string;
  type: string;
  bytes: Uint8Array;
  expected: Record<string, unknown>;
}

async function editingPage(browser: Browser): Promise<Page> {
  const page = await signIn(browser, DEMO_LOGINS.submitter);
  await page.goto(`/reports/${await signedInAgency(page)}/2021/edit`);
  return page;
}

/** The figures the dialog's preview lists, as key → printed value. */
async function previewedFigures(page: Page): Promise<Record<string, string>> {
  return page.locator(".import-values tbody tr").evaluateAll((rows) =>
    Object.fromEntries(
      rows.map((row) => {
        const cell = row.querySelector(".import-number");
        const note = cell?.querySelector(".import-note")?.textContent ?? "";
        const text = (cell?.textContent ?? "").slice(
          0,
          (cell?.textContent ?? "").length - note.length,
        );
        return [row.getAttribute("data-figure-key") ?? "", text.trim()];
      }),
    ),
  );
}

function printed(value: number | null): string {
  return value === null ? BLANK : value.toLocaleString("zh-CN", { maximumFractionDigits: 4 });
}

async function dropAndCompare(page: Page, file: DroppedFile): Promise<string[]> {
  await page.getByRole("button", { name: "从已发布的年报导入" }).click();
  const dialog = page.getByRole("dialog");
  const handle = await page.evaluateHandle(
    ({ name, type, data }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type }));
      return transfer;
    },
    { name: file.name, type: file.type, data: [...file.bytes] },
  );
  await page.locator(".import-source").dispatchEvent("drop", { dataTransfer: handle });
  await expect(dialog.getByRole("button", { name: "确认导入" })).toBeVisible({ timeout: 30_000 });
  const shown = await previewedFigures(page);
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toBeHidden();
  const want = flattenFigures(fixtureDocument(file.expected));
  return [...want].flatMap(([key, value]) =>
    shown[key] === printed(value)
      ? []
      : [`${file.label} ${key}: want ${printed(value)}, shown ${shown[key]}`],
  );
}

const fixtures = allReportFixtures();

test("every fixture's web pages, UTF-8 and GBK, read in the dialog as expected.json", async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const page = await editingPage(browser);
  const files: DroppedFile[] = fixtures.map((fixture, i) => {
    // One style per fixture, in turn, so that each style and both encodings are dropped.
    const style = HTML_STYLES[i % HTML_STYLES.length]!;
    return {
      label: `${fixture.name} (${style})`,
      name: `${fixture.name}.html`,
      type: "text/html",
      bytes: renderHtmlBytes(renderingModel(fixture), style),
      expected: fixture.expected,
    };
  });
  files.push({
    label: "24 (saved page)",
    name: "24_shuyang_fgj_2023.html",
    type: "text/html",
    bytes: new Uint8Array(readFileSync(new URL("24_shuyang_fgj_2023.html", FIXTURES))),
    expected: JSON.parse(
      readFileSync(new URL("24_shuyang_fgj_2023.expected.json", FIXTURES), "utf8"),
    ),
  });
  const mismatches: string[] = [];
  for (const file of files) mismatches.push(...(await dropAndCompare(page, file)));
  expect(mismatches).toEqual([]);
});

test("every fixture's Word rendering reads in the dialog as expected.json", async ({ browser }) => {
  test.setTimeout(600_000);
  const page = await editingPage(browser);
  const mismatches: string[] = [];
  for (const fixture of fixtures) {
    mismatches.push(
      ...(await dropAndCompare(page, {
        label: `${fixture.name} (docx)`,
        name: `${fixture.name}.docx`,
        type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        bytes: renderDocx(renderingModel(fixture)),
        expected: fixture.expected,
      })),
    );
  }
  expect(mismatches).toEqual([]);
});

test("every fixture's page printed to PDF reads in the dialog as expected.json", async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const page = await editingPage(browser);
  const printer = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  const ruled =
    "<style>table { border-collapse: collapse } th, td { border: 1px solid #000 }</style>";
  const mismatches: string[] = [];
  for (const fixture of fixtures) {
    await printer.setContent(ruled + renderHtml(renderingModel(fixture), "plain"));
    const margin = "1.5cm";
    const pdf = await printer.pdf({
      format: "A4",
      margin: { top: margin, right: margin, bottom: margin, left: margin },
    });
    mismatches.push(
      ...(await dropAndCompare(page, {
        label: `${fixture.name} (pdf)`,
        name: `${fixture.name}.pdf`,
        type: "application/pdf",
        bytes: new Uint8Array(pdf),
        expected: fixture.expected,
      })),
    );
  }
  expect(mismatches).toEqual([]);
});
