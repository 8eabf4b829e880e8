import { describe, expect, it } from "vitest";
import { reportDocumentSchema } from "../../worker/report/document";
import {
  flattenFigures,
  isFigureKey,
  listFigures,
  readFigure,
  readFigureWithTotals,
  writeFigure,
} from "../../worker/report/figures";
import { buildReport, buildReport2019, withCell } from "./builders";
import { fixtureDocument } from "./fixtures";

describe("listFigures", () => {
  it("lists table 二, 三 (both layouts), 四 and the metrics", () => {
    // 2021 table 二: 10; 2019 table 二: 22; table 三: 26 rows × 7; table 四: 15; metrics: 7.
    expect(listFigures("2021")).toHaveLength(10 + 182 + 15 + 7);
    expect(listFigures("2019")).toHaveLength(22 + 182 + 15 + 7);
    expect(listFigures()).toHaveLength(10 + 22 + 182 + 15 + 7);
    const keys = listFigures().map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("labels a figure by table, row and column", () => {
    const byKey = new Map(listFigures().map((f) => [f.key, f]));
    expect(byKey.get("section3.new_received.total")).toMatchObject({
      table: "三",
      label: "表三 一、本年新收政府信息公开申请数量 · 总计",
      labelEn: "Table 3 1. New applications received this year · total",
      unit: "件",
      kind: "count",
    });
    expect(byKey.get("section2.fees_wan_yuan")).toMatchObject({
      table: "二",
      label: "表二 行政事业性收费 · 本年收费金额（单位：万元）",
      unit: "万元",
      kind: "amount",
      template: "2021",
    });
    expect(byKey.get("section2.licensing.change")).toMatchObject({
      signed: true,
      template: "2019",
    });
    expect(byKey.get("section4.reconsideration.corrected")?.label).toBe("表四 行政复议 · 结果纠正");
    expect(byKey.get("metrics.website_visits")).toMatchObject({ table: "metrics", unit: "次" });
  });
});

describe("isFigureKey", () => {
  it("accepts every listed key and nothing else", () => {
    expect(listFigures().every((f) => isFigureKey(f.key))).toBe(true);
    expect(isFigureKey("section2.regulations.made")).toBe(true);
    expect(isFigureKey("section2.licensing.decisions")).toBe(true);
    expect(isFigureKey("section3.new_received.sum")).toBe(false);
    expect(isFigureKey("section2.regulations")).toBe(false);
    expect(isFigureKey("metrics.page_views")).toBe(false);
  });
});

describe("readFigure", () => {
  const doc = reportDocumentSchema.parse(fixtureDocument("00_luoyang_shi_bgs_2022"));

  it("reads each table and the metrics", () => {
    expect(readFigure(doc, "section2.normative_documents.repealed")).toBe(118);
    expect(readFigure(doc, "section2.fees_wan_yuan")).toBe(0.13);
    expect(readFigure(doc, "section3.new_received.total")).toBe(95);
    expect(readFigure(doc, "section3.carried_forward.commercial_enterprise")).toBe(4);
    expect(readFigure(doc, "section4.litigation_after_reconsideration.pending")).toBe(2);
    expect(readFigure(doc, "metrics.wechat_followers")).toBe(14219);
  });

  it("gives null for blank cells, absent rows and the other template's table 二", () => {
    expect(readFigure(doc, "section3.other_processing.total")).toBeNull();
    expect(readFigure(doc, "section2.licensing.decisions")).toBeNull();
    expect(readFigure(doc, "metrics.press_conferences")).toBeNull();
    expect(readFigure(buildReport2019(), "section2.centralized_procurement.amount_yuan")).toBe(
      251000,
    );
    const blank = withCell(buildReport(), "section4.reconsideration.upheld", null);
    expect(readFigure(blank, "section4.reconsideration.upheld")).toBeNull();
  });

  it("can take a blank 总计 of table 三 as the sum of its row", () => {
    const shanghai = reportDocumentSchema.parse(fixtureDocument("05_shanghai_shizhengfu_bgt_2019"));
    expect(readFigure(shanghai, "section3.granted.total")).toBeNull();
    expect(readFigureWithTotals(shanghai, "section3.granted.total")).toBe(272);
    expect(readFigureWithTotals(shanghai, "section3.denied_law_forbidden.total")).toBeNull();
    expect(readFigureWithTotals(shanghai, "section3.new_received.total")).toBe(859);
  });
});

describe("flattenFigures", () => {
  it("holds every cell of a complete document", () => {
    const figures = flattenFigures(buildReport());
    // table 二 10 + table 三 25 × 7 + table 四 15 + 3 metrics
    expect(figures.size).toBe(10 + 175 + 15 + 3);
    expect(figures.get("section3.granted.total")).toBe(44);
  });

  it("leaves out absent rows and sections but keeps blank cells as null", () => {
    const partial = reportDocumentSchema.parse(fixtureDocument("11_longgang_qu_bumen_2024"));
    const figures = flattenFigures(partial);
    expect(figures.size).toBe(10 + 10 * 7);
    expect(figures.has("section3.total_processed.total")).toBe(false);
    expect(figures.has("section4.reconsideration.total")).toBe(false);

    const blank = flattenFigures(withCell(buildReport(), "section3.granted.other", null));
    expect(blank.has("section3.granted.other")).toBe(true);
    expect(blank.get("section3.granted.other")).toBeNull();
  });

  it("holds a 2019 document's own table 二", () => {
    const keys = [...flattenFigures(buildReport2019()).keys()];
    expect(keys.filter((k) => k.startsWith("section2."))).toHaveLength(22);
    expect(keys).not.toContain("section2.regulations.made");
  });
});

describe("writeFigure", () => {
  it("sets one cell without touching the original or the other rows", () => {
    const doc = buildReport();
    const before = structuredClone(doc);
    const next = writeFigure(doc, "section3.granted.natural_person", 41);
    expect(readFigure(next, "section3.granted.natural_person")).toBe(41);
    expect(doc).toEqual(before);
    expect(next.section3?.rows.granted).not.toBe(doc.section3?.rows.granted);
    expect(next.section3?.rows.new_received).toBe(doc.section3?.rows.new_received);
    expect(next.section4).toBe(doc.section4);
    expect(next.section2).toBe(doc.section2);
  });

  it("returns the same document when the value is already there", () => {
    const doc = buildReport();
    expect(writeFigure(doc, "section3.granted.total", 44)).toBe(doc);
    expect(writeFigure(doc, "section2.fees_wan_yuan", 0.13)).toBe(doc);
  });

  it("writes blanks as null, never as zero", () => {
    const next = writeFigure(buildReport(), "section4.litigation_direct.pending", null);
    expect(next.section4?.litigation_direct).toEqual([2, 0, 0, null, 3]);
  });

  it("writes table 二 object and scalar rows of either template", () => {
    const doc = writeFigure(buildReport(), "section2.normative_documents.repealed", 5);
    expect(doc.section2?.normative_documents).toEqual({ made: 10, repealed: 5, valid: 60 });
    expect(
      readFigure(
        writeFigure(doc, "section2.punishment_decisions", 0),
        "section2.punishment_decisions",
      ),
    ).toBe(0);
    const old = writeFigure(buildReport2019(), "section2.licensing.change", -3);
    expect(readFigure(old, "section2.licensing.change")).toBe(-3);
  });

  it("refuses a table 二 figure of the other template", () => {
    expect(() => writeFigure(buildReport(), "section2.licensing.change", 1)).toThrow(/2019/);
    expect(() => writeFigure(buildReport2019(), "section2.regulations.made", 1)).toThrow(/2021/);
  });

  it("creates an absent row or section with blank cells around the written one", () => {
    const empty = reportDocumentSchema.parse({ template: "2021", year: 2024 });
    const s3 = writeFigure(empty, "section3.carried_forward.other", 2);
    expect(s3.section3?.rows).toEqual({ carried_forward: [null, null, null, null, null, 2, null] });
    const s4 = writeFigure(empty, "section4.litigation_direct.corrected", 1);
    expect(s4.section4).toEqual({
      reconsideration: [null, null, null, null, null],
      litigation_direct: [null, 1, null, null, null],
      litigation_after_reconsideration: [null, null, null, null, null],
    });
    const s2 = writeFigure(empty, "section2.fees_wan_yuan", 1.5);
    expect(s2.section2).toEqual({
      regulations: { made: null, repealed: null, valid: null },
      normative_documents: { made: null, repealed: null, valid: null },
      licensing_decisions: null,
      punishment_decisions: null,
      coercion_decisions: null,
      fees_wan_yuan: 1.5,
    });
    const m = writeFigure(empty, "metrics.press_conferences", 4);
    expect(m.metrics).toEqual({ press_conferences: 4 });
    for (const doc of [s3, s4, s2, m]) expect(reportDocumentSchema.parse(doc)).toEqual(doc);
  });

  it("creates a 2019 table 二 with its own rows", () => {
    const empty = reportDocumentSchema.parse({ template: "2019", year: 2019 });
    const doc = writeFigure(empty, "section2.centralized_procurement.amount_yuan", 251000);
    expect(reportDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.template === "2019" && doc.section2?.fees).toEqual({
      prev_year_items: null,
      change: null,
    });
    expect(flattenFigures(doc).get("section2.centralized_procurement.amount_yuan")).toBe(251000);
  });
});
