import { compareFigures, rankedPage, type CompareQuery } from "../../worker/db/queries/compare";
import { overview, type DashboardQuery } from "../../worker/db/queries/dashboard";
import { INDICATORS } from "../../worker/report/indicators";
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

/**
 * The dashboard's compare screen for a province of 10,000 agencies (issue 6 target: p50 ≤ 50 ms):
 * 公开率 for every agency of the year, ranked with the minimum-count rule in SQLite, first
 * page of 50.
 */
export const compareLargeProvince: BenchCase = {
  name: "compare.large_province",
  async run(context) {
    const province = context.dataset.largeProvince;
    if (!province) return [];
    const year = Math.max(...context.dataset.years);
    const indicator = INDICATORS.find((i) => i.key === "disclosure_rate")!;
    const query = {
      figures: [...new Set([...indicator.numerator, ...indicator.denominator])],
      years: [year],
      under: province.governmentId,
      scope: "self" as const,
      basis: "current" as const,
      limit: 50,
      offset: 0,
      rankOn: indicator,
      by: "rank" as const,
      dir: "asc" as const,
    };
    return timeRoute<{ total: number; items: unknown[] }, Awaited<ReturnType<typeof rankedPage>>>(
      context,
      {
        name: this.name,
        path: `/api/compare?figure=indicator.disclosure_rate&years=${year}&under=${province.governmentId}&scope=self&basis=current&rank=true&sort=rank&limit=50`,
        direct: () => rankedPage(context.sqlite, query),
        agree: (body, direct) => {
          if (body.total !== direct.total || body.items.length !== 50 || direct.total < 2000) {
            throw new Error(
              `compare: Worker ${body.total} reports (${body.items.length} on the page), SQLite ${direct.total}`,
            );
          }
        },
        target: 50,
        ratioTarget: null,
        maxIterations: 30,
      },
    );
  },
};

/**
 * The whole province over five years in one answer — what the CSV export reads (no target:
 * the dashboard pages through a ranking instead).
 */
export const compareLargeProvinceFiveYears: BenchCase = {
  name: "compare.large_province_5y",
  async run(context) {
    const province = context.dataset.largeProvince;
    if (!province) return [];
    const years = context.dataset.years.slice(-5);
    const query: CompareQuery = {
      figures: [FIGURE],
      years,
      region: province.code,
      basis: "current",
      limit: 20_000,
    };
    return timeRoute<{ items: unknown[] }, Awaited<ReturnType<typeof compareFigures>>>(context, {
      name: this.name,
      path: `/api/compare?figure=${FIGURE}&years=${years[0]}-${years.at(-1)}&region=${province.code}&basis=current&limit=20000`,
      direct: () => compareFigures(context.sqlite, query),
      agree: (body, direct) => {
        if (body.items.length !== direct.rows.length) {
          throw new Error(
            `compare: Worker ${body.items.length} rows, SQLite ${direct.rows.length}`,
          );
        }
      },
      target: null,
      ratioTarget: null,
      maxIterations: 20,
    });
  },
};
