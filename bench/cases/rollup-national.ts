import { deepStrictEqual } from "node:assert/strict";
import { ledgerPage, rollup, type RollupQuery } from "../../worker/db/queries/rollup";
import type { BenchCase } from "../bench-case";
import { timeRoute } from "../route-timing";
import { assertSameRollup, type RollupBody } from "./rollup-answer";

/**
 * The latest year summed over every agency's own report, from the maintained national sums, with
 * the ledger's summary (counts by inclusion over ~12,500 own-agency bodies; the ledger itself is
 * paged by `/api/rollup/ledger`). Issue 12 target: p50 ≤ 50 ms.
 */
export const rollupNational: BenchCase = {
  name: "rollup.national",
  async run(context) {
    const query: RollupQuery = {
      year: Math.max(...context.dataset.years),
      scope: "self",
      basis: "current",
    };
    const sums = await timeRoute<RollupBody, Awaited<ReturnType<typeof rollup>>>(context, {
      name: this.name,
      path: `/api/rollup?year=${query.year}&scope=self&basis=${query.basis}`,
      direct: () => rollup(context.sqlite, query),
      agree: (body, direct) => assertSameRollup(body, direct),
      target: 50,
      ratioTarget: null,
    });
    // What the ledger's list asks when opened: the first page of the missing agencies.
    const page = { state: "missing" as const, limit: 50, offset: 0 };
    const ledger = await timeRoute<
      { total: number; items: { id: number }[] },
      Awaited<ReturnType<typeof ledgerPage>>
    >(context, {
      name: `${this.name}.ledger_page`,
      path: `/api/rollup/ledger?year=${query.year}&scope=self&basis=${query.basis}&state=missing&limit=50`,
      direct: () => ledgerPage(context.sqlite, query, page),
      agree: (body, direct) => {
        deepStrictEqual(body.total, direct.total, "ledger page: totals differ");
        deepStrictEqual(
          body.items.map((a) => a.id),
          direct.items.map((a) => a.id),
          "ledger page: agencies differ",
        );
        if (direct.items.length === 0) throw new Error("ledger page: empty, times nothing");
      },
      target: null,
      ratioTarget: null,
    });
    return [...sums, ...ledger];
  },
};
