/** The ranking table's rows: the server's ranking joined to agency names and indicator counts. */

import type { PeerGroup, RankOrder } from "../../worker/report/ranking";
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

/**
 * The rank column's heading, from the server's `direction` and `better`: which end is the better
 * one, or that the largest comes first.
 */
export function rankLabelKey(
  order: RankOrder | null,
): "cmpRank" | "cmpRank_higher" | "cmpRank_lower" | "cmpRank_largest" {
  if (order === null) return "cmpRank";
  if (order.better === null)
    return order.direction === "higher_first" ? "cmpRank_largest" : "cmpRank";
  return order.better === "higher" ? "cmpRank_higher" : "cmpRank_lower";
}

/** Why the server would not rank, with the peer groups or scopes it names instead. */
export type Refusal = { kind: "peers"; peers: PeerGroup[] } | { kind: "scope"; scopes: string[] };

/** The refusal in an error answer's code and extra fields; null for any other error. */
export function refusalOf(code: string, extra: Record<string, unknown>): Refusal | null {
  if (code === "mixed_peers" && Array.isArray(extra.peers) && extra.peers.length > 0) {
    return { kind: "peers", peers: extra.peers as PeerGroup[] };
  }
  if (code === "mixed_scope" && Array.isArray(extra.scopes) && extra.scopes.length > 0) {
    return { kind: "scope", scopes: extra.scopes as string[] };
  }
  return null;
}

/** The filter of one peer group, as the URL holds it. */
export const peerFilter = (group: Pick<PeerGroup, "level" | "kind" | "scope">) => ({
  level: group.level,
  kind: group.kind,
  scope: group.scope,
});

/**
 * The filter a refused ranking is answered with: the peer group with the most reports (the
 * server lists them most first), or single agencies' reports rather than whole-region ones.
 */
export function pickFor(refusal: Refusal): Record<string, string> {
  if (refusal.kind === "peers") return peerFilter(refusal.peers[0]!);
  return { scope: refusal.scopes.includes("self") ? "self" : refusal.scopes[0]! };
}
