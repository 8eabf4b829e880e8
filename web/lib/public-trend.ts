/**
 * The public pages' trend: the key figures of `TREND_SERIES` year by year, counts read from
 * `/api/public/series` (one answer per figure) and rates from `/api/public/indicators`.
 */

import type { PublicIndicators, PublicSeries, PublicSubject } from "./public-api";
import { trendRows, type TrendRow } from "./trend";

/** The query naming the subject, as `/api/public/series` and `/indicators` take it. */
export function subjectQuery(subject: PublicSubject): PublicSubject {
  return "agency" in subject
    ? { agency: subject.agency }
    : { region: subject.region, scope: subject.scope };
}

/** `2019-2024` for the years of a trend; the routes take a range. */
export const yearRange = (years: readonly number[]) => `${years[0]}-${years.at(-1)}`;

/** One row per year of `figures`: series values as they are, indicators as percentages. */
export function publicTrendRows(
  years: readonly number[],
  figures: readonly string[],
  series: readonly Pick<PublicSeries, "figure" | "items">[],
  indicators: Pick<PublicIndicators, "items">,
): TrendRow[] {
  return trendRows(years, figures, (year) => {
    const values: Record<string, unknown> = {};
    for (const answer of series) {
      values[answer.figure] = answer.items.find((item) => item.year === year)?.value ?? null;
    }
    const rates = indicators.items.find((item) => item.year === year)?.indicators ?? [];
    for (const rate of rates) values[`indicator.${rate.key}`] = rate;
    return values;
  });
}

/** Whether any year has any value: otherwise the trend is empty, not a chart of dashes. */
export const hasValues = (rows: readonly TrendRow[]) =>
  rows.some((row) => Object.values(row.values).some((value) => value !== null));
