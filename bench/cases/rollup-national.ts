import { rollup, type RollupQuery } from "../../worker/db/queries/rollup";
import type { BenchCase } from "../bench-case";
import { timeRoute } from "../route-timing";
import { assertSameRollup, type RollupBody } from "./rollup-answer";

/** The latest year summed over every agency's own report: no target, shown for scale (SCALE.md). */
export const rollupNational: BenchCase = {
  name: "rollup.national",
  run(context) {
    const query: RollupQuery = {
      year: Math.max(...context.dataset.years),
      scope: "self",
      basis: "current",
    };
    return timeRoute<RollupBody, Awaited<ReturnType<typeof rollup>>>(context, {
      name: this.name,
      path: `/api/rollup?year=${query.year}&scope=self&basis=${query.basis}`,
      direct: () => rollup(context.sqlite, query),
      agree: (body, direct) => assertSameRollup(body, direct),
      target: null,
      ratioTarget: null,
      // Seconds per request through the Worker: a few runs show the order of magnitude.
      maxIterations: 10,
    });
  },
};
