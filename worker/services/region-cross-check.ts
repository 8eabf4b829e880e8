import type { Database } from "../db/client";
import { flattenSums, ownAndParts, type RollupQuery } from "../db/queries/rollup";
import { crossCheck } from "../report/cross-check";

/**
 * 自报 vs 汇总 for a region's root (report/cross-check.ts), as the rollup and the region report
 * answer it; null when the root has no whole-region report on the basis, or when filters make
 * the answer a sum of some agencies rather than of the region.
 */
export async function regionCrossCheck(
  db: Database,
  query: Pick<RollupQuery, "under" | "level" | "kind" | "region" | "year" | "basis">,
) {
  if (query.under === undefined || query.level || query.kind || query.region) return null;
  const found = await ownAndParts(db, query.under, query);
  if (!found) return null;
  const own = flattenSums(found.own);
  const parts = flattenSums(found.parts);
  const figures = crossCheck(
    (figure) => own[figure] ?? null,
    (figure) => parts[figure] ?? null,
  );
  return {
    agency_id: query.under,
    parts_reports: found.partsReports,
    large_differences: figures.filter((row) => row.large).length,
    figures,
  };
}
