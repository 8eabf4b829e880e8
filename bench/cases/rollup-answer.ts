import { deepStrictEqual } from "node:assert/strict";
import type { RollupResult } from "../../worker/db/queries/rollup";

/** The parts of `GET /api/rollup`'s body that the direct answer can be checked against. */
export interface RollupBody {
  section3: { rows: Record<string, (number | null)[]> };
  figures: Record<string, number | null>;
  counts: Record<string, number>;
  ledger_total: number;
}

/** Same table-三 sums, same figure sums, same ledger summary (counts by inclusion, total). */
export function assertSameRollup(body: RollupBody, direct: RollupResult): void {
  deepStrictEqual(body.section3.rows, direct.section3, "rollup: table 三 sums differ");
  const directSums = Object.fromEntries(
    Object.entries(direct.figures).map(([figure, { sum }]) => [figure, sum]),
  );
  const workerSums = Object.fromEntries(
    Object.keys(directSums).map((figure) => [figure, body.figures[figure]]),
  );
  deepStrictEqual(workerSums, directSums, "rollup: figure sums differ");
  deepStrictEqual(body.counts, direct.ledger.counts, "rollup: ledger counts differ");
  deepStrictEqual(body.ledger_total, direct.ledger.total, "rollup: ledger totals differ");
  if (direct.ledger.total === 0 || Object.keys(direct.section3).length === 0) {
    throw new Error("rollup: empty answer; the case would time nothing");
  }
}
