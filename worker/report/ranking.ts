/**
 * Guards for ranking agencies on a figure (FORMAT §8): a whole-region report already contains
 * its agencies' figures, so it is never ranked against a single agency's; and a rate over a small
 * denominator misleads, so below the indicator's minimum count the count is shown, not a rank.
 */

import { INDICATORS, type IndicatorKey } from "./indicators";

export interface RankInput {
  agency_id: number;
  year: number;
  /** The agency's scope: "region" (whole-region report) or "self". */
  scope: string;
  value: number | null;
  /** An indicator's denominator; absent for a plain figure. */
  denominator?: number | null;
}

export type RankReason = "ok" | "below_min_count" | "no_data" | "mixed_scope";

export interface Ranked {
  agency_id: number;
  year: number;
  rank: number | null;
  reason: RankReason;
  value: number | null;
  denominator: number | null;
}

export type Ranking =
  | { kind: "ranked"; ranking: Ranked[] }
  | { kind: "mixed_scope"; scopes: string[]; ranking: Ranked[] };

/**
 * Ranks within each year, highest value first; ties share a rank (1, 1, 3). Rows below the
 * indicator's `minCount` (or without a value) keep their place in the answer with `rank: null`.
 * A mix of scopes ranks nothing: every row gets `mixed_scope`, and the scopes are named.
 *
 * @example rankable(rows, { metricDefinitionKey: "disclosure_rate" })
 */
export function rankable(
  rows: readonly RankInput[],
  options: { metricDefinitionKey?: IndicatorKey | string } = {},
): Ranking {
  const scopes = [...new Set(rows.map((r) => r.scope))].sort();
  const base = (r: RankInput) => ({
    agency_id: r.agency_id,
    year: r.year,
    value: r.value,
    denominator: r.denominator ?? null,
  });
  if (scopes.length > 1) {
    return {
      kind: "mixed_scope",
      scopes,
      ranking: rows.map((r) => ({ ...base(r), rank: null, reason: "mixed_scope" })),
    };
  }
  const minCount =
    INDICATORS.find((i) => i.key === options.metricDefinitionKey)?.minCount ?? undefined;
  const reasonOf = (r: RankInput): RankReason => {
    if (minCount !== undefined && r.denominator !== undefined) {
      if (r.denominator === null) return "no_data";
      if (r.denominator < minCount) return "below_min_count";
    }
    return r.value === null ? "no_data" : "ok";
  };
  const ranking: Ranked[] = rows.map((r) => ({ ...base(r), rank: null, reason: reasonOf(r) }));
  const byYear = new Map<number, Ranked[]>();
  for (const row of ranking) {
    if (row.reason !== "ok") continue;
    const group = byYear.get(row.year);
    if (group) group.push(row);
    else byYear.set(row.year, [row]);
  }
  for (const group of byYear.values()) {
    group.sort((a, b) => b.value! - a.value!);
    group.forEach((row, i) => {
      const previous = group[i - 1];
      row.rank = previous && previous.value === row.value ? previous.rank : i + 1;
    });
  }
  return { kind: "ranked", ranking };
}
