import { rollup, type RollupQuery } from "../../worker/db/queries/rollup";
import type { BenchCase } from "../bench-case";
import { timeRoute } from "../route-timing";
import { assertSameRollup, type RollupBody } from "./rollup-answer";

/**
 * A province of 10,000 agencies summed over its whole-region reports (scope=region): the walk
 * down to the topmost ones and their sums (well under a millisecond in SQLite when the province
 * reported), and the ledger's summary over its ~7,700 governments (each one's inclusion decided
 * in SQL, the list itself paged on request), which is most of the time; read at request time,
 * nothing maintained or cached. The Worker's answer adds the province's own report against its
 * parts (自报 vs 汇总); the SQLite side times the rollup alone. No target.
 */
export const rollupLargeProvinceRegion: BenchCase = {
  name: "rollup.large_province.region",
  async run(context) {
    const province = context.dataset.largeProvince;
    if (!province) return [];
    const query: RollupQuery = {
      year: Math.max(...context.dataset.years),
      under: province.governmentId,
      scope: "region",
      basis: "current",
    };
    return timeRoute<RollupBody, Awaited<ReturnType<typeof rollup>>>(context, {
      name: this.name,
      path: `/api/rollup?year=${query.year}&under=${query.under}&scope=region&basis=current`,
      direct: () => rollup(context.sqlite, query),
      agree: (body, direct) => assertSameRollup(body, direct),
      target: null,
      ratioTarget: null,
    });
  },
};
