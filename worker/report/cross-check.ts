/**
 * 自报 vs 汇总: a government's whole-region report against the sum of the reports it contains
 * (its departments' own reports and the whole-region reports of the regions below it). Both
 * count the same applications and cases, so a large difference means one side is incomplete
 * or wrong — worth a reviewer's look, not proof of error (parts may be missing, and a region's
 * report may count offices that report to nobody).
 */

import { figureDef, type FigureKey } from "./figures";
import { KEY_FIGURES } from "./key-figures";

/**
 * The figures compared: the counts every region report prints and every part sums — the key
 * figures the dashboard shows beside the indicators.
 */
export const CROSS_CHECK_FIGURES: readonly FigureKey[] = KEY_FIGURES;

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

export interface CoveredReport {
  agencyId: number;
  name: string;
  /** The materialized chain of ancestor ids, the agency's own last. */
  path: string;
  scope: string;
  values: Partial<Record<FigureKey, number | null>>;
}

export interface RegionDifference {
  agencyId: number;
  name: string;
  partsReports: number;
  figures: CrossCheckRow[];
}

/**
 * 自报 vs 汇总 for every whole-region report among `reports` (one region's reports of one year):
 * each report is a part of the nearest whole-region report above it, and each whole-region
 * report is checked against the sum of its parts. Only reports with a large difference are
 * returned, largest relative difference first.
 */
export function regionDifferences(reports: readonly CoveredReport[]): RegionDifference[] {
  const holders = new Map(
    reports.filter((r) => r.scope === "region").map((r) => [r.path, r] as const),
  );
  const parts = new Map<string, CoveredReport[]>();
  for (const report of reports) {
    const ids = report.path.split("/").filter(Boolean);
    for (let i = ids.length - 1; i > 0; i--) {
      const above = `/${ids.slice(0, i).join("/")}/`;
      if (holders.has(above)) {
        (parts.get(above) ?? parts.set(above, []).get(above)!).push(report);
        break;
      }
    }
  }
  const sumOf = (list: readonly CoveredReport[], figure: FigureKey) => {
    let sum: number | null = null;
    for (const report of list) {
      const value = report.values[figure] ?? null;
      if (value !== null) sum = (sum ?? 0) + value;
    }
    return sum;
  };
  const out: (RegionDifference & { worst: number })[] = [];
  for (const [path, holder] of holders) {
    const below = parts.get(path);
    if (!below) continue;
    const figures = crossCheck(
      (figure) => holder.values[figure as FigureKey] ?? null,
      (figure) => sumOf(below, figure as FigureKey),
    );
    const large = figures.filter((row) => row.large);
    if (large.length === 0) continue;
    const worst = Math.max(
      ...large.map((row) => Math.abs(row.difference!) / Math.max(row.own!, row.parts!, 1)),
    );
    out.push({
      agencyId: holder.agencyId,
      name: holder.name,
      partsReports: below.length,
      figures,
      worst,
    });
  }
  return out.sort((a, b) => b.worst - a.worst).map(({ worst: _worst, ...rest }) => rest);
}
