/**
 * 自报 vs 汇总: a government's whole-region report against the sum of the reports it contains
 * (its departments' own reports and the whole-region reports of the regions below it). Both
 * count the same applications and cases, so a large difference means one side is incomplete
 * or wrong — worth a reviewer's look, not proof of error (parts may be missing, and a region's
 * report may count offices that report to nobody).
 */

import { figureDef, type FigureKey } from "./figures";

/** The figures compared: the counts every region report prints and every part sums. */
export const CROSS_CHECK_FIGURES: readonly FigureKey[] = [
  "section3.new_received.total",
  "section3.carried_over.total",
  "section3.total_processed.total",
  "section3.granted.total",
  "section3.partially_granted.total",
  "section3.carried_forward.total",
  "section4.reconsideration.total",
  "section4.litigation_direct.total",
  "section4.litigation_after_reconsideration.total",
];

/**
 * A difference is large past 10 % of the larger side and more than 5 cases: below five, one
 * late case explains it; 10 % is what a missing department or a miscounted carry-over makes.
 */
const RELATIVE = 0.1;
const ABSOLUTE = 5;

export interface CrossCheckRow {
  figure: FigureKey;
  own: number | null;
  parts: number | null;
  difference: number | null;
  large: boolean;
  message: string | null;
  message_en: string | null;
}

export function crossCheck(
  own: (figure: string) => number | null,
  parts: (figure: string) => number | null,
): CrossCheckRow[] {
  return CROSS_CHECK_FIGURES.map((figure) => {
    const a = own(figure);
    const b = parts(figure);
    if (a === null || b === null) {
      return {
        figure,
        own: a,
        parts: b,
        difference: null,
        large: false,
        message: null,
        message_en: null,
      };
    }
    const difference = a - b;
    const large =
      Math.abs(difference) > ABSOLUTE && Math.abs(difference) > RELATIVE * Math.max(a, b);
    const def = figureDef(figure);
    return {
      figure,
      own: a,
      parts: b,
      difference,
      large,
      message: large
        ? `${def.label}：本级自报 ${a}，所含报告汇总 ${b}，相差 ${Math.abs(difference)}`
        : null,
      message_en: large
        ? `${def.labelEn}: the region's own report says ${a}, the reports it contains sum to ${b}, a difference of ${Math.abs(difference)}`
        : null,
    };
  });
}
