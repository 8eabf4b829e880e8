/**
 * The same report printed the other ways real texts come: one value per line, markdown tables,
 * dashes for zero, lost cells and rows, other heading wordings, full-width digits, CRLF.
 */

import { describe, expect, it } from "vitest";
import { parseReportText, type ParseResult } from "../../worker/import/parse-report";
import { reportDocumentSchema } from "../../worker/report/document";
import { readReportFixture } from "./report-fixtures";

type Ok = Extract<ParseResult, { ok: true }>;

const LUOYANG = readReportFixture("00_luoyang_shi_bgs_2022");
const HUAIAN = readReportFixture("01_huaian_shi_2024");

function parseOk(text: string): Ok {
  const result = parseReportText(text);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message_en}`);
  expect(reportDocumentSchema.safeParse(result.document).success).toBe(true);
  return result;
}

function tables(result: Ok): unknown {
  const { section2, section3, section4 } = result.document;
  return { section2, section3, section4 };
}

const ROW = /^(.*?[^\d\s.])\s+((?:\d+(?:\.\d+)?\s*)+)$/;

/** Every "label n n n" line as the label, then one value per line. */
function oneValuePerLine(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const trimmed = line.trim();
      if (/^(?:\d+\s+)+\d+$/.test(trimmed)) return trimmed.split(/\s+/).join("\n");
      const m = ROW.exec(trimmed);
      if (!m?.[1] || !m[2] || !/[\u4e00-\u9fff]/.test(m[1])) return line;
      return `${m[1]}\n${m[2].trim().split(/\s+/).join("\n")}`;
    })
    .join("\n");
}

/** Every "label n n n" line as a markdown table row. */
function markdownRows(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const m = ROW.exec(line.trim());
      if (!m?.[1] || !m[2]) return line;
      return `| ${m[1]} | ${m[2].trim().split(/\s+/).join(" | ")} |`;
    })
    .join("\n");
}

describe("the same tables in other printings", () => {
  const reference = tables(parseOk(LUOYANG.text));

  it("reads one value per line", () => {
    expect(tables(parseOk(oneValuePerLine(LUOYANG.text)))).toEqual(reference);
  });

  it("reads markdown table rows", () => {
    expect(tables(parseOk(markdownRows(LUOYANG.text)))).toEqual(reference);
  });

  it("reads full-width digits and brackets, and CRLF line ends", () => {
    const wide = LUOYANG.text
      .replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
      .replace(/\n/g, "\r\n");
    expect(tables(parseOk(wide))).toEqual(reference);
  });

  it("reads table 四 printed as three labelled rows", () => {
    const text = LUOYANG.text.replace(
      "2 0 1 0 3 2 0 0 0 2 11 0 0 2 13",
      "行政复议 2 0 1 0 3\n未经复议直接起诉 2 0 0 0 2\n复议后起诉 11 0 0 2 13",
    );
    expect(tables(parseOk(text))).toEqual(reference);
  });

  it("recognises other heading wordings and a title introduced by 关于", () => {
    const text = LUOYANG.text
      .replace(
        "四、政府信息公开行政复议、行政诉讼情况",
        "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
      )
      .replace("五、存在的主要问题及改进情况", "五、存在的主要问题及整改措施")
      .replace(
        "洛阳市人民政府办公室2022年政府信息公开",
        "关于洛阳市人民政府办公室2022年度政府信息公开",
      );
    const result = parseOk(text);
    expect(tables(result)).toEqual(reference);
    expect(result.agency).toBe("洛阳市人民政府办公室");
    expect(result.document.text?.problems).toMatch(/^2022年市政府办公室/);
  });

  it("finds the tables by their content when the section headings are lost", () => {
    const text = LUOYANG.text
      .replace("二、主动公开政府信息情况", "")
      .replace("三、收到和处理政府信息公开申请情况", "")
      .replace("四、政府信息公开行政复议、行政诉讼情况", "行政复议 行政诉讼");
    expect(tables(parseOk(text))).toEqual(reference);
  });
});

describe("cells and rows the text lost or printed oddly", () => {
  it("reads /, — and 无 as 0 and warns", () => {
    const text = LUOYANG.text
      .replace(/^(2\.其他法律行政法规禁止公开) .*$/m, "$1 — — — — — — —")
      .replace(/^(2\.重复申请) .*$/m, "$1 / / / 无 / / /");
    const result = parseOk(text);
    expect(result.document.section3?.rows.denied_law_forbidden).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(result.document.section3?.rows.notproc_repeat).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(result.warnings.filter((w) => w.code === "dash_cell").map((w) => w.path)).toEqual([
      "section3.denied_law_forbidden",
      "section3.notproc_repeat",
    ]);
  });

  it("puts a lost cell where the table's sums say it was, else at the end", () => {
    const text = LUOYANG.text
      .replace("8 1 0 0 0 1 10", "8 0 0 0 1 10")
      .replace("7 4 0 0 0 0 11", "7 4 0 0 0 0");
    const result = parseOk(text);
    expect(result.document.section3?.rows.partially_granted).toEqual([8, null, 0, 0, 0, 1, 10]);
    expect(result.document.section3?.rows.carried_forward).toEqual([7, 4, 0, 0, 0, 0, null]);
    expect(result.warnings.filter((w) => w.code === "row_short")).toHaveLength(2);
  });

  it("keeps a row whose numbers are lost blank, aligning the others by their labels", () => {
    const text = HUAIAN.text
      .replace("2.重复申请 25 0 0 0 0 0 25", "2.重复申请")
      .replace("\n12 0 0 0 0 0 12", "");
    const result = parseOk(text);
    const rows = result.document.section3?.rows;
    expect(rows?.notproc_repeat).toEqual([null, null, null, null, null, null, null]);
    expect(rows?.denied_process_info).toEqual([null, null, null, null, null, null, null]);
    expect(rows?.denied_enforcement_file).toEqual([9, 0, 0, 0, 0, 0, 9]);
    expect(rows?.notproc_publication).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(rows?.carried_forward).toEqual([103, 0, 0, 0, 0, 0, 103]);
    expect(result.warnings.filter((w) => w.code === "row_missing").map((w) => w.path)).toEqual([
      "section3.denied_process_info",
      "section3.notproc_repeat",
    ]);
  });

  it("puts a lost table-四 cell where R4 says it was, keeping the later groups aligned", () => {
    const text = LUOYANG.text.replace(
      "2 0 1 0 3 2 0 0 0 2 11 0 0 2 13",
      "2 0 1 0 2 0 0 0 2 11 0 0 2 13",
    );
    const result = parseOk(text);
    expect(result.document.section4).toEqual({
      reconsideration: [2, 0, 1, 0, null],
      litigation_direct: [2, 0, 0, 0, 2],
      litigation_after_reconsideration: [11, 0, 0, 2, 13],
    });
    expect(result.warnings.map((w) => w.code)).toContain("table4_short");
  });
});
