import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  reportDocumentSchema,
  type ReportDocument,
  type ReportDocument2021,
} from "../../worker/report/document";
import { flattenFigures } from "../../worker/report/figures";
import { RULES, checkReport, type Finding } from "../../worker/report/rules";
import { OUTCOME_ROW_KEYS, type Section3Variant } from "../../worker/report/templates";
import {
  buildReport,
  buildReport2019,
  section3From,
  section4Group,
  withCell,
  type ApplicantCounts,
} from "./builders";
import { fixtureDocument } from "./fixtures";

function fixture(name: string): ReportDocument {
  return reportDocumentSchema.parse(fixtureDocument(name));
}

const errorsOf = (findings: Finding[]) => findings.filter((f) => f.severity === "error");
const rulesOf = (findings: Finding[]) => findings.map((f) => f.rule);

describe("checkReport on published reports", () => {
  it.each([
    "00_luoyang_shi_bgs_2022",
    "01_huaian_shi_2024",
    "03_hongze_qu_2024",
    "12_zuogong_xian_2021",
  ])("finds nothing in %s", (name) => {
    expect(checkReport(fixture(name))).toEqual([]);
  });

  it("gives the 2019 report 05 only blank-cell warnings, one per row with blanks", () => {
    const findings = checkReport(fixture("05_shanghai_shizhengfu_bgt_2019"));
    expect(new Set(rulesOf(findings))).toEqual(new Set(["S-blank"]));
    expect(findings.every((f) => f.severity === "warning")).toBe(true);
    // Each of the 23 rows of the 2019 layout and each of the three table-四 groups has a blank.
    const rows = findings.map((f) => `${f.table}:${f.row}`);
    expect(new Set(rows).size).toBe(26);
    expect(rows).toHaveLength(26);
    expect(findings.find((f) => f.row === "granted")).toMatchObject({
      table: "三",
      column: null,
      message:
        "表三 “三、本年度办理结果 （一）予以公开”行：“科研机构”、“社会公益组织”、“总计”为空白，按0计算",
    });
    expect(findings.find((f) => f.row === "litigation_after_reconsideration")).toMatchObject({
      table: "四",
      message: "表四 “行政诉讼 复议后起诉”：空白，按0计算",
    });
  });

  it("gives the partial report 11 only the missing-rows warning", () => {
    const findings = checkReport(fixture("11_longgang_qu_bumen_2024"));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "S-missing-rows", severity: "warning", table: "三" });
    expect(findings[0]?.message).toBe(
      "表三 缺少15行（三(三)7、三(三)8、三(四)1、三(四)2、三(四)3、三(五)1、三(五)2、三(五)3、三(五)4、三(五)5、三(六)1、三(六)2、三(六)3、三(七)、四），相关勾稽关系未能完整核对",
    );
  });

  it("reports R2 on the 总计 column of report 22, whose 结转下年度 总计 cell was lost", () => {
    const findings = checkReport(fixture("22_shanghai_kewei_2024"));
    expect(findings).toEqual([
      {
        rule: "R2",
        severity: "error",
        table: "三",
        row: null,
        column: "total",
        expected: 36,
        actual: 35,
        message: "表三 “总计”列：一+二=36，三(七)+四=35，相差1",
        message_en: 'Table 3, column "total": 1+2 = 36 but 3(7)+4 = 35 (difference 1)',
      },
      expect.objectContaining({
        rule: "S-blank",
        severity: "warning",
        table: "三",
        row: "carried_forward",
        column: "total",
      }),
    ]);
  });
});

describe("hard rules", () => {
  it("finds nothing in a complete consistent document of either template", () => {
    expect(checkReport(buildReport())).toEqual([]);
    expect(checkReport(buildReport2019())).toEqual([]);
  });

  it("reports R1 on a row whose applicant columns do not add up to its 总计", () => {
    const doc = withCell(buildReport(), "section3.granted.natural_person", 41);
    expect(checkReport(doc)).toContainEqual({
      rule: "R1",
      severity: "error",
      table: "三",
      row: "granted",
      column: "total",
      expected: 45,
      actual: 44,
      message: "表三 “三、本年度办理结果 （一）予以公开”行：各申请人列合计=45，总计=44，相差1",
      message_en:
        'Table 3, row "3. Results this year (1) Disclosed": the applicant columns add up to 45 but the total is 44 (difference 1)',
    });
  });

  it("reports R2 per column, including 总计, when 一+二 differs from 三(七)+四", () => {
    let doc = withCell(buildReport(), "section3.carried_forward.natural_person", 5);
    doc = withCell(doc, "section3.carried_forward.total", 5);
    const findings = checkReport(doc);
    expect(findings.map((f) => [f.rule, f.column, f.expected, f.actual])).toEqual([
      ["R2", "natural_person", 78, 79],
      ["R2", "total", 85, 86],
    ]);
    expect(findings[0]?.message).toBe("表三 “自然人”列：一+二=78，三(七)+四=79，相差1");
  });

  it("reports R3 when （七）总计 differs from the sum of the outcome rows", () => {
    let doc = withCell(buildReport(), "section3.granted.natural_person", 41);
    doc = withCell(doc, "section3.granted.total", 45);
    const findings = checkReport(doc);
    expect(findings.map((f) => [f.rule, f.row, f.column, f.expected, f.actual])).toEqual([
      ["R3", "total_processed", "natural_person", 75, 74],
      ["R3", "total_processed", "total", 82, 81],
    ]);
    expect(findings[0]?.message).toBe(
      "表三 “自然人”列：三(一)至三(六)各项合计=75，三(七)总计=74，相差1",
    );
  });

  it("sums the single （六） row, not the three split rows, in a 2019-layout table", () => {
    const doc = buildReport2019();
    expect(
      checkReport(withCell(doc, "section3.other_processing.natural_person", 2)),
    ).toContainEqual(
      expect.objectContaining({ rule: "R3", column: "natural_person", expected: 75, actual: 74 }),
    );
  });

  it("reports R4 with both sides when a table-四 group does not add up", () => {
    const doc = withCell(buildReport(), "section4.reconsideration.total", 7);
    expect(checkReport(doc)).toEqual([
      {
        rule: "R4",
        severity: "error",
        table: "四",
        row: "reconsideration",
        column: "total",
        expected: 6,
        actual: 7,
        message: "表四 “行政复议”：维持+纠正+其他+尚未审结=6，总计=7，相差1",
        message_en:
          'Table 4, "administrative reconsideration": upheld + corrected + other + pending = 6 but the total is 7 (difference 1)',
      },
    ]);
  });

  it("reports R4 on each litigation group separately", () => {
    const doc = withCell(buildReport(), "section4.litigation_after_reconsideration.pending", 1);
    expect(checkReport(doc)).toMatchObject([
      { rule: "R4", row: "litigation_after_reconsideration", expected: 3, actual: 2 },
    ]);
  });

  it("reports R5 on a negative count in a document built without the schema", () => {
    const doc = withCell(buildReport(), "section4.litigation_direct.corrected", -1);
    expect(checkReport(doc)[0]).toEqual({
      rule: "R5",
      severity: "error",
      table: "四",
      row: "litigation_direct",
      column: "corrected",
      expected: null,
      actual: -1,
      message: "表四 行政诉讼 未经复议直接起诉 · 结果纠正：-1为负数",
      message_en:
        "Table 4 administrative litigation, filed directly, without reconsideration · corrected: -1 is negative",
    });
  });

  it("reports R5 on a fractional count and on a fee with too many decimals", () => {
    const base = buildReport();
    const doc: ReportDocument = {
      ...base,
      section2: { ...base.section2!, punishment_decisions: 2.5, fees_wan_yuan: 0.00001 },
    };
    expect(checkReport(doc).map((f) => [f.rule, f.row, f.column])).toEqual([
      ["R5", "punishment_decisions", null],
      ["R5", "fees_wan_yuan", null],
    ]);
  });
});

describe("blank and absent cells", () => {
  it("reads a blank as 0 when the other cells of its side are filled", () => {
    const doc = withCell(buildReport(), "section3.granted.total", null);
    expect(checkReport(doc).map((f) => [f.rule, f.column, f.expected, f.actual])).toEqual([
      ["R3", "total", 37, 81],
      ["S-blank", "total", null, null],
    ]);
  });

  it("skips R1 on a row whose 总计 is blank", () => {
    let doc = withCell(buildReport(), "section3.new_received.total", null);
    doc = withCell(doc, "section3.new_received.natural_person", 70);
    expect(rulesOf(checkReport(doc))).not.toContain("R1");
  });

  it("skips an equation one of whose sides is entirely blank", () => {
    let doc = buildReport();
    for (const column of ["natural_person", "commercial_enterprise", "research_institution"]) {
      for (const row of ["total_processed", "carried_forward"]) {
        doc = withCell(doc, `section3.${row}.${column}`, null);
      }
    }
    for (const row of ["total_processed", "carried_forward"]) {
      for (const column of [
        "social_welfare_organization",
        "legal_service_agency",
        "other",
        "total",
      ]) {
        doc = withCell(doc, `section3.${row}.${column}`, null);
      }
    }
    expect(checkReport(doc).map((f) => [f.rule, f.row])).toEqual([
      ["S-blank", "total_processed"],
      ["S-blank", "carried_forward"],
    ]);
  });

  it("skips R3 on a column whose outcome cells are all blank", () => {
    let doc = buildReport();
    for (const key of OUTCOME_ROW_KEYS("split")) doc = withCell(doc, `section3.${key}.total`, null);
    const findings = checkReport(doc);
    expect(errorsOf(findings)).toEqual([]);
    expect(findings).toHaveLength(21);
  });

  it("groups the blank cells of one row into one warning", () => {
    let doc = withCell(buildReport(), "section3.granted.research_institution", null);
    doc = withCell(doc, "section3.granted.social_welfare_organization", null);
    expect(checkReport(doc)).toEqual([
      {
        rule: "S-blank",
        severity: "warning",
        table: "三",
        row: "granted",
        column: null,
        expected: null,
        actual: null,
        message:
          "表三 “三、本年度办理结果 （一）予以公开”行：“科研机构”、“社会公益组织”为空白，按0计算",
        message_en:
          'Table 3, row "3. Results this year (1) Disclosed": blank cells "research institution", "social welfare organisation" read as 0',
      },
    ]);
  });

  it("warns about blank cells of table 二", () => {
    const base = buildReport();
    const doc: ReportDocument = {
      ...base,
      section2: {
        ...base.section2!,
        coercion_decisions: null,
        regulations: { made: null, repealed: 0, valid: 12 },
      },
    };
    expect(checkReport(doc).map((f) => [f.rule, f.table, f.row, f.column])).toEqual([
      ["S-blank", "二", "regulations", "made"],
      ["S-blank", "二", "coercion_decisions", null],
    ]);
  });

  it("lists absent rows once, without blank warnings for them", () => {
    const rows = { ...buildReport().section3!.rows };
    delete rows.denied_state_secret;
    delete rows.other_other;
    const findings = checkReport(buildReport({ section3: { rows } }));
    expect(findings).toMatchObject([
      {
        rule: "S-missing-rows",
        table: "三",
        message: "表三 缺少2行（三(三)1、三(六)3），相关勾稽关系未能完整核对",
      },
    ]);
  });

  it("finds nothing for tables the document does not hold", () => {
    expect(checkReport(buildReport({ section2: null, section3: null, section4: null }))).toEqual(
      [],
    );
    expect(checkReport({ template: "2021", year: 2024 })).toEqual([]);
  });
});

describe("soft checks", () => {
  /** Last year's report, consistent with this year's table 二 (12 − 1 + 0 = 11; 60 − 10 + 4 = 54). */
  const lastYear = (carriedForward: ApplicantCounts) => {
    const base = buildReport();
    return buildReport({
      year: 2022,
      section2: {
        ...base.section2!,
        regulations: { made: 0, repealed: 0, valid: 11 },
        normative_documents: { made: 5, repealed: 0, valid: 54 },
      },
      section3: section3From({ carriedForward }),
    });
  };

  it("warns when 上年结转 differs from last year's 结转下年度, per column", () => {
    const findings = checkReport(buildReport(), { previous: lastYear([5, 2, 0, 0, 0, 0]) });
    expect(findings.map((f) => [f.rule, f.row, f.column, f.expected, f.actual])).toEqual([
      ["S-carry-over", "carried_over", "commercial_enterprise", 2, 1],
      ["S-carry-over", "carried_over", "total", 7, 6],
    ]);
    expect(findings[0]?.message).toBe(
      "表三 “商业企业”列：二、上年结转=1，2022年报告四、结转下年度=2，相差1",
    );
  });

  it("stays silent when last year's 结转下年度 matches", () => {
    expect(checkReport(buildReport(), { previous: lastYear([5, 1, 0, 0, 0, 0]) })).toEqual([]);
  });

  it("ignores a previous report that is not from the year before", () => {
    const previous = { ...lastYear([9, 9, 0, 0, 0, 0]), year: 2021 };
    expect(checkReport(buildReport(), { previous })).toEqual([]);
  });

  it("warns when 本年制发 exceeds 现行有效", () => {
    const base = buildReport();
    const doc = buildReport({
      section2: { ...base.section2!, normative_documents: { made: 28, repealed: 0, valid: 20 } },
    });
    expect(checkReport(doc)).toMatchObject([
      {
        rule: "S-made-le-valid",
        severity: "warning",
        table: "二",
        row: "normative_documents",
        column: "made",
        expected: 20,
        actual: 28,
        message: "表二 “行政规范性文件”：本年制发件数=28，大于现行有效件数=20",
      },
    ]);
  });

  it("warns when 现行有效 does not follow from last year's plus 制发 minus 废止", () => {
    const consistent = lastYear([5, 1, 0, 0, 0, 0]);
    const previous: ReportDocument = {
      ...consistent,
      section2: {
        ...consistent.section2!,
        normative_documents: { made: 5, repealed: 0, valid: 50 },
      },
    };
    // this year: 10 made, 4 repealed, 60 valid; 50 + 10 − 4 = 56.
    expect(checkReport(buildReport(), { previous })).toMatchObject([
      {
        rule: "S-valid-continuity",
        row: "normative_documents",
        column: "valid",
        expected: 56,
        actual: 60,
        message:
          "表二 “行政规范性文件”：上年现行有效50+本年制发10−本年废止4=56，本年现行有效件数=60，相差4",
      },
    ]);
  });

  it("warns when an agency that does not make 规章 reports some", () => {
    const county = { level: "county", kind: "government" } as const;
    expect(checkReport(buildReport(), { agency: county })).toMatchObject([
      {
        rule: "S-regulations-scope",
        table: "二",
        row: "regulations",
        actual: 12,
        message: "表二 “规章”：县级政府一般不制定规章，却报告本年制发1件、现行有效12件",
      },
    ]);
    const provincialDepartment = { level: "province", kind: "department" } as const;
    expect(rulesOf(checkReport(buildReport(), { agency: provincialDepartment }))).toEqual([
      "S-regulations-scope",
    ]);
  });

  it("accepts 规章 from provincial and city governments, and zero 规章 from anyone", () => {
    expect(checkReport(buildReport(), { agency: { level: "city", kind: "government" } })).toEqual(
      [],
    );
    expect(
      checkReport(buildReport(), { agency: { level: "province", kind: "government" } }),
    ).toEqual([]);
    const base = buildReport();
    const none = buildReport({
      section2: { ...base.section2!, regulations: { made: 0, repealed: 0, valid: 0 } },
    });
    expect(checkReport(none, { agency: { level: "township", kind: "government" } })).toEqual([]);
  });

  it("tolerates a small drift of 现行有效: two documents, or 5% of last year's stock", () => {
    const withValid = (valid: number): ReportDocument => {
      const consistent = lastYear([5, 1, 0, 0, 0, 0]);
      return {
        ...consistent,
        section2: { ...consistent.section2!, normative_documents: { made: 5, repealed: 0, valid } },
      };
    };
    // this year: 10 made, 4 repealed, 60 valid. 52 + 6 = 58 (2 off), 56 + 6 = 62 (2 off): silent.
    expect(checkReport(buildReport(), { previous: withValid(52) })).toEqual([]);
    expect(checkReport(buildReport(), { previous: withValid(56) })).toEqual([]);
    // 51 + 6 = 57, 3 off, over both 2 and 5% of 51.
    expect(rulesOf(checkReport(buildReport(), { previous: withValid(51) }))).toEqual([
      "S-valid-continuity",
    ]);
    // 5% of a stock of 400 is 20: 15 off is bookkeeping, 21 off is not.
    const big = (valid: number) =>
      buildReport({
        section2: {
          ...buildReport().section2!,
          normative_documents: { made: 10, repealed: 4, valid },
        },
      });
    expect(checkReport(big(421), { previous: withValid(400) })).toEqual([]);
    expect(checkReport(big(427), { previous: withValid(400) })).toMatchObject([
      { rule: "S-valid-continuity", expected: 406, actual: 427 },
    ]);
  });

  it("does not question the 规章 of a provincial or city government's general office", () => {
    const office = (level: "province" | "city" | "county", name: string) =>
      rulesOf(checkReport(buildReport(), { agency: { level, kind: "department", name } }));
    expect(office("province", "上海市人民政府办公厅")).toEqual([]);
    expect(office("city", "洛阳市人民政府办公室")).toEqual([]);
    expect(office("city", "广州市政府办公厅（市政府研究室）")).toEqual([]);
    // A county government makes no 规章, so neither does its office; other offices are departments.
    expect(office("county", "高平市人民政府办公室")).toEqual(["S-regulations-scope"]);
    expect(office("province", "上海市人民政府外事办公室")).toEqual(["S-regulations-scope"]);
    expect(office("city", "洛阳市人民防空办公室")).toEqual(["S-regulations-scope"]);
    // Without a name, a department is a department.
    expect(
      rulesOf(checkReport(buildReport(), { agency: { level: "province", kind: "department" } })),
    ).toEqual(["S-regulations-scope"]);
  });

  it("gives every finding a rule listed in RULES with its severity", () => {
    const doc = withCell(
      withCell(buildReport(), "section3.granted.total", null),
      "section4.reconsideration.total",
      9,
    );
    const findings = checkReport(doc, {
      previous: lastYear([1, 1, 0, 0, 0, 0]),
      agency: { level: "county", kind: "department" },
    });
    for (const f of findings) {
      expect(RULES.find((r) => r.id === f.rule)?.severity).toBe(f.severity);
    }
  });
});

describe("narrative against the tables", () => {
  // buildReport: 一 新收 79, 二 上年结转 6; 行政复议 6; 行政诉讼 3 direct + 2 after reconsideration.
  const saying = (overview: string, overrides: Partial<ReportDocument2021> = {}) =>
    checkReport(buildReport({ ...overrides, text: { overview } }));

  it("warns when the text states another number of applications received than table 三", () => {
    expect(saying("2023年，全年共受理政府信息公开申请95件，均已按时答复。")).toEqual([
      {
        rule: "S-narrative",
        severity: "warning",
        table: "三",
        row: "new_received",
        column: "total",
        expected: 95,
        actual: 79,
        message:
          "表三 “一、本年新收政府信息公开申请数量”总计=79（加上年结转为85），正文（总体情况）却称“全年共受理政府信息公开申请95件”，相差16",
        message_en:
          'Table 3, row "1. New applications received this year": total 79 (85 with those carried over), but the text (overview) says "全年共受理政府信息公开申请95件" (95; difference 16)',
      },
    ]);
  });

  it("accepts the applications received with or without last year's carried-over ones", () => {
    expect(saying("全年共受理政府信息公开申请79件。")).toEqual([]);
    expect(saying("全年共受理政府信息公开申请85件（含上年结转6件）。")).toEqual([]);
    expect(saying("本年新收政府信息公开申请 79 件，上年结转6件。")).toEqual([]);
    expect(saying("共收到79件政府信息公开申请。")).toEqual([]);
  });

  it("reads full-width digits, thousands separators and 万", () => {
    const rows = { ...buildReport().section3!.rows };
    rows.new_received = [12_000, 0, 0, 0, 0, 0, 12_000];
    const big = { section3: { rows } };
    // R2 breaks on the edited row; only the narrative check matters here.
    const narrative = (text: string) => saying(text, big).filter((f) => f.rule === "S-narrative");
    expect(narrative("全年共受理政府信息公开申请1.2万件。")).toEqual([]);
    expect(narrative("全年共受理政府信息公开申请12,000件。")).toEqual([]);
    expect(narrative("全年共受理政府信息公开申请１２０００件。")).toEqual([]);
    expect(narrative("全年共受理政府信息公开申请１２００件。")).toMatchObject([
      { expected: 1200, actual: 12_000 },
    ]);
  });

  it("stays silent on approximate numbers, other years, parts and other scopes", () => {
    for (const text of [
      "全年共受理政府信息公开申请约95件。",
      "全年共受理政府信息公开申请近95件。",
      "全年共受理政府信息公开申请95余件。",
      "全年共受理政府信息公开申请90多件。",
      "全年共受理政府信息公开申请95件左右。",
      "2022年受理政府信息公开申请95件。",
      "较上年受理政府信息公开申请95件有所增加。",
      "其中网上受理政府信息公开申请95件。",
      "全市各级行政机关共受理政府信息公开申请950件。",
      "全年未收到政府信息公开申请。",
      "全年共答复政府信息公开申请95件。",
    ]) {
      expect(saying(text), text).toEqual([]);
    }
  });

  it("warns when the text's 行政复议 or 行政诉讼 count differs from table 四", () => {
    const findings = saying("全年因政府信息公开被申请行政复议4件、提起行政诉讼7件。");
    expect(findings.map((f) => [f.rule, f.table, f.row, f.column, f.expected, f.actual])).toEqual([
      ["S-narrative", "四", "reconsideration", "total", 4, 6],
      ["S-narrative", "四", null, null, 7, 5],
    ]);
    expect(findings[0]?.message).toBe(
      "表四 “行政复议”总计=6，正文（总体情况）却称“全年因政府信息公开被申请行政复议4件”，相差2",
    );
    expect(findings[1]?.message).toBe(
      "表四 “行政诉讼”总计=5（未经复议直接起诉3+复议后起诉2），正文（总体情况）却称“全年因政府信息公开被申请行政复议4件、提起行政诉讼7件”，相差2",
    );
  });

  it("accepts a 行政诉讼 count of both groups or of either one", () => {
    expect(saying("政府信息公开行政复议6件，政府信息公开行政诉讼5件。")).toEqual([]);
    expect(saying("政府信息公开行政复议6件，行政诉讼5件。")).toEqual([]);
    expect(saying("因政府信息公开被提起行政诉讼3件。")).toEqual([]);
    expect(saying("信息公开类行政复议6件，诉讼2件，均获维持。")).toEqual([]);
    expect(saying("政府信息公开行政复议6件，行政诉讼4件。")).toMatchObject([
      { rule: "S-narrative", table: "四", row: null, expected: 4, actual: 5 },
    ]);
    expect(saying("信息公开类行政复议6件，诉讼4件。")).toMatchObject([
      { rule: "S-narrative", table: "四", row: null, expected: 4, actual: 5 },
    ]);
  });

  it("reads no case count outside 信息公开, nor a sum of 复议 and 诉讼", () => {
    for (const text of [
      "全年办理行政复议案件120件，行政诉讼30件。",
      "政府信息公开行政复议和行政诉讼案件共5件。",
      "政府信息公开行政诉讼和行政复议共9件。",
      "因政府信息公开被申请行政复议和提起行政诉讼共5件。",
      "因政府信息公开被提起行政诉讼和被申请行政复议共5件。",
      "政府信息公开方面未发生行政复议。全年行政应诉案件12件。",
    ]) {
      expect(saying(text), text).toEqual([]);
    }
  });

  it("is content when any of several statements of a figure matches", () => {
    expect(
      saying("全年共受理政府信息公开申请79件。其中，区政府办代表区政府受理政府信息公开申请17件。"),
    ).toEqual([]);
  });

  it("reads the problems and other sections too, and skips a table left blank", () => {
    expect(
      checkReport(buildReport({ text: { other: "本年度收到政府信息公开申请80件。" } })),
    ).toMatchObject([
      { rule: "S-narrative", message: expect.stringContaining("正文（其他需要报告的事项）") },
    ]);
    const blank = withCell(buildReport(), "section3.new_received.total", null);
    const findings = checkReport({
      ...blank,
      text: { overview: "全年共受理政府信息公开申请95件。" },
    });
    expect(rulesOf(findings)).not.toContain("S-narrative");
  });
});

describe("checkReport properties", () => {
  const counts = fc.tuple(fc.nat(40), fc.nat(40), fc.nat(40), fc.nat(40), fc.nat(40), fc.nat(40));

  const consistentReport = fc
    .record({
      variant: fc.constantFrom<Section3Variant>("split", "single"),
      outcomes: fc.array(counts, { minLength: 21, maxLength: 21 }),
      carriedForward: counts,
      carriedOverSeed: counts,
      section4: fc.array(fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20), fc.nat(20)), {
        minLength: 3,
        maxLength: 3,
      }),
      valid: fc.nat(500),
      madeSeed: fc.nat(500),
    })
    .map(({ variant, outcomes, carriedForward, carriedOverSeed, section4, valid, madeSeed }) => {
      const keys = OUTCOME_ROW_KEYS(variant);
      const byKey = Object.fromEntries(keys.map((key, i) => [key, outcomes[i] ?? outcomes[0]]));
      const processed = [0, 1, 2, 3, 4, 5].map((c) =>
        keys.reduce((sum, key) => sum + (byKey[key]?.[c] ?? 0), 0),
      );
      // 上年结转 may not exceed what was processed or carried forward, else 一 would be negative.
      const carriedOver = carriedOverSeed.map(
        (seed, c) => seed % ((processed[c] ?? 0) + carriedForward[c]! + 1),
      ) as unknown as ApplicantCounts;
      const [g1, g2, g3] = section4;
      const base = buildReport();
      return buildReport({
        section2: {
          ...base.section2!,
          regulations: { made: madeSeed % (valid + 1), repealed: 0, valid },
        },
        section3: section3From({ variant, outcomes: byKey, carriedForward, carriedOver }),
        section4: {
          reconsideration: section4Group(...g1!),
          litigation_direct: section4Group(...g2!),
          litigation_after_reconsideration: section4Group(...g3!),
        },
      });
    });

  it("finds no error in any complete document built so that all rules hold", () => {
    fc.assert(
      fc.property(consistentReport, (doc) => {
        expect(reportDocumentSchema.safeParse(doc).success).toBe(true);
        expect(checkReport(doc)).toEqual([]);
      }),
    );
  });

  it("finds an error after any single cell of table 三 or 四 is raised by one", () => {
    fc.assert(
      fc.property(consistentReport, fc.nat(), (doc, pick) => {
        const cells = [...flattenFigures(doc)].filter(
          ([key]) => key.startsWith("section3.") || key.startsWith("section4."),
        );
        const [key, value] = cells[pick % cells.length]!;
        const bumped = withCell(doc, key, (value ?? 0) + 1);
        expect(errorsOf(checkReport(bumped)).length).toBeGreaterThan(0);
      }),
    );
  });
});
