import { readFileSync } from "node:fs";
import { expect, test, type Browser } from "./test";
import { pdfToTextInNode } from "../../scripts/import/read-pdf";
import { parseReportText } from "../../worker/import/parse-report";
import { readReportFixture, reportFixtureNames } from "../import/report-fixtures";
import { expectedAgency, mismatchedCells } from "../import/renderings/compare";
import { renderingModel } from "../import/renderings/fixture-model";
import { renderHtml } from "../import/renderings/render-html";

const FIXTURES = new URL("../../../shared/fixtures/reports/", import.meta.url);

/**
 * The page printed to PDF by this Chromium, as a reader's browser or an agency's site would: A4
 * with the usual margins. Offline: a saved page names its site's styles and images, none is fetched.
 */
async function printedToPdf(browser: Browser, html: string): Promise<Uint8Array> {
  const page = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  await page.route("**/*", (route) => route.abort());
  await page.setContent(html, { waitUntil: "load" });
  const margin = "1.5cm";
  const pdf = await page.pdf({
    format: "A4",
    margin: { top: margin, right: margin, bottom: margin, left: margin },
  });
  return new Uint8Array(pdf);
}

/** The report read from the PDF's text as the CLI reads it, beside what expected.json holds. */
async function importedFromPdf(pdf: Uint8Array, expected: Record<string, unknown>) {
  const result = parseReportText(await pdfToTextInNode(pdf));
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return {
    mismatches: mismatchedCells(expected, result.document),
    year: result.year,
    agency: result.agency,
  };
}

/** The plain page as published (tables without borders), or with its tables ruled as most sites style them. */
const TABLE_STYLES = {
  unruled: "",
  ruled: "<style>table { border-collapse: collapse } th, td { border: 1px solid #000 }</style>",
} as const;

for (const name of reportFixtureNames()) {
  for (const [tables, style] of Object.entries(TABLE_STYLES)) {
    test(`fixture ${name}, its web page printed to PDF with ${tables} tables, imports at 100 % of expected.json`, async ({
      browser,
    }) => {
      const fixture = readReportFixture(name);
      const html = renderHtml(renderingModel(fixture), "plain").replace(
        "</head>",
        `${style}</head>`,
      );
      const read = await importedFromPdf(await printedToPdf(browser, html), fixture.expected);
      expect(read.mismatches).toEqual([]);
      expect(read.year).toBe(fixture.expected.year);
      expect(read.agency).toBe(expectedAgency(fixture.expected));
    });
  }
}

test("fixture 24's saved web page, printed to PDF, imports at 100 % of expected.json, every blank legal-person cell null", async ({
  browser,
}) => {
  const html = readFileSync(new URL("24_shuyang_fgj_2023.html", FIXTURES), "utf8");
  const expected = JSON.parse(
    readFileSync(new URL("24_shuyang_fgj_2023.expected.json", FIXTURES), "utf8"),
  ) as Record<string, unknown>;
  const read = await importedFromPdf(await printedToPdf(browser, html), expected);
  expect(read.mismatches).toEqual([]);
  expect(read.year).toBe(expected.year);
  expect(read.agency).toBe(expectedAgency(expected));
});

/** Every Chinese character of GB 2312 (its 6,763 hanzi), in code order. */
function gb2312Hanzi(): string[] {
  const decoder = new TextDecoder("gb18030");
  const out: string[] = [];
  for (let high = 0xb0; high <= 0xf7; high += 1) {
    for (let low = 0xa1; low <= 0xfe; low += 1) {
      const char = decoder.decode(new Uint8Array([high, low]));
      if (/\p{Script=Han}/u.test(char)) out.push(char);
    }
  }
  return out;
}

test("every GB 2312 character Chromium prints to PDF reads back as itself, not as the radical or variant its font shares a glyph with", async ({
  browser,
}) => {
  const hanzi = gb2312Hanzi();
  expect(hanzi).toHaveLength(6763);
  const lines: string[] = [];
  for (let i = 0; i < hanzi.length; i += 40) lines.push(hanzi.slice(i, i + 40).join(""));
  const html = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body>${lines
    .map((line) => `<p>${line}</p>`)
    .join("")}</body></html>`;
  const read = (await pdfToTextInNode(await printedToPdf(browser, html)))
    .split("\n")
    .filter((line) => line.trim() !== "" && line !== "\f");
  expect(read).toHaveLength(lines.length);
  const misread = lines.flatMap((line, i) => {
    const got = [...(read[i] ?? "")];
    return [...line].flatMap((char, j) => (got[j] === char ? [] : [`${char}→${got[j] ?? ""}`]));
  });
  expect(misread).toEqual([]);
});
