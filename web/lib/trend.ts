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
