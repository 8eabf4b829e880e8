import { describe, expect, it } from "vitest";
import { reportDocumentSchema, type ReportDocument } from "../../worker/report/document";
import { readFigure, readFigureWithTotals, type FigureKey } from "../../worker/report/figures";
import {
  INDICATORS,
  computeIndicator,
  indicatorFigures,
  type IndicatorDef,
  type IndicatorKey,
} from "../../worker/report/indicators";
import { buildReport, section4Group } from "./builders";
import { fixtureDocument } from "./fixtures";

function indicator(key: IndicatorKey): IndicatorDef {
  const def = INDICATORS.find((d) => d.key === key);
  if (!def) throw new Error(key);
  return def;
}

const reader = (doc: ReportDocument) => (key: FigureKey) => readFigure(doc, key);

describe("computeIndicator", () => {
  const luoyang = reportDocumentSchema.parse(fixtureDocument("00_luoyang_shi_bgs_2022"));

  it("computes the disclosure rate as (予以公开+部分公开) / (七)总计", () => {
    expect(computeIndicator(indicator("disclosure_rate"), reader(luoyang))).toEqual({
      key: "disclosure_rate",
      value: 22 / 92,
      numerator: 22,
      denominator: 92,
      status: "ok",
    });
  });

  it("computes denial, unable and carry-forward rates from the fixture", () => {
    const read = reader(luoyang);
    expect(computeIndicator(indicator("denial_rate"), read)).toMatchObject({
      numerator: 5,
      denominator: 92,
    });
    expect(computeIndicator(indicator("unable_rate"), read)).toMatchObject({
      numerator: 47,
      denominator: 92,
    });
    expect(computeIndicator(indicator("carry_forward_rate"), read)).toMatchObject({
      value: 11 / 103,
      status: "ok",
    });
  });

  it("computes the litigation correction rate over both litigation groups", () => {
    const huaian = reportDocumentSchema.parse(fixtureDocument("01_huaian_shi_2024"));
    expect(computeIndicator(indicator("litigation_correction_rate"), reader(huaian))).toEqual({
      key: "litigation_correction_rate",
      value: 5 / 39,
      numerator: 5,
      denominator: 39,
      status: "ok",
    });
    expect(
      computeIndicator(indicator("reconsideration_correction_rate"), reader(huaian)),
    ).toMatchObject({
      value: 64 / 314,
    });
  });

  it("gives no rate below the minimum count, but keeps the counts", () => {
    // 维持 2 + 纠正 1 + 其他 1 = 4 decided cases: fewer than 5.
    const doc = buildReport({
      section4: {
        reconsideration: section4Group(2, 1, 1, 9),
        litigation_direct: section4Group(0, 0, 0, 0),
        litigation_after_reconsideration: section4Group(0, 0, 0, 0),
      },
    });
    expect(computeIndicator(indicator("reconsideration_correction_rate"), reader(doc))).toEqual({
      key: "reconsideration_correction_rate",
      value: null,
      numerator: 1,
      denominator: 4,
      status: "below_min_count",
    });
    expect(computeIndicator(indicator("litigation_correction_rate"), reader(doc))).toMatchObject({
      value: null,
      denominator: 0,
      status: "below_min_count",
    });
  });

  it("reports no data when a side's figures are all blank or absent", () => {
    expect(
      computeIndicator(indicator("disclosure_rate"), reader(buildReport({ section3: null }))),
    ).toMatchObject({ value: null, numerator: null, denominator: null, status: "no_data" });
    const shanghai = reportDocumentSchema.parse(fixtureDocument("05_shanghai_shizhengfu_bgt_2019"));
    expect(computeIndicator(indicator("disclosure_rate"), reader(shanghai)).status).toBe("no_data");
    expect(
      computeIndicator(indicator("disclosure_rate"), (k) => readFigureWithTotals(shanghai, k)),
    ).toMatchObject({ numerator: 275, denominator: 805, status: "ok" });
  });

  it("computes from any reader, such as summed rows from SQL", () => {
    const sums = new Map<FigureKey, number>([
      ["section3.granted.total", 30],
      ["section3.partially_granted.total", 10],
      ["section3.total_processed.total", 100],
    ]);
    expect(computeIndicator(indicator("disclosure_rate"), (k) => sums.get(k) ?? null).value).toBe(
      0.4,
    );
  });
});

describe("INDICATORS", () => {
  it("defines the six indicators with a formula in both languages and a minimum count of 5", () => {
    expect(INDICATORS.map((d) => [d.key, d.label])).toEqual([
      ["disclosure_rate", "公开率"],
      ["denial_rate", "不予公开率"],
      ["unable_rate", "无法提供率"],
      ["carry_forward_rate", "结转率"],
      ["reconsideration_correction_rate", "复议纠错率"],
      ["litigation_correction_rate", "诉讼纠错率"],
    ]);
    expect(INDICATORS.every((d) => d.minCount === 5 && d.formula && d.formulaEn)).toBe(true);
    expect(indicator("denial_rate").numerator).toHaveLength(8);
    expect(indicator("unable_rate").numerator).toHaveLength(3);
  });

  it("lists every figure the indicators read, once", () => {
    const figures = indicatorFigures();
    expect(new Set(figures).size).toBe(figures.length);
    expect(figures).toContain("section3.total_processed.total");
    expect(figures).toContain("section4.litigation_after_reconsideration.other");
    expect(figures.some((k) => k.includes("other_"))).toBe(false);
  });
});
