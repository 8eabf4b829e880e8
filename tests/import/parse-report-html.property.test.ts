/**
 * Whatever page it is given — arbitrary strings and bytes, real renderings with their tags
 * mangled, unclosed and nested tables, absurd rowspan/colspan values, a 5 MB page —
 * parseReportHtml returns a schema-valid document or a coded error, never throws, and is quick.
 */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeHtml } from "../../worker/import/html/decode-html";
import { parseReportHtml } from "../../worker/import/html/parse-report-html";
import { reportDocumentSchema } from "../../worker/report/document";
import { renderingModel } from "./renderings/fixture-model";
import { renderHtml, type HtmlStyle } from "./renderings/render-html";
import { allReportFixtures } from "./report-fixtures";

/**
 * Stall guards, not benchmarks (that is `npm run bench`, import.parse-html): a rendered page parses
 * in some 5–50 ms and the 5 MB page in 2–3 s, while a quadratic walk over a hostile page takes
 * minutes. The limits leave a loaded CI machine ample room.
 */
const MAX_MS_PER_CALL = 5_000;
const MAX_MS_BIG_PAGE = 30_000;

function checkOne(html: string, maxMs = MAX_MS_PER_CALL): void {
  const started = performance.now();
  const result = parseReportHtml(html);
  expect(performance.now() - started).toBeLessThan(maxMs);
  if (!result.ok) {
    expect(result.error.code).toMatch(/^[a-z_]+$/);
    expect(result.error.message).not.toBe("");
    expect(result.error.message_en).not.toBe("");
    return;
  }
  expect(reportDocumentSchema.safeParse(result.document).success).toBe(true);
  const lines = (result.sourceText ?? "").split(/\r\n|\r|\n/);
  for (const at of Object.values(result.provenance)) {
    expect(at.line).toBeGreaterThanOrEqual(1);
    expect(lines[at.line - 1]).toBe(at.text);
  }
}

const MANGLE_STYLES: readonly HtmlStyle[] = ["plain", "word", "cms"];
const PAGES = allReportFixtures().flatMap((fixture) => {
  const model = renderingModel(fixture);
  return MANGLE_STYLES.map((style) => renderHtml(model, style));
});
const [SAMPLE_PAGE = ""] = PAGES;

const TAGS = [
  "<table>",
  "</table>",
  "<tr>",
  "</tr>",
  "<td>",
  "</td>",
  "<th colspan=2>",
  "<td rowspan=3>",
  "<tbody>",
  "<thead>",
  "<p>",
  "</p>",
  "<br>",
  "<o:p></o:p>",
  "<span style='font-family:宋体'>",
  "</span>",
  "<!--",
  "-->",
  "<![if !supportLists]>",
  "<script>",
  "</script>",
  "<style>",
  "<",
  ">",
  "&nbsp;",
  "&#",
  "&amp",
  '"',
  "'",
];

const WORDS = [
  "一、总体情况",
  "三、收到和处理政府信息公开申请情况",
  "2022年政府信息公开工作年度报告",
  "发布机构",
  "公开日期",
  "2023-01-18",
  "（七）总计",
  "自然人",
  "0",
  "17",
  "-3",
  "\u0000",
  "\uD800",
  " ",
  "\n",
];

const SPAN_VALUES = fc.oneof(
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map(String),
  fc.constantFrom(
    "100000",
    "65534",
    "0",
    "-1",
    "abc",
    "1e9",
    "2.5",
    " 3",
    "0x10",
    "",
    "9".repeat(30),
  ),
);

type Mangle =
  | { kind: "deleteChars"; at: number; count: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "truncate"; at: number }
  | { kind: "dropClosingTags"; every: number }
  | { kind: "spans"; value: string }
  | { kind: "duplicate"; at: number; count: number };

const mangleArb: fc.Arbitrary<Mangle> = fc.oneof(
  fc.record({
    kind: fc.constant("deleteChars" as const),
    at: fc.nat(),
    count: fc.integer({ min: 1, max: 500 }),
  }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.array(fc.constantFrom(...TAGS, ...WORDS), { maxLength: 20 }).map((p) => p.join("")),
      fc.string({ unit: "binary", maxLength: 40 }),
    ),
  }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("dropClosingTags" as const),
    every: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({ kind: fc.constant("spans" as const), value: SPAN_VALUES }),
  fc.record({
    kind: fc.constant("duplicate" as const),
    at: fc.nat(),
    count: fc.integer({ min: 1, max: 5_000 }),
  }),
);

function mangle(html: string, op: Mangle): string {
  const at = (n: number): number => n % Math.max(html.length, 1);
  switch (op.kind) {
    case "deleteChars":
      return html.slice(0, at(op.at)) + html.slice(at(op.at) + op.count);
    case "insert":
      return html.slice(0, at(op.at)) + op.text + html.slice(at(op.at));
    case "truncate":
      return html.slice(0, at(op.at));
    case "dropClosingTags": {
      let i = 0;
      return html.replace(/<\/(?:td|tr|table|p|span|tbody)>/g, (tag) =>
        i++ % op.every === 0 ? "" : tag,
      );
    }
    case "spans":
      return html.replace(/(rowspan|colspan)=("?)[^\s">]*\2/g, `$1="${op.value}"`);
    case "duplicate": {
      const from = at(op.at);
      return html.slice(0, from + op.count) + html.slice(from);
    }
  }
}

/** A table of `rows` rows, each cell with the given spans (or none), possibly never closed. */
function spannedTable(
  cells: { rowspan?: string; colspan?: string; text: string }[][],
  close: boolean,
): string {
  const row = (r: (typeof cells)[number]): string =>
    `<tr>${r
      .map((c) => {
        const rowspan = c.rowspan === undefined ? "" : ` rowspan="${c.rowspan}"`;
        const colspan =
          c.colspan === undefined
            ? ""
            : ` colspan=${c.colspan === "" ? '""' : c.colspan.replace(/\s/g, "")}`;
        return `<td${rowspan}${colspan}>${c.text}</td>`;
      })
      .join("")}${close ? "</tr>" : ""}`;
  return `<table>${cells.map(row).join("")}${close ? "</table>" : ""}`;
}

const cellArb = fc.record(
  {
    rowspan: SPAN_VALUES,
    colspan: SPAN_VALUES,
    text: fc.constantFrom(...WORDS, "", "&nbsp;", "<o:p></o:p>"),
  },
  { requiredKeys: ["text"] },
);

describe("parseReportHtml on any page", () => {
  it("never throws on arbitrary strings and tag soup", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 3000 }),
          fc.string({ unit: "grapheme", maxLength: 3000 }),
          fc.array(fc.constantFrom(...TAGS, ...WORDS), { maxLength: 400 }).map((p) => p.join("")),
        ),
        (html) => checkOne(html),
      ),
      { numRuns: 300 },
    );
  });

  it("never throws on real renderings with mangled tags", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PAGES),
        fc.array(mangleArb, { minLength: 1, maxLength: 6 }),
        (page, ops) => checkOne(ops.reduce(mangle, page)),
      ),
      { numRuns: 80 },
    );
  });

  it("never throws on unclosed, nested and absurdly merged tables", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellArb, { minLength: 1, maxLength: 12 }), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.boolean(),
        fc.integer({ min: 0, max: 40 }),
        (cells, close, depth) => {
          const inner = spannedTable(cells, close);
          const nested =
            "<table><tr><td>".repeat(depth) + inner + "</td></tr></table>".repeat(depth);
          checkOne(
            `<h1>2022年政府信息公开工作年度报告</h1><p>三、收到和处理政府信息公开申请情况</p>${nested}`,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it("expands neither rowspan=100000 nor colspan=100000 into a huge grid", () => {
    const page = SAMPLE_PAGE.replace(/(rowspan|colspan)="?\d+"?/g, '$1="100000"');
    expect(page).toContain('rowspan="100000"');
    const before = process.memoryUsage().heapUsed;
    checkOne(page);
    checkOne(spannedTable([[{ rowspan: "100000", colspan: "100000", text: "1" }]], false));
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(500_000_000);
  });

  it("answers tables nested 300 deep and elements nested 3000 deep quickly, without throwing", () => {
    checkOne(`${"<table><tr><td>".repeat(300)}2022年政府信息公开工作年度报告`);
    checkOne(`${"<div><span>".repeat(3_000)}2022年政府信息公开工作年度报告`);
  });

  it("reads a 5 MB page within seconds", () => {
    const filler = Array.from(
      { length: 36_000 },
      (_, i) =>
        `<div class="box"><ul><li><a href="/x/${i}.html">相关链接${i}</a></li></ul><table><tr><td>${i}</td><td rowspan=${i % 7}>&nbsp;</td></tr></table></div>`,
    ).join("\n");
    const page = SAMPLE_PAGE.replace("</body>", `${filler}\n</body>`);
    expect(page.length).toBeGreaterThan(5_000_000);
    checkOne(page, MAX_MS_BIG_PAGE);
  });

  it("never throws decoding arbitrary bytes", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 5000 }),
          fc
            .tuple(
              fc.constantFrom(
                '<meta charset="gb2312">',
                '<meta charset="x-unknown">',
                'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n',
              ),
              fc.uint8Array({ maxLength: 2000 }),
            )
            .map(([head, tail]) => Uint8Array.from([...new TextEncoder().encode(head), ...tail])),
        ),
        (bytes) => {
          expect(typeof decodeHtml(bytes)).toBe("string");
        },
      ),
      { numRuns: 300 },
    );
  });
});
