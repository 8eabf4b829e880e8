/**
 * Statistical outliers (FORMAT §7 soft check): a value far outside the agency's own history or
 * its peers' (same level and scope, same year), by the robust z of `robust-stats.ts`.
 */

import { OUTLIER_Z, robustZ } from "./robust-stats";

const MIN_HISTORY_YEARS = 3;
const MIN_PEERS = 8;

export interface OutlierInput {
  agencyId: number;
  year: number;
  level: string;
  scope: string;
  values: Record<string, number | null>;
}

export interface Outlier {
  agency_id: number;
  year: number;
  figure: string;
  /** "history": against the agency's other years; "peers": against its level and scope. */
  kind: "history" | "peers";
  value: number;
  median: number;
  mad: number;
  z: number;
  reference_count: number;
}

/**
 * The outliers of `year` among `rows` (which also hold the other years, for history).
 *
 * A peer group's median and MAD include the agency's own value: that moves the median by at most
 * half a rank, and computing them once per group keeps a province's thousands of townships
 * O(n log n) instead of one sort per agency. The minimum still counts peers other than itself.
 */
export function findOutliers(
  rows: readonly OutlierInput[],
  figures: readonly string[],
  year: number,
): Outlier[] {
  const byAgency = new Map<number, OutlierInput[]>();
  for (const row of rows) {
    const list = byAgency.get(row.agencyId) ?? [];
    list.push(row);
    byAgency.set(row.agencyId, list);
  }
  const thisYear = rows.filter((r) => r.year === year);
  const peerKey = (r: OutlierInput) => `${r.level}|${r.scope}`;
  const out: Outlier[] = [];
  for (const figure of figures) {
    const valueOf = (r: OutlierInput) => r.values[figure] ?? null;
    const groups = new Map<string, number[]>();
    for (const r of thisYear) {
      const v = valueOf(r);
      if (v === null) continue;
      const list = groups.get(peerKey(r)) ?? [];
      list.push(v);
      groups.set(peerKey(r), list);
    }
    const peerStats = new Map(
      [...groups].map(([key, values]) => [key, { values, count: values.length - 1 }]),
    );
    for (const row of thisYear) {
      const value = valueOf(row);
      if (value === null) continue;
      const history = (byAgency.get(row.agencyId) ?? [])
        .filter((r) => r.year !== year)
        .flatMap((r) => valueOf(r) ?? []);
      const peers = peerStats.get(peerKey(row))!;
      const checks = [
        ["history", history, history.length, MIN_HISTORY_YEARS],
        ["peers", peers.values, peers.count, MIN_PEERS],
      ] as const;
      for (const [kind, reference, count, min] of checks) {
        const result = count >= min ? robustZ(value, reference) : null;
        if (result?.z == null || Math.abs(result.z) <= OUTLIER_Z) continue;
        out.push({
          agency_id: row.agencyId,
          year,
          figure,
          kind,
          value,
          median: result.median,
          mad: result.mad,
          z: result.z,
          reference_count: count,
        });
      }
    }
  }
  return out;
}
