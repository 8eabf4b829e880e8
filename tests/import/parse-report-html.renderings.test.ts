/**
 * Every text fixture rendered as the web pages reports are published in (clean HTML, Word's
 * markup, a government site's page, GBK with and without a declared charset) must import to the
 * same 100 % of its expected.json as the text does; so must fixture 24's real saved page.
 */

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeHtml } from "../../worker/import/html/decode-html";
import { parseReportHtml, type HtmlParseResult } from "../../worker/import/html/parse-report-html";
import { reportDocumentSchema } from "../../worker/report/document";
import { expectedAgency, mismatchedCells } from "./renderings/compare";
import { renderingModel, type RenderingModel } from "./renderings/fixture-model";
import {
  HTML_STYLES,
  htmlStyleEncoding,
  renderHtml,
  renderHtmlBytes,
  type HtmlStyle,
} from "./renderings/render-html";
import { allReportFixtures, type ReportFixture } from "./report-fixtures";

type Ok = Extract<HtmlParseResult, { ok: true }>;

const FIXTURES = allReportFixtures();
const MODELS = new Map(FIXTURES.map((f) => [f.name, renderingModel(f)]));

function modelOf(fixture: ReportFixture): RenderingModel {
  const model = MODELS.get(fixture.name);
  if (!model) throw new Error(`no model for ${fixture.name}`);
  return model;
}

function imported(bytes: Uint8Array, label: string): Ok {
  const result = parseReportHtml(decodeHtml(bytes));
  if (!result.ok) throw new Error(`${label}: ${result.error.code} ${result.error.message_en}`);
  return result;
}

function expectFullImport(result: Ok, expected: Record<string, unknown>): void {
  expect(reportDocumentSchema.safeParse(result.document).success).toBe(true);
  expect(mismatchedCells(expected, result.document)).toEqual([]);
  expect(result.year).toBe(expected.year);
  expect(result.document.template).toBe(expected.template);
  expect(result.agency).toBe(expectedAgency(expected));
}

const CASES = FIXTURES.flatMap((fixture) =>
  HTML_STYLES.map((style) => [fixture.name, style, fixture] as const),
);

describe.each(CASES)("importing %s from its %s page", (name, style, fixture) => {
  const result = imported(renderHtmlBytes(modelOf(fixture), style), `${name} (${style})`);

  it("reads every table cell and metric, the year, template and agency as the transcription has them", () => {
    expectFullImport(result, fixture.expected);
  });

  it("cites lines of the text it read the page as", () => {
    const lines = (result.sourceText ?? "").split(/\r\n|\r|\n/);
    expect(Object.keys(result.provenance).length).toBeGreaterThan(0);
    for (const at of Object.values(result.provenance)) {
      expect(lines[at.line - 1]).toBe(at.text);
    }
  });
});

describe("fixture 24, a report page as saved from the agency's site", () => {
  const name = "24_shuyang_fgj_2023";
  const dir = new URL("../../../shared/fixtures/reports/", import.meta.url);
  const expected = JSON.parse(
    readFileSync(new URL(`${name}.expected.json`, dir), "utf8"),
  ) as Record<string, unknown>;
  const result = imported(readFileSync(new URL(`${name}.html`, dir)), name);

  it("imports at 100 % of its expected.json, its blank legal-person cells null", () => {
    expectFullImport(result, expected);
    expect(result.document.section3?.rows.new_received).toEqual([
      26,
      null,
      null,
      null,
      null,
      null,
      26,
    ]);
  });
});

describe("the renderings themselves", () => {
  const model = (name: string): RenderingModel => {
    const fixture = FIXTURES.find((f) => f.name === name);
    if (!fixture) throw new Error(name);
    return modelOf(fixture);
  };

  it("print each null of expected.json as an empty cell and every figure it holds", () => {
    const fixture = FIXTURES.find((f) => f.name === "05_shanghai_shizhengfu_bgt_2019");
    if (!fixture) throw new Error("fixture 05 missing");
    const cells = modelOf(fixture).blocks.flatMap((b) => (b.kind === "table" ? b.rows.flat() : []));
    const figures = cells.filter((c) => !c.header);
    const rows = Object.values(
      (fixture.expected.section3 as { rows: Record<string, (number | null)[]> }).rows,
    ).flat();
    const section4 = Object.values(
      fixture.expected.section4 as Record<string, (number | null)[]>,
    ).flat();
    const nulls = [...rows, ...section4].filter((v) => v === null).length;
    expect(figures.filter((c) => c.text === "").length).toBe(nulls);
    expect(figures.map((c) => c.text)).toContain("251000元");
  });

  it("lay table 三 out with the official merged label cells", () => {
    const table = model("00_luoyang_shi_bgs_2022").blocks.filter((b) => b.kind === "table")[1];
    const rows = table?.kind === "table" ? table.rows : [];
    expect(rows).toHaveLength(3 + 25);
    expect(rows[0]?.[0]).toMatchObject({ colspan: 3, rowspan: 3 });
    expect(rows[5]?.[0]).toMatchObject({ text: "三、本年度办理结果", rowspan: 22 });
    expect(rows[5]?.[1]).toMatchObject({ text: "（一）予以公开", colspan: 2 });
  });

  it("keep a partial table's rows only as far as the text shows them (fixture 11)", () => {
    const tables = model("11_longgang_qu_bumen_2024").blocks.filter((b) => b.kind === "table");
    expect(tables).toHaveLength(2);
    const table3 = tables[1];
    const labels = table3?.kind === "table" ? table3.rows.map((r) => r.at(-8)?.text) : [];
    expect(labels.at(-1)).toBe("6.属于四类过程性信息");
  });

  it("split numbers across Word runs and declare or omit the charset per style", () => {
    const page = (style: HtmlStyle): string => renderHtml(model("00_luoyang_shi_bgs_2022"), style);
    expect(page("word")).toMatch(/>20<\/span><span\s+lang=EN-US[^>]*>22<\/span>/);
    expect(page("word")).toContain("<o:p></o:p>");
    expect(page("gbk-cms")).toContain('<meta charset="gb2312">');
    expect(page("gbk-word")).toMatch(/charset=GBK/);
    expect(page("gbk-undeclared")).not.toMatch(/charset/i);
    expect(page("cms")).toContain("发布机构");
  });

  it("encode the gbk styles as GBK bytes, which are not UTF-8", () => {
    const m = model("01_huaian_shi_2024");
    for (const style of HTML_STYLES.filter((s) => htmlStyleEncoding(s) === "gbk")) {
      const bytes = renderHtmlBytes(m, style);
      expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
      expect(new TextDecoder("gb18030").decode(bytes)).toBe(renderHtml(m, style));
    }
  });
});
