/**
 * Guards for ranking agencies on a figure (FORMAT §8): a whole-region report already contains
 * its agencies' figures, so it is never ranked against a single agency's; a raw count is ranked
 * only among peers (same level, kind and scope: a province's 行政处罚 dwarfs a township's); and a
 * rate over a small denominator misleads, so below the indicator's minimum count the count is
 * shown, not a rank. Rank 1 is the best: the highest value, or the lowest for an indicator where
 * lower is better (不予公开率, 纠错率, …).
 */

import { INDICATORS, type IndicatorDef } from "./indicators";

export interface RankInput {
  agency_id: number;
  year: number;
  /** The agency's scope: "region" (whole-region report) or "self". */
  scope: string;
  /** The agency's level and kind: a plain figure is ranked only among one level and kind. */
  level?: string;
  kind?: string;
  value: number | null;
  /** An indicator's denominator; absent for a plain figure. */
  denominator?: number | null;
}

type RankReason = "ok" | "below_min_count" | "no_data" | "mixed_scope" | "mixed_peers";

interface Ranked {
  agency_id: number;
  year: number;
  rank: number | null;
  reason: RankReason;
  value: number | null;
  denominator: number | null;
}

/** Agencies of one level, kind and scope, and how many of the matching reports are theirs. */
export interface PeerGroup {
  level: string;
  kind: string;
  scope: string;
  reports: number;
}

/**
 * Which way ranks run. `better` is the indicator's judgement; a plain figure has none (null):
 * its largest value ranks 1 without being called the best.
 */
export interface RankOrder {
  direction: "higher_first" | "lower_first";
  better: IndicatorDef["better"] | null;
}

export type Ranking =
  | { kind: "ranked"; order: RankOrder; ranking: Ranked[] }
  | { kind: "mixed_scope"; scopes: string[]; ranking: Ranked[] }
  | { kind: "mixed_peers"; peers: PeerGroup[]; ranking: Ranked[] };

const indicatorOf = (key: string | undefined) => INDICATORS.find((i) => i.key === key);

/** The order of a ranking on an indicator (its key without `indicator.`) or on a plain figure. */
export function rankOrder(metricDefinitionKey?: string): RankOrder {
  const better = indicatorOf(metricDefinitionKey)?.better ?? null;
  return { direction: better === "lower" ? "lower_first" : "higher_first", better };
}

/**
 * The peer groups among `rows`, most reports first (then by level, kind and scope, in code-point
 * order as SQLite sorts them).
 */
export function peerGroups(
  rows: readonly Pick<RankInput, "level" | "kind" | "scope">[],
): PeerGroup[] {
  const groups = new Map<string, PeerGroup>();
  for (const row of rows) {
    const level = row.level ?? "";
    const kind = row.kind ?? "";
    const id = `${level}/${kind}/${row.scope}`;
    const group = groups.get(id);
    if (group) group.reports++;
    else groups.set(id, { level, kind, scope: row.scope, reports: 1 });
  }
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...groups.values()].sort(
    (a, b) =>
      b.reports - a.reports ||
      text(a.level, b.level) ||
      text(a.kind, b.kind) ||
      text(a.scope, b.scope),
  );
}

/**
 * Ranks within each year, the best first (see `rankOrder`); ties share a rank (1, 1, 3). Rows
 * below the indicator's `minCount` (or without a value) keep their place in the answer with
 * `rank: null`. An indicator over a mix of scopes, or a plain figure over agencies that are not
 * all peers, ranks nothing: every row gets the reason, and the scopes or peer groups are named.
 *
 * @example rankable(rows, { metricDefinitionKey: "denial_rate" }) // lowest rate ranks 1
 */
export function rankable(
  rows: readonly RankInput[],
  options: { metricDefinitionKey?: string } = {},
): Ranking {
  const indicator = indicatorOf(options.metricDefinitionKey);
  const base = (r: RankInput) => ({
    agency_id: r.agency_id,
    year: r.year,
    value: r.value,
    denominator: r.denominator ?? null,
  });
  const refused = (reason: "mixed_scope" | "mixed_peers") =>
    rows.map((r): Ranked => ({ ...base(r), rank: null, reason }));
  if (indicator) {
    const scopes = [...new Set(rows.map((r) => r.scope))].sort();
    if (scopes.length > 1) return { kind: "mixed_scope", scopes, ranking: refused("mixed_scope") };
  } else {
    const peers = peerGroups(rows);
    if (peers.length > 1) return { kind: "mixed_peers", peers, ranking: refused("mixed_peers") };
  }
  const minCount = indicator?.minCount;
  const reasonOf = (r: RankInput): RankReason => {
    if (minCount !== undefined && r.denominator !== undefined) {
      if (r.denominator === null) return "no_data";
      if (r.denominator < minCount) return "below_min_count";
    }
    return r.value === null ? "no_data" : "ok";
  };
  const order = rankOrder(options.metricDefinitionKey);
  const sign = order.direction === "lower_first" ? 1 : -1;
  const ranking: Ranked[] = rows.map((r) => ({ ...base(r), rank: null, reason: reasonOf(r) }));
  const byYear = new Map<number, Ranked[]>();
  for (const row of ranking) {
    if (row.reason !== "ok") continue;
    const group = byYear.get(row.year);
    if (group) group.push(row);
    else byYear.set(row.year, [row]);
  }
  for (const group of byYear.values()) {
    group.sort((a, b) => sign * (a.value! - b.value!));
    group.forEach((row, i) => {
      const previous = group[i - 1];
      row.rank = previous && previous.value === row.value ? previous.rank : i + 1;
    });
  }
  return { kind: "ranked", order, ranking };
}
