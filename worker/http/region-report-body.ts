import type { LedgerSummary } from "../db/queries/rollup";
import type { Cells } from "../report/other-processing";
import type { regionCrossCheck } from "../services/region-cross-check";
import type { SummedFinding } from "../services/summed-findings";

/**
 * The region report's answer (`GET /api/region-report`), and what its CSV and XLSX variants read
 * back: the JSON answer with the whole ledger (the JSON page itself carries the ledger's summary,
 * `counts` and `ledger_total`, and the page reads the agencies a page at a time from
 * `GET /api/rollup/ledger`).
 */
export interface RegionReport {
  year: number;
  /** The agency summed under (its name titles the report), or null for no root. */
  region: { id: number; name: string } | null;
  scope: string;
  basis: string;
  templates: LedgerSummary["templates"];
  counts: LedgerSummary["counts"];
  ledger_total: number;
  section2: Record<string, number | null>;
  /** Table 二 figures left blank in the sum, with why (the 现行有效 stocks). */
  section2_not_summed: { figures: string[]; reason: string; reason_en: string };
  section3: {
    rows: Record<string, Cells>;
    other_processing_total: Cells;
    derived_totals: Record<string, number>;
  };
  /** The rules the summed tables break, each with the summed reports it comes from. */
  findings: SummedFinding[];
  own_report: Awaited<ReturnType<typeof regionCrossCheck>>;
  section4: Record<string, Cells>;
  ledger: {
    id: number;
    name: string;
    level: string;
    kind: string;
    scope: string;
    region_code: string;
    inclusion: string;
    report_status: string | null;
    template: string | null;
  }[];
}
