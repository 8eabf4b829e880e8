import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { columnName, xlsxWorkbook, type XlsxSheet } from "../../../worker/export/xlsx";

const unzip = (sheets: XlsxSheet[]) => {
  const files = unzipSync(xlsxWorkbook(sheets));
  return (path: string) => strFromU8(files[path]!);
};

describe("xlsxWorkbook", () => {
  it("escapes <&>\"' in cells and sheet names and drops characters XML cannot hold", () => {
    const read = unzip([{ name: `A&B "1"`, rows: [[`<a href="x">&'\u0001</a>`]] }]);
    expect(read("xl/worksheets/sheet1.xml")).toContain(
      '<c r="A1" t="inlineStr"><is><t>&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;</t></is></c>',
    );
    expect(read("xl/workbook.xml")).toContain('<sheet name="A&amp;B &quot;1&quot;"');
  });

  it("writes numbers as numeric cells and null as an empty cell, bold only where asked", () => {
    const read = unzip([
      {
        name: "表",
        rows: [
          ["项目", null, "总计"],
          ["一", null, 0.26],
        ],
        boldRows: [0],
      },
    ]);
    const sheet = read("xl/worksheets/sheet1.xml");
    expect(sheet).toContain(
      '<row r="2"><c r="A2" t="inlineStr"><is><t>一</t></is></c><c r="C2"><v>0.26</v></c></row>',
    );
    expect(sheet).not.toContain('r="B2"');
    // In a bold row the blank cell is still styled, so a merged heading stays bold throughout.
    expect(sheet).toContain('<c r="B1" s="1"/>');
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr">');
  });

  it("freezes the header rows, sets column widths and merges cells", () => {
    const read = unzip([
      {
        name: "表三",
        rows: [["申请人情况"], ["自然人", "商业企业"], [1, 2]],
        frozenRows: 2,
        columnWidths: [30],
        merges: [{ row: 0, column: 0, colSpan: 2 }],
      },
    ]);
    const sheet = read("xl/worksheets/sheet1.xml");
    expect(sheet).toContain(
      '<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>',
    );
    expect(sheet).toContain('<col min="1" max="1" width="30" customWidth="1"/>');
    // A CJK character counts two: 商业企业 is 8 wide, plus a margin.
    expect(sheet).toContain('<col min="2" max="2" width="10" customWidth="1"/>');
    expect(sheet).toContain('<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>');
  });

  it("lists every sheet in the package's content types and the workbook's relationships", () => {
    const read = unzip([
      { name: "一", rows: [] },
      { name: "二", rows: [[1]] },
    ]);
    expect(read("[Content_Types].xml")).toContain('PartName="/xl/worksheets/sheet2.xml"');
    expect(read("xl/_rels/workbook.xml.rels")).toContain('Target="worksheets/sheet2.xml"');
    expect(read("xl/_rels/workbook.xml.rels")).toContain(
      'Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"',
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
