import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { columnName, xlsxWorkbook, type XlsxSheet } from "../../../worker/export/xlsx";
import { readWorkbook } from "../../reference/read-exports";

/** The workbook's sheets as another program reads them (read-excel-file): name → rows of cells. */
const read = (sheets: XlsxSheet[]) => readWorkbook(xlsxWorkbook(sheets));

/**
 * One part of the package as text, for what a reader of values does not report: styles, panes,
 * column widths, merges and the package's own bookkeeping.
 */
const part = (sheets: XlsxSheet[]) => {
  const files = unzipSync(xlsxWorkbook(sheets));
  return (path: string) => strFromU8(files[path]!);
};

describe("xlsxWorkbook", () => {
  it("escapes <&>\"' in cells and sheet names and drops characters XML cannot hold", async () => {
    const sheets = await read([
      { name: `A&B "1" <'>`, rows: [[`<a href="x">&'\u0001</a>`, " kept  spaces "]] },
    ]);
    expect([...sheets]).toEqual([[`A&B "1" <'>`, [[`<a href="x">&'</a>`, " kept  spaces "]]]]);
  });

  it("writes numbers as numeric cells and null as an empty cell, bold only where asked", async () => {
    const sheets: XlsxSheet[] = [
      {
        name: "表",
        rows: [["项目", null, "总计"], ["一", null, 0.26], [], [null, -1e-7, "0.26"]],
        boldRows: [0],
      },
    ];
    expect([...(await read(sheets))]).toEqual([
      [
        "表",
        [
          ["项目", null, "总计"],
          ["一", null, 0.26],
          [null, null, null],
          [null, -1e-7, "0.26"],
        ],
      ],
    ]);
    const sheet = part(sheets)("xl/worksheets/sheet1.xml");
    expect(sheet).not.toContain('r="B2"');
    // In a bold row the blank cell is still styled, so a merged heading stays bold throughout.
    expect(sheet).toContain('<c r="B1" s="1"/>');
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr">');
    expect(sheet).not.toMatch(/<c r="[A-Z]+[2-9]" s=/);
  });

  it("freezes the header rows, sets column widths and merges cells", async () => {
    const sheets: XlsxSheet[] = [
      {
        name: "表三",
        rows: [["申请人情况"], ["自然人", "商业企业"], [1, 2]],
        frozenRows: 2,
        columnWidths: [30],
        merges: [{ row: 0, column: 0, colSpan: 2 }],
      },
    ];
    // The merged cell's value stays in its top-left cell, the one a reader finds it in.
    expect([...(await read(sheets))]).toEqual([
      [
        "表三",
        [
          ["申请人情况", null],
          ["自然人", "商业企业"],
          [1, 2],
        ],
      ],
    ]);
    const sheet = part(sheets)("xl/worksheets/sheet1.xml");
    expect(sheet).toContain(
      '<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>',
    );
    expect(sheet).toContain('<col min="1" max="1" width="30" customWidth="1"/>');
    // A CJK character counts two: 商业企业 is 8 wide, plus a margin.
    expect(sheet).toContain('<col min="2" max="2" width="10" customWidth="1"/>');
    expect(sheet).toContain('<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>');
  });

  it("lists every sheet in the package's content types and the workbook's relationships", async () => {
    const sheets: XlsxSheet[] = [
      { name: "一", rows: [] },
      { name: "二", rows: [[1]] },
      { name: "三", rows: [["三"]] },
    ];
    expect([...(await read(sheets))]).toEqual([
      ["一", []],
      ["二", [[1]]],
      ["三", [["三"]]],
    ]);
    const text = part(sheets);
    expect(text("[Content_Types].xml")).toContain('PartName="/xl/worksheets/sheet3.xml"');
    expect(text("xl/_rels/workbook.xml.rels")).toContain('Target="worksheets/sheet3.xml"');
    expect(text("xl/_rels/workbook.xml.rels")).toContain(
      'Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"',
    );
  });

  it("refuses sheet names Excel refuses, and numbers a cell cannot hold", () => {
    expect(() => xlsxWorkbook([{ name: "a/b", rows: [] }])).toThrow(/sheet name/);
    expect(() => xlsxWorkbook([{ name: "x".repeat(32), rows: [] }])).toThrow(/sheet name/);
    expect(() =>
      xlsxWorkbook([
        { name: "Sheet", rows: [] },
        { name: "sheet", rows: [] },
      ]),
    ).toThrow(/duplicate/);
    expect(() => xlsxWorkbook([{ name: "n", rows: [[Number.NaN]] }])).toThrow(RangeError);
  });

  it("names columns A … Z, AA …", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
  });
});
