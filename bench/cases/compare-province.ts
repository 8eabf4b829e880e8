import { deepStrictEqual } from "node:assert/strict";
import { compareFigures, type CompareQuery } from "../../worker/db/queries/compare";
import type { BenchCase } from "../bench-case";
import { timeRoute } from "../route-timing";

const FIGURE = "section3.new_received.total";
const YEARS = [2020, 2021, 2022, 2023, 2024];
/** The route's default `limit`. */
const LIMIT = 5000;

interface CompareBody {
  items: { agency_id: number; year: number; values: Record<string, number | null> }[];
}

/** One figure for every agency of one province (region-code prefix) over five years. */
export const compareProvince: BenchCase = {
  name: "compare.province",
  run(context) {
    const code = context.dataset.province.code;
    const query: CompareQuery = {
      figures: [FIGURE],
      years: YEARS,
      region: code,
      basis: "current",
      limit: LIMIT,
    };
    return timeRoute<CompareBody, Awaited<ReturnType<typeof compareFigures>>>(context, {
      name: this.name,
      path: `/api/compare?figure=${FIGURE}&years=${YEARS[0]}-${YEARS.at(-1)}&region=${code}&basis=${query.basis}`,
      direct: () => compareFigures(context.sqlite, query),
      agree: (body, direct) => {
        deepStrictEqual(
          body.items.map((i) => [i.agency_id, i.year, i.values[FIGURE]]),
          direct.rows.map((r) => [r.agencyId, r.year, r.values[FIGURE]]),
          "compare: rows differ",
        );
        if (direct.total === 0 || direct.total >= LIMIT) {
          throw new Error(
            `compare: ${direct.total} rows; the case needs a full, untruncated answer`,
          );
        }
      },
      target: 50,
      ratioTarget: 2,
    });
  },
};
