/**
 * Figures over the years, for the agency profile and the regional trend: which figures, which
 * years, and where the template changed (the 2019 trial format until 2020, the 2021 format after).
 * Pure, so it is unit-tested apart from the pages.
 */

import { figureNumber } from "./compare-presets";
import { OKABE_ITO, type PaletteColour } from "./palette";

/** The first year of reports. */
const FIRST_YEAR = 2019;
/** The first year on the 2021 template; earlier years used the 2019 trial format. */
export const TEMPLATE_BREAK_YEAR = 2021;

export interface TrendSeries {
  key: string;
  unit: "count" | "rate";
  colour: PaletteColour;
}

/** The key figures of a trend, in the order they are charted and tabled. */
export const TREND_SERIES: readonly TrendSeries[] = [
  { key: "section3.new_received.total", unit: "count", colour: OKABE_ITO.blue },
  { key: "section3.total_processed.total", unit: "count", colour: OKABE_ITO.orange },
  { key: "metrics.website_visits", unit: "count", colour: OKABE_ITO.skyBlue },
  { key: "indicator.disclosure_rate", unit: "rate", colour: OKABE_ITO.bluishGreen },
];

export const TREND_FIGURES = TREND_SERIES.map((s) => s.key);

export function seriesOf(key: string | null): TrendSeries {
  return TREND_SERIES.find((s) => s.key === key) ?? TREND_SERIES[0]!;
}

/** Every year from the first report year to `latest`, ascending. */
export function yearsUpTo(latest: number): number[] {
  const years: number[] = [];
  for (let y = FIRST_YEAR; y <= latest; y++) years.push(y);
  return years;
}

export interface TrendRow {
  year: number;
  /** Per figure: a count, or a rate in percent; null when unknown. */
  values: Record<string, number | null>;
  /** For a region: how many of its agencies had published that year, of how many. */
  coverage?: Coverage;
}

interface Coverage {
  published: number;
  agencies: number;
  /**
   * Reports may still join the sum: some are being written or reviewed, or the year is the
   * open season. A past year's agencies that never reported leave it short, not incomplete.
   */
  open: boolean;
}

/** A year whose sum is still short of reports on their way. */
export const isIncomplete = (row: TrendRow) => row.coverage?.open === true;

/**
 * The series grouped by what they count in, in order of first appearance: figures of different
 * units (applications, visits, percent) never share an axis.
 */
export function seriesByUnit<S extends { key: string }>(
  series: readonly S[],
  unitOf: (key: string) => string,
): { unit: string; series: S[] }[] {
  const groups = new Map<string, S[]>();
  for (const s of series) {
    const unit = unitOf(s.key);
    groups.set(unit, [...(groups.get(unit) ?? []), s]);
  }
  return [...groups].map(([unit, grouped]) => ({ unit, series: grouped }));
}

/** One row per year for `figures`, read from each year's values (missing years stay empty). */
export function trendRows(
  years: readonly number[],
  figures: readonly string[],
  valuesOf: (year: number) => Record<string, unknown> | undefined,
): TrendRow[] {
  return years.map((year) => {
    const values = valuesOf(year);
    return {
      year,
      values: Object.fromEntries(
        figures.map((key) => [key, values ? figureNumber(values, key) : null]),
      ),
    };
  });
}

/** Whether the years shown run across the template change. */
export function spansBreak(years: readonly number[]): boolean {
  return years.some((y) => y < TEMPLATE_BREAK_YEAR) && years.some((y) => y >= TEMPLATE_BREAK_YEAR);
}

/** The parts of a region's rollup (`/api/rollup`, own-agency reports) a trend reads. */
interface RegionYear {
  figures: Record<string, unknown>;
  indicators: readonly { key: string }[];
  counts: { included: number; pending: number };
  ledger_total: number;
}

/**
 * A region's trend: one row per year from that year's rollup (`rollups[i]` is `years[i]`'s),
 * indicators under `indicator.<key>` as compare answers them, and how many of the region's
 * agencies the sum includes of how many it has, and whether more may come (reports pending, or
 * the open season's year).
 */
export function regionTrendRows(
  years: readonly number[],
  figures: readonly string[],
  rollups: readonly RegionYear[],
  openYear: number | null,
): TrendRow[] {
  const byYear = new Map(years.map((year, i) => [year, rollups[i]]));
  return trendRows(years, figures, (year) => {
    const rollup = byYear.get(year);
    if (!rollup) return undefined;
    return {
      ...rollup.figures,
      ...Object.fromEntries(rollup.indicators.map((i) => [`indicator.${i.key}`, i])),
    };
  }).map((row) => {
    const rollup = byYear.get(row.year);
    return rollup
      ? {
          ...row,
          coverage: {
            published: rollup.counts.included,
            agencies: rollup.ledger_total,
            open: rollup.counts.pending > 0 || row.year === openYear,
          },
        }
      : row;
  });
}
