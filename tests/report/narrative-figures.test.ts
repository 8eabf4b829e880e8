import { describe, expect, it } from "vitest";
import { parseReportText } from "../../worker/import/parse-report";
import { readNarrativeFigures } from "../../worker/report/narrative-figures";
import { checkReport } from "../../worker/report/rules";
import { readReportFixture, reportFixtureNames } from "../import/report-fixtures";

function imported(name: string) {
  const result = parseReportText(readReportFixture(name).text);
  if (!result.ok) throw new Error(`${name}: ${result.error.message_en}`);
  return result.document;
}

const read = (overview: string, year = 2024) =>
  readNarrativeFigures({ overview }, year).map((f) => [f.key, f.value]);

describe("readNarrativeFigures", () => {
  it("reads applications, 行政复议 and 行政诉讼 counts as printed in published reports", () => {
    expect(read("2024 年，全市共受理政府信息公开申请 3119 件，答\n复 3050 件")).toEqual([
      ["applications", 3119],
    ]);
    expect(
      read("政府信息公开行政复议 351\n件，其中结果维持 72 件；政府信息公开行政诉讼 46 件"),
    ).toEqual([
      ["reconsideration", 351],
      ["litigation", 46],
    ]);
    expect(read("2024 年市科委有 1 件涉及政府信息公开工作的行政复\n议")).toEqual([
      ["reconsideration", 1],
    ]);
    expect(read("2023年度我局共收到依申请信息公开26件", 2023)).toEqual([["applications", 26]]);
  });

  it("quotes the clause it read, normalised, for the message", () => {
    expect(
      readNarrativeFigures({ problems: "区政府办代表区政府受理政府\n信息公开申请 17 件。" }, 2024),
    ).toEqual([
      {
        key: "applications",
        value: 17,
        printed: "区政府办代表区政府受理政府信息公开申请17件",
        section: "problems",
      },
    ]);
  });

  it("leaves out a number split by a space, which may be two numbers", () => {
    expect(read("全年共受理政府信息公开申请 31 19 件")).toEqual([]);
  });
});

describe("the narrative check over the published fixtures", () => {
  const withTables = reportFixtureNames().filter((name) => {
    const doc = imported(name);
    return doc.section3 || doc.section4;
  });

  it("reads the texts that state the figures, and each agrees with its tables except 03", () => {
    const stated = Object.fromEntries(
      withTables.map((name) => {
        const doc = imported(name);
        return [name, readNarrativeFigures(doc.text, doc.year).map((f) => `${f.key} ${f.value}`)];
      }),
    );
    expect(stated).toEqual({
      // 全年共受理政府信息公开申请95件 = 一 95.
      "00_luoyang_shi_bgs_2022": ["applications 95"],
      // 3119 = 一 3119; 行政复议 351 = 351; 行政诉讼 46 = 26 direct + 20 after reconsideration.
      "01_huaian_shi_2024": ["applications 3119", "reconsideration 351", "litigation 46"],
      // 区政府办代表区政府受理…17件, while table 三 (the whole district) has 95.
      "03_hongze_qu_2024": ["applications 17"],
      // 859 = 一 859; 信息公开类行政复议7件 = 7; 诉讼9件 = 9 direct (after reconsideration blank).
      "05_shanghai_shizhengfu_bgt_2019": ["applications 859", "reconsideration 7", "litigation 9"],
      "11_longgang_qu_bumen_2024": [],
      // 全年收到政府信息公开申请34件 = 一 34; 1件涉及政府信息公开工作的行政复议 = 1. 涉及的行政诉讼数为0件
      // names 信息公开 only in the sentence before, so it is not read.
      "22_shanghai_kewei_2024": ["applications 34", "reconsideration 1"],
    });
  });

  it("warns only on 03, whose narrative counts the office's 17 applications against the district's 95", () => {
    const warned = withTables.flatMap((name) =>
      checkReport(imported(name))
        .filter((f) => f.rule === "S-narrative")
        .map((f) => [name, f.message]),
    );
    // The fixture's notes say the same: "narrative says 17 applications … table 三 shows 95 …
    // different scope". A warning to explain, not an error.
    expect(warned).toEqual([
      [
        "03_hongze_qu_2024",
        "表三 “一、本年新收政府信息公开申请数量”总计=95，正文（总体情况）却称“区政府办代表区政府受理政府信息公开申请17件”，相差78",
      ],
    ]);
  });
});
