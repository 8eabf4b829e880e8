import { and, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { SECTION3_CELL_COLUMNS, SECTION3_TOTAL_COLUMNS } from "../cells";
import { agencies, reports } from "../schema";
import { agencyConditions, type AgencyFilter } from "./agencies";

/** Which revision's figures a read uses: the latest save, or the approved one. */
export type Basis = "current" | "published";

export const revisionColumn = (basis: Basis) =>
  basis === "published"
    ? sql.raw("reports.published_revision_id")
    : sql.raw("reports.current_revision_id");

export interface CompareQuery extends Pick<
  AgencyFilter,
  "level" | "kind" | "scope" | "region" | "under"
> {
  /** Figure keys (`section3.granted.total`, `section4.reconsideration.corrected`, `metrics.x`). */
  figures: string[];
  years: number[];
  basis: Basis;
  limit: number;
  /** Rows to skip, in the path-and-year order. */
  offset?: number;
  /**
   * Count every matching report even past `limit` (a window over all rows, ~1 µs each);
   * without it `total` is the number of rows returned.
   */
  countAll?: boolean;
}

export interface CompareResult {
  rows: CompareRow[];
  /** Every matching report, however many `limit` kept. */
  total: number;
}

export interface CompareRow {
  agencyId: number;
  agencyName: string;
  level: string;
  kind: string;
  scope: string;
  regionCode: string;
  year: number;
  status: string;
  values: Record<string, number | null>;
}

/**
 * One row per (agency, year) report with the asked figures as columns. Each table-三 row
 * and each other figure is one LEFT JOIN on its primary key, so the cost grows with the
 * number of reports, not with the size of the cell tables. `CROSS JOIN` makes SQLite walk the
 * region's agencies first rather than every report of the years nationwide.
 */
export async function compareFigures(db: Database, query: CompareQuery): Promise<CompareResult> {
  const conditions = agencyConditions(query);
  const revision = revisionColumn(query.basis);
  const joins: SQL[] = [];
  const selects: SQL[] = [];
  // Totals (what rankings compare) come from one wide row per report; other columns of
  // table 三 from the cells, one join per printed row.
  let totalsJoined = false;
  const section3Rows = new Map<string, string>();
  const others = new Map<string, string>();
  for (const figure of query.figures) {
    const [table, row, column] = figure.split(".");
    if (
      table === "section3" &&
      column === "total" &&
      SECTION3_TOTAL_COLUMNS.includes(row as never)
    ) {
      if (!totalsJoined) {
        totalsJoined = true;
        joins.push(sql`LEFT JOIN section3_totals t ON t.revision_id = ${revision}`);
      }
      selects.push(sql`${sql.raw(`t.${row}`)} AS ${sql.identifier(figure)}`);
    } else if (
      table === "section3" &&
      row &&
      column &&
      SECTION3_CELL_COLUMNS.includes(column as never)
    ) {
      let alias = section3Rows.get(row);
      if (!alias) {
        alias = `s${section3Rows.size}`;
        section3Rows.set(row, alias);
        joins.push(
          sql`LEFT JOIN section3_cells ${sql.raw(alias)} ON ${sql.raw(alias)}.revision_id = ${revision} AND ${sql.raw(alias)}.row_key = ${row}`,
        );
      }
      selects.push(sql`${sql.raw(`${alias}.${column}`)} AS ${sql.identifier(figure)}`);
    } else if (!others.has(figure)) {
      const alias = `f${others.size}`;
      others.set(figure, alias);
      joins.push(
        sql`LEFT JOIN figure_values ${sql.raw(alias)} ON ${sql.raw(alias)}.revision_id = ${revision} AND ${sql.raw(alias)}.figure = ${figure}`,
      );
      selects.push(sql`${sql.raw(`${alias}.value`)} AS ${sql.identifier(figure)}`);
    }
  }
  const where = and(
    ...conditions,
    inArray(reports.year, query.years),
    sql`${revision} IS NOT NULL`,
  );
  const rows = await db.all<Record<string, unknown>>(sql`
    SELECT agencies.id AS agency_id, agencies.name AS agency_name, agencies.level, agencies.kind,
           agencies.scope, agencies.region_code, reports.year, reports.status
           ${query.countAll ? sql`, COUNT(*) OVER () AS total_rows` : sql``}
           ${selects.length ? sql`, ${sql.join(selects, sql`, `)}` : sql``}
    FROM ${agencies}
    CROSS JOIN ${reports} ON reports.agency_id = agencies.id
    ${sql.join(joins, sql` `)}
    WHERE ${where}
    ORDER BY agencies.path, reports.year
    LIMIT ${query.limit} OFFSET ${query.offset ?? 0}`);
  if (query.countAll && rows.length === 0 && (query.offset ?? 0) > 0) {
    // A page past the end still says how many there are.
    return { rows: [], total: (await compareFigures(db, { ...query, offset: 0, limit: 1 })).total };
  }
  const total = query.countAll ? ((rows[0]?.total_rows as number | undefined) ?? 0) : rows.length;
  return {
    total,
    rows: rows.map((row) => ({
      agencyId: row.agency_id as number,
      agencyName: row.agency_name as string,
      level: row.level as string,
      kind: row.kind as string,
      scope: row.scope as string,
      regionCode: row.region_code as string,
      year: row.year as number,
      status: row.status as string,
      values: Object.fromEntries(query.figures.map((f) => [f, (row[f] as number | null) ?? null])),
    })),
  };
}
