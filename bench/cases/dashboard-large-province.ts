import { compareFigures, type CompareQuery } from "../../worker/db/queries/compare";
import { overview, type DashboardQuery } from "../../worker/db/queries/dashboard";
import type { BenchCase } from "../bench-case";
import { timeRoute } from "../route-timing";

const FIGURE = "section3.new_received.total";

/** The dashboard's first screen for a province of 10,000 agencies (issue 6 target: p50 ≤ 50 ms). */
export const overviewLargeProvince: BenchCase = {
  name: "overview.large_province",
  async run(context) {
    const province = context.dataset.largeProvince;
    if (!province) return [];
    const query: DashboardQuery = {
      year: Math.max(...context.dataset.years),
      under: province.governmentId,
      scope: "self",
      basis: "current",
      limit: 100,
    };
    return timeRoute<
      { completeness: { totals: { agencies: number } } },
      Awaited<ReturnType<typeof overview>>
    >(context, {
      name: this.name,
      path: `/api/overview?year=${query.year}&under=${query.under}&basis=current`,
      direct: () => overview(context.sqlite, query),
      agree: (body, direct) => {
        const agencies = direct.completeness.reduce((n, row) => n + row.agencies, 0);
        if (body.completeness.totals.agencies !== agencies) {
          throw new Error(
            `overview: Worker counts ${body.completeness.totals.agencies}, SQLite ${agencies}`,
          );
        }
      },
      target: 50,
      ratioTarget: null,
    });
  },
};

/** One figure across a province of 10,000 agencies over five years (issue 6 target: p50 ≤ 50 ms). */
export const compareLargeProvince: BenchCase = {
  name: "compare.large_province",
  async run(context) {
    const province = context.dataset.largeProvince;
    if (!province) return [];
    const years = context.dataset.years.slice(-5);
    const query: CompareQuery = {
      figures: [FIGURE],
      years,
      region: province.code,
      basis: "current",
      // The route answers at most 20,000 rows: a province over five years is more than that.
      limit: 20_000,
    };
    return timeRoute<{ items: unknown[] }, Awaited<ReturnType<typeof compareFigures>>>(context, {
      name: this.name,
      path: `/api/compare?figure=${FIGURE}&years=${years[0]}-${years.at(-1)}&region=${province.code}&basis=current&limit=20000`,
      direct: () => compareFigures(context.sqlite, query),
      agree: (body, direct) => {
        if (body.items.length !== direct.length) {
          throw new Error(`compare: Worker ${body.items.length} rows, SQLite ${direct.length}`);
        }
      },
      target: 50,
      ratioTarget: null,
      maxIterations: 20,
    });
  },
};
