/** The ranking table's rows: the server's ranking joined to agency names and indicator counts. */

import type { CompareAnswer } from "./compare-presets";

export interface RankingEntry {
  agency_id: number;
  year: number;
  rank: number | null;
  reason: string;
  value: number | null;
  denominator?: number | null;
}

export interface RankingRow extends RankingEntry {
  name: string;
  /** For an indicator: the numerator behind the rate, shown when the rate is not. */
  numerator: number | null;
}

export const SORT_KEYS = ["rank", "agency", "value"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";

export function rankingRows(
  ranking: readonly RankingEntry[],
  answer: CompareAnswer,
  figure: string,
  year: number,
): RankingRow[] {
  const names = new Map(answer.agencies.map((a) => [a.id, a.name]));
  const values = new Map(
    answer.items.filter((i) => i.year === year).map((i) => [i.agency_id, i.values[figure]]),
  );
  return ranking
    .filter((entry) => entry.year === year)
    .map((entry) => {
      const value = values.get(entry.agency_id);
      const numerator =
        value && typeof value === "object" && "numerator" in value
          ? ((value as { numerator: number | null }).numerator ?? null)
          : null;
      return { ...entry, name: names.get(entry.agency_id) ?? `#${entry.agency_id}`, numerator };
    });
}
