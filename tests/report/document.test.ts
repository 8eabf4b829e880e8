import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  describeIssues,
  reportDocumentSchema,
  section3Variant,
} from "../../worker/report/document";
import { buildReport, buildReport2019, withCell } from "./builders";
import { fixtureDocument, fixtureNames, hasTables, readFixture } from "./fixtures";

function issuesOf(input: unknown) {
  const result = reportDocumentSchema.safeParse(input);
  expect(result.success).toBe(false);
  return describeIssues(result.error as z.ZodError, input);
}

function pathsOf(input: unknown): string[] {
  return issuesOf(input).map((i) => i.path);
}

describe("reportDocumentSchema", () => {
  const withTables = fixtureNames().filter((name) => hasTables(readFixture(name)));

  it("finds the fixtures that hold tables", () => {
    expect(withTables.map((n) => n.slice(0, 2))).toEqual([
      "00",
      "01",
      "03",
      "05",
      "11",
      "12",
      "22",
      "24",
    ]);
  });

  it.each(withTables)("accepts the published report %s", (name) => {
    const result = reportDocumentSchema.safeParse(fixtureDocument(name));
    expect(result.success ? [] : describeIssues(result.error)).toEqual([]);
  });

  it("accepts a complete 2021 document and a complete 2019 document", () => {
    expect(reportDocumentSchema.safeParse(buildReport()).success).toBe(true);
    expect(reportDocumentSchema.safeParse(buildReport2019()).success).toBe(true);
  });

  it("accepts a document with only template and year", () => {
    expect(reportDocumentSchema.safeParse({ template: "2021", year: 2024 }).success).toBe(true);
  });

  it("accepts blank cells as null", () => {
    const doc = withCell(buildReport(), "section3.granted.research_institution", null);
    expect(reportDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it("rejects a negative count at its exact path", () => {
    const issues = issuesOf(withCell(buildReport(), "section3.granted.research_institution", -1));
    expect(issues).toEqual([
      {
        path: "section3.rows.granted.2",
        code: "too_small",
        message: "section3.rows.granted.2：不能为负数",
        message_en: "section3.rows.granted.2: must not be negative",
      },
    ]);
  });

  it("rejects a fractional count at its exact path", () => {
    const issues = issuesOf(withCell(buildReport(), "section4.litigation_direct.pending", 1.5));
    expect(issues).toEqual([
      {
        path: "section4.litigation_direct.3",
        code: "invalid_type",
        message: "section4.litigation_direct.3：应为整数",
        message_en: "section4.litigation_direct.3: must be an integer",
      },
    ]);
  });

  it("rejects negative and fractional counts in table 二", () => {
    const base = buildReport();
    const doc = {
      ...base,
      section2: {
        ...base.section2!,
        licensing_decisions: -3,
        regulations: { made: 0.5, repealed: 0, valid: 1 },
      },
    };
    expect(pathsOf(doc).sort()).toEqual([
      "section2.licensing_decisions",
      "section2.regulations.made",
    ]);
  });

  it("rejects a count beyond the safe integer range", () => {
    const doc = withCell(buildReport(), "section3.granted.natural_person", 2 ** 53);
    expect(pathsOf(doc)).toEqual(["section3.rows.granted.0"]);
  });

  it("names each unknown field by its own path", () => {
    const base = buildReport();
    const doc = {
      ...base,
      notes: ["x"],
      section3: { rows: { ...base.section3!.rows, granted_total: [0, 0, 0, 0, 0, 0, 0] } },
      text: { overview: "…", summary: "…" },
    };
    expect(pathsOf(doc).sort()).toEqual(["notes", "section3.rows.granted_total", "text.summary"]);
    expect(issuesOf(doc).find((i) => i.path === "notes")).toMatchObject({
      code: "unrecognized_keys",
      message: "notes：未知字段",
      message_en: "notes: unknown field",
    });
  });

  it("rejects a fee with five decimal places and accepts four", () => {
    const base = buildReport();
    const fee = (fees_wan_yuan: number) => ({
      ...base,
      section2: { ...base.section2!, fees_wan_yuan },
    });
    expect(issuesOf(fee(0.12345))).toEqual([
      {
        path: "section2.fees_wan_yuan",
        code: "custom",
        message: "section2.fees_wan_yuan：最多4位小数",
        message_en: "section2.fees_wan_yuan: at most 4 decimal places",
      },
    ]);
    expect(reportDocumentSchema.safeParse(fee(0.1234)).success).toBe(true);
    expect(reportDocumentSchema.safeParse(fee(96171.6)).success).toBe(true);
    expect(pathsOf(fee(-0.5))).toEqual(["section2.fees_wan_yuan"]);
  });

  it("rejects a row that does not have seven cells", () => {
    const base = buildReport();
    const doc = { ...base, section3: { rows: { ...base.section3!.rows, granted: [1, 2, 3] } } };
    expect(issuesOf(doc)).toMatchObject([
      {
        path: "section3.rows.granted",
        code: "too_small",
        message: "section3.rows.granted：应有7项",
      },
    ]);
  });

  it("rejects 2019 table-二 keys in a 2021 document", () => {
    const doc = { ...buildReport(), section2: buildReport2019().section2 };
    const paths = pathsOf(doc);
    expect(paths).toContain("section2.licensing");
    expect(paths).toContain("section2.regulations.new_made");
    expect(paths).toContain("section2.licensing_decisions");
  });

  it("accepts a negative 本年增/减 in the 2019 table 二 but not a negative 处理决定数量", () => {
    const base = buildReport2019();
    const licensing = (change: number, decisions: number) => ({
      ...base,
      section2: { ...base.section2!, licensing: { prev_year_items: 10, change, decisions } },
    });
    expect(reportDocumentSchema.safeParse(licensing(-2, 5)).success).toBe(true);
    expect(pathsOf(licensing(-2, -5))).toEqual(["section2.licensing.decisions"]);
  });

  it("rejects a table 三 carrying both layouts of （六）其他处理", () => {
    const base = buildReport();
    const doc = {
      ...base,
      section3: { rows: { ...base.section3!.rows, other_processing: [0, 0, 0, 0, 0, 0, 0] } },
    };
    expect(issuesOf(doc)).toMatchObject([
      { path: "section3.rows.other_processing", code: "custom" },
    ]);
  });

  it("rejects an unknown template and a year out of range", () => {
    expect(issuesOf({ template: "2020", year: 2020 })).toMatchObject([
      { path: "template", code: "invalid_union", message: "template：应为以下之一：2021 / 2019" },
    ]);
    expect(pathsOf({ template: "2021", year: 1989 })).toEqual(["year"]);
    expect(pathsOf({ template: "2021", year: 2022.5 })).toEqual(["year"]);
  });

  it("tells a missing field from a wrongly typed one", () => {
    const base = buildReport();
    const { fees_wan_yuan: _fee, ...section2 } = base.section2!;
    const missing = issuesOf({ ...base, section2 });
    expect(missing).toMatchObject([
      { path: "section2.fees_wan_yuan", message: "section2.fees_wan_yuan：缺少必填字段" },
    ]);
    const wrong = issuesOf({ ...base, agency: 42 });
    expect(wrong).toMatchObject([{ path: "agency", message: "agency：类型不正确，应为文本" }]);
  });

  it("rejects unknown metrics, fractional count metrics and unknown note fields", () => {
    const base = buildReport();
    expect(pathsOf({ ...base, metrics: { page_views: 3 } })).toEqual(["metrics.page_views"]);
    expect(pathsOf({ ...base, metrics: { website_visits: 3.5 } })).toEqual([
      "metrics.website_visits",
    ]);
    expect(
      reportDocumentSchema.safeParse({ ...base, metrics: { fee_collected_yuan: 12.5 } }).success,
    ).toBe(true);
    expect(
      pathsOf({
        ...base,
        metric_notes: { website_visits: { as_printed: "582万次", source: "x" } },
      }),
    ).toEqual(["metric_notes.website_visits.source"]);
  });

  it("accepts explanations and rejects one without text", () => {
    const explanation = {
      rule: "R2",
      table: "三",
      column: "total",
      text: "结转下年度总计在原文中缺失",
    };
    expect(
      reportDocumentSchema.safeParse({ ...buildReport(), explanations: [explanation] }).success,
    ).toBe(true);
    expect(pathsOf({ ...buildReport(), explanations: [{ rule: "R2" }] })).toEqual([
      "explanations.0.text",
    ]);
  });

  it("rejects narrative text over 100,000 characters", () => {
    expect(pathsOf({ ...buildReport(), text: { other: "字".repeat(100_001) } })).toEqual([
      "text.other",
    ]);
  });
});

describe("section3Variant", () => {
  it("reads the layout from the rows present, else from the template", () => {
    expect(section3Variant(buildReport())).toBe("split");
    expect(section3Variant(buildReport2019())).toBe("single");
    expect(
      section3Variant({
        template: "2021",
        section3: { rows: { other_processing: [0, 0, 0, 0, 0, 0, 0] } },
      }),
    ).toBe("single");
    expect(
      section3Variant({
        template: "2019",
        section3: { rows: { other_other: [0, 0, 0, 0, 0, 0, 0] } },
      }),
    ).toBe("split");
    expect(section3Variant({ template: "2021", section3: null })).toBe("split");
    expect(section3Variant({ template: "2019" })).toBe("single");
  });

  it("gives fixture 03 (2021 with the 2019 （六） row) the single layout", () => {
    const doc = reportDocumentSchema.parse(fixtureDocument("03_hongze_qu_2024"));
    expect(section3Variant(doc)).toBe("single");
  });
});
