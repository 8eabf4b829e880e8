/**
 * Derived indicators (FORMAT §8), each defined once as lists of figure keys so the same number
 * can be computed from one document or from SQL sums over many.
 *
 * None of them reads a （六） row, so the definitions hold for both layouts of table 三.
 */

import type { FigureKey } from "./figures";
import { section3RowKeys, section3Row, type Section3Family } from "./templates";

export type IndicatorKey =
  | "disclosure_rate"
  | "denial_rate"
  | "unable_rate"
  | "carry_forward_rate"
  | "reconsideration_correction_rate"
  | "litigation_correction_rate";

export interface IndicatorDef {
  key: IndicatorKey;
  label: string;
  labelEn: string;
  formula: string;
  formulaEn: string;
  numerator: readonly FigureKey[];
  denominator: readonly FigureKey[];
  /** Below this denominator the rate misleads: show the counts, not a rate or a rank. */
  minCount: number;
  /** Which end is the better one: rank 1 goes to the highest rate, or to the lowest. */
  better: "higher" | "lower";
}

const MIN_COUNT = 5;

function totalsOf(family: Section3Family): FigureKey[] {
  return section3RowKeys("split")
    .filter((key) => section3Row(key).family === family)
    .map((key): FigureKey => `section3.${key}.total`);
}

const LITIGATION = ["litigation_direct", "litigation_after_reconsideration"] as const;

export const INDICATORS: readonly IndicatorDef[] = [
  {
    key: "disclosure_rate",
    label: "公开率",
    labelEn: "disclosure rate",
    formula: "（予以公开+部分公开）÷（七）总计",
    formulaEn: "(disclosed + partly disclosed) ÷ (7) total processed",
    numerator: ["section3.granted.total", "section3.partially_granted.total"],
    denominator: ["section3.total_processed.total"],
    minCount: MIN_COUNT,
    better: "higher",
  },
  {
    key: "denial_rate",
    label: "不予公开率",
    labelEn: "denial rate",
    formula: "（三）不予公开 ÷（七）总计",
    formulaEn: "(3) not disclosed ÷ (7) total processed",
    numerator: totalsOf("denied"),
    denominator: ["section3.total_processed.total"],
    minCount: MIN_COUNT,
    better: "lower",
  },
  {
    key: "unable_rate",
    label: "无法提供率",
    labelEn: "unable-to-provide rate",
    formula: "（四）无法提供 ÷（七）总计",
    formulaEn: "(4) unable to provide ÷ (7) total processed",
    numerator: totalsOf("unable"),
    denominator: ["section3.total_processed.total"],
    minCount: MIN_COUNT,
    better: "lower",
  },
  {
    key: "carry_forward_rate",
    label: "结转率",
    labelEn: "carry-forward rate",
    formula: "四、结转下年度 ÷（一+二）",
    formulaEn: "4. carried forward ÷ (1 + 2)",
    numerator: ["section3.carried_forward.total"],
    denominator: ["section3.new_received.total", "section3.carried_over.total"],
    minCount: MIN_COUNT,
    better: "lower",
  },
  {
    key: "reconsideration_correction_rate",
    label: "复议纠错率",
    labelEn: "reconsideration correction rate",
    formula: "行政复议 结果纠正 ÷（维持+纠正+其他）",
    formulaEn: "reconsideration corrected ÷ (upheld + corrected + other)",
    numerator: ["section4.reconsideration.corrected"],
    denominator: [
      "section4.reconsideration.upheld",
      "section4.reconsideration.corrected",
      "section4.reconsideration.other",
    ],
    minCount: MIN_COUNT,
    better: "lower",
  },
  {
    key: "litigation_correction_rate",
    label: "诉讼纠错率",
    labelEn: "litigation correction rate",
    formula: "行政诉讼（两组合计）结果纠正 ÷（维持+纠正+其他）",
    formulaEn: "litigation (both groups) corrected ÷ (upheld + corrected + other)",
    numerator: LITIGATION.map((g): FigureKey => `section4.${g}.corrected`),
    denominator: LITIGATION.flatMap((g): FigureKey[] => [
      `section4.${g}.upheld`,
      `section4.${g}.corrected`,
      `section4.${g}.other`,
    ]),
    minCount: MIN_COUNT,
    better: "lower",
  },
];

export type IndicatorStatus = "ok" | "below_min_count" | "no_data";

export interface IndicatorResult {
  key: IndicatorKey;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: IndicatorStatus;
}

function sumOf(
  keys: readonly FigureKey[],
  read: (figure: FigureKey) => number | null,
): number | null {
  let total: number | null = null;
  for (const key of keys) {
    const value = read(key);
    if (value !== null) total = (total ?? 0) + value;
  }
  return total;
}

/**
 * The indicator from any figure reader (a document's `readFigure`, or a lookup into SQL sums).
 * A side whose figures are all blank is unknown, not zero: the result is `no_data`.
 */
export function computeIndicator(
  def: IndicatorDef,
  read: (figure: FigureKey) => number | null,
): IndicatorResult {
  const numerator = sumOf(def.numerator, read);
  const denominator = sumOf(def.denominator, read);
  if (numerator === null || denominator === null) {
    return { key: def.key, value: null, numerator, denominator, status: "no_data" };
  }
  if (denominator < def.minCount || denominator <= 0) {
    return { key: def.key, value: null, numerator, denominator, status: "below_min_count" };
  }
  return { key: def.key, value: numerator / denominator, numerator, denominator, status: "ok" };
}

/** Every figure key some indicator reads, each once, in definition order. */
export function indicatorFigures(): FigureKey[] {
  return [...new Set(INDICATORS.flatMap((def) => [...def.numerator, ...def.denominator]))];
}
