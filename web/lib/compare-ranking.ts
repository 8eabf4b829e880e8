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

/**
 * The group the server ranked in place of a mix it does not rank (`pick=true`): single agencies'
 * reports for a rate over mixed scopes, the peer group with the most reports for a raw count.
 */
export interface PickedGroup {
  level: string | null;
  kind: string | null;
  scope: string;
  reason: "mixed_scope" | "mixed_peers";
  scopes: readonly string[];
  peers: readonly PeerGroup[];
}

/** The filter of one peer group, as the URL holds it. */
export const peerFilter = (group: Pick<PeerGroup, "level" | "kind" | "scope">) => ({
  level: group.level,
  kind: group.kind,
  scope: group.scope,
});

export interface PeerFilter {
  level: string | null;
  kind: string | null;
  scope: string | null;
}

/** The filter the page shows: what the URL says, and where it says nothing, what was picked. */
export function shownFilter(asked: PeerFilter, picked: PickedGroup | null | undefined): PeerFilter {
  return {
    level: asked.level ?? picked?.level ?? null,
    kind: asked.kind ?? picked?.kind ?? null,
    scope: asked.scope ?? picked?.scope ?? null,
  };
}
