import type { Database } from "../db/client";
import {
  findingsOfSummedReports,
  type RollupQuery,
  type SummedReportFinding,
} from "../db/queries/rollup";
import type { Finding } from "../report/rules";
import { checkSums, findingPlace, type RegionSums } from "../report/summed-document";

/** How many reports a finding names; `total` says how many there are in all. */
const NAMED_SOURCES = 20;

export interface SummedFinding extends Finding {
  sources: {
    /** The reports name the same cell (else they break the same rule elsewhere, or none does). */
    same_place: boolean;
    total: number;
    items: { agency_id: number; agency_name: string }[];
  };
}

/**
 * The rules the summed tables break, each naming the summed reports it comes from: those whose
 * own revision breaks the same rule at the same place, or else anywhere (a folded （六） row,
 * or figures that only disagree once summed). None named means no summed report breaks the rule
 * itself: cells some reports left blank can do that.
 */
export async function summedFindings(
  db: Database,
  query: RollupQuery,
  sums: RegionSums,
): Promise<SummedFinding[]> {
  const findings = checkSums(sums);
  if (findings.length === 0) return [];
  const held = await findingsOfSummedReports(db, query, [...new Set(findings.map((f) => f.rule))]);
  return findings.map((finding) => {
    const place = findingPlace(finding);
    const samePlace = held.filter((h) => findingPlace(h) === place);
    const sources = samePlace.length > 0 ? samePlace : held.filter((h) => h.rule === finding.rule);
    const reports = byAgency(sources);
    return {
      ...finding,
      sources: {
        same_place: samePlace.length > 0,
        total: reports.length,
        items: reports
          .slice(0, NAMED_SOURCES)
          .map((h) => ({ agency_id: h.agencyId, agency_name: h.agencyName })),
      },
    };
  });
}

/** One entry per report (a report can break a rule in several columns), in the given order. */
function byAgency(findings: SummedReportFinding[]): SummedReportFinding[] {
  const seen = new Set<number>();
  return findings.filter((f) => !seen.has(f.agencyId) && seen.add(f.agencyId));
}
