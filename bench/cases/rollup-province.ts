import { rollup, type RollupQuery } from "../../worker/db/queries/rollup";
import type { BenchCase } from "../bench-case";
import { timeRoute } from "../route-timing";
import { assertSameRollup, type RollupBody } from "./rollup-answer";

/** The latest year's table figures summed over one province's own (self-scope) reports. */
export const rollupProvince: BenchCase = {
  name: "rollup.province",
  run(context) {
    const { dataset } = context;
    const query: RollupQuery = {
      year: Math.max(...dataset.years),
      under: dataset.province.governmentId,
      scope: "self",
      basis: "current",
    };
    return timeRoute<RollupBody, Awaited<ReturnType<typeof rollup>>>(context, {
      name: this.name,
      path: `/api/rollup?year=${query.year}&under=${query.under}&scope=self&basis=${query.basis}`,
      direct: () => rollup(context.sqlite, query),
      agree: (body, direct) => assertSameRollup(body, direct),
      target: 50,
      ratioTarget: 2,
    });
  },
};
