import { describe, expect, it } from "vitest";
import { reportDocumentSchema } from "../../worker/report/document";
import {
  flattenFigures,
  isFigureKey,
  listFigures,
  readFigure,
  readFigureWithTotals,
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
