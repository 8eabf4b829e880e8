import { overview, type DashboardQuery } from "../../worker/db/queries/dashboard";
import type { BenchCase } from "../bench-case";
import { timeRoute } from "../route-timing";

/**
 * The dashboard's first screen for the whole country (30,442 agencies): completeness by level
 * and state, the first missing agencies, reports breaking hard rules, and the key figures from
 * the maintained national sums (issue 12 target: p50 ≤ 50 ms).
 */
export const overviewNational: BenchCase = {
  name: "overview.national",
  run(context) {
    const query: DashboardQuery = {
      year: Math.max(...context.dataset.years),
      scope: "self",
      basis: "current",
      limit: 100,
    };
    return timeRoute<
      { completeness: { totals: { agencies: number } } },
      Awaited<ReturnType<typeof overview>>
    >(context, {
      name: this.name,
      path: `/api/overview?year=${query.year}&basis=current`,
      direct: () => overview(context.sqlite, query),
      agree: (body, direct) => {
        const agencies = direct.completeness.reduce((n, row) => n + row.agencies, 0);
        if (
          body.completeness.totals.agencies !== agencies ||
          agencies !== context.dataset.agencies
        ) {
          throw new Error(
            `overview: Worker counts ${body.completeness.totals.agencies}, SQLite ${agencies}, dataset ${context.dataset.agencies}`,
          );
        }
      },
      target: 50,
      ratioTarget: null,
    });
  },
};
