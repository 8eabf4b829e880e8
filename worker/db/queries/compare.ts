import { and, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { SECTION3_CELL_COLUMNS, SECTION3_TOTAL_COLUMNS } from "../cells";
import { agencies, reports } from "../schema";
import type { PeerGroup, RankOrder } from "../../report/ranking";
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
 * The comparison's rows: agency, report and one column per figure. `narrow` leaves out the
 * agency's descriptive columns, for a ranking that carries 10,000 rows through its windows and
 * names only the page's agencies.
 */
function selection(query: CompareQuery, narrow = false) {
  const revision = revisionColumn(query.basis);
  const joins: SQL[] = [];
  const columns: SQL[] = [];
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
      columns.push(sql`${sql.raw(`t.${row}`)} AS ${sql.identifier(figure)}`);
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
      columns.push(sql`${sql.raw(`${alias}.${column}`)} AS ${sql.identifier(figure)}`);
    } else if (!others.has(figure)) {
      const alias = `f${others.size}`;
      others.set(figure, alias);
      joins.push(
        sql`LEFT JOIN figure_values ${sql.raw(alias)} ON ${sql.raw(alias)}.revision_id = ${revision} AND ${sql.raw(alias)}.figure = ${figure}`,
      );
      columns.push(sql`${sql.raw(`${alias}.value`)} AS ${sql.identifier(figure)}`);
    }
  }
  const where = and(
    ...agencyConditions(query),
    sql`${reports.year} IN (SELECT value FROM json_each(${JSON.stringify(query.years)}))`,
    sql`${revision} IS NOT NULL`,
  );
  // Level, kind and scope (what makes agencies peers) are in the path index: a narrow
  // selection reads them without an agency row.
  const described = narrow ? sql`` : sql`agencies.name AS agency_name, agencies.region_code,`;
  return sql`SELECT agencies.id AS agency_id, ${described} agencies.level, agencies.kind,
           agencies.scope, agencies.path,
           reports.year, reports.status ${columns.length ? sql`, ${sql.join(columns, sql`, `)}` : sql``}
    FROM ${agencies}
    CROSS JOIN ${reports} ON reports.agency_id = agencies.id
    ${sql.join(joins, sql` `)}
    WHERE ${where}`;
}

function readRow(row: Record<string, unknown>, figures: readonly string[]): CompareRow {
  return {
    agencyId: row.agency_id as number,
    agencyName: row.agency_name as string,
    level: row.level as string,
    kind: row.kind as string,
    scope: row.scope as string,
    regionCode: row.region_code as string,
    year: row.year as number,
    status: row.status as string,
    values: Object.fromEntries(figures.map((f) => [f, (row[f] as number | null) ?? null])),
  };
}

/**
 * One row per (agency, year) report with the asked figures as columns, in region order. Each
 * figure is one LEFT JOIN on a primary key, so the cost grows with the number of reports, not
 * with the size of the cell tables. `CROSS JOIN` makes SQLite walk the region's agencies first
 * rather than every report of the years nationwide.
 */
export async function compareFigures(db: Database, query: CompareQuery): Promise<CompareResult> {
  const rows = await db.all<Record<string, unknown>>(compareStatement(query));
  if (query.countAll && rows.length === 0 && (query.offset ?? 0) > 0) {
    // A page past the end still says how many there are.
    return { rows: [], total: (await compareFigures(db, { ...query, offset: 0, limit: 1 })).total };
  }
  const total = query.countAll ? ((rows[0]?.total_rows as number | undefined) ?? 0) : rows.length;
  return { total, rows: rows.map((row) => readRow(row, query.figures)) };
}

/** `compareFigures`' statement, for callers that send it in a batch of their own. */
export function compareStatement(query: CompareQuery): SQL {
  return sql`
    SELECT * ${query.countAll ? sql`, COUNT(*) OVER () AS total_rows` : sql``}
    FROM (${selection(query)})
    ORDER BY path, year
    LIMIT ${query.limit} OFFSET ${query.offset ?? 0}`;
}

/** The rows of `compareStatement`'s result. */
export const readCompareRows = (rows: Record<string, unknown>[], figures: readonly string[]) =>
  rows.map((row) => readRow(row, figures));

/**
 * What a ranking ranks on: one figure, or an indicator's ratio of sums (`report/indicators.ts`),
 * and which end ranks 1 (`report/ranking.ts`' `rankOrder`; the highest unless said otherwise).
 */
export type RankTarget = { direction?: RankOrder["direction"] } & (
  | { figure: string }
  | { numerator: readonly string[]; denominator: readonly string[]; minCount: number }
);

export interface RankedPage extends CompareResult {
  /** Each row's rank within its year (ties share one), null where it has none. */
  ranks: (number | null)[];
  /** The scopes of the matching agencies when more than one: nothing may be ranked. */
  mixedScopes: string[] | null;
  /** Whether the matching agencies differ in level, kind or scope: no raw count may be ranked. */
  mixedPeers: boolean;
}

/**
 * A page of the comparison, ranked over every matching report and ordered by rank, by the
 * ranked value or by region, ranked and cut inside
 * SQLite, so that a province of 10,000 agencies sends 50 rows, not 10,000. The same rules as
 * `rankable` and `computeIndicator` (tests hold them equal): a sum of figures is blank only if
 * every figure is; a rate needs a denominator of at least `minCount`; ties share a rank;
 * rows without a value go last either way, and ties keep region order.
 */
export async function rankedPage(
  db: Database,
  query: CompareQuery & {
    rankOn: RankTarget;
    by: "rank" | "value" | "path";
    dir: "asc" | "desc";
  },
): Promise<RankedPage> {
  const column = (figure: string) => sql.identifier(figure);
  const sum = (figures: readonly string[]) =>
    sql`(CASE WHEN ${sql.join(
      figures.map((f) => sql`${column(f)} IS NULL`),
      sql` AND `,
    )} THEN NULL ELSE ${sql.join(
      figures.map((f) => sql`COALESCE(${column(f)}, 0)`),
      sql` + `,
    )} END)`;
  const value =
    "figure" in query.rankOn
      ? column(query.rankOn.figure)
      : sql`(CASE WHEN ${sum(query.rankOn.denominator)} >= ${query.rankOn.minCount}
                   AND ${sum(query.rankOn.denominator)} > 0
              THEN ${sum(query.rankOn.numerator)} * 1.0 / ${sum(query.rankOn.denominator)} END)`;
  const key = sql.raw(query.by === "rank" ? "rank" : "rank_value");
  const direction = sql.raw(query.dir === "asc" ? "ASC" : "DESC");
  const best = sql.raw(query.rankOn.direction === "lower_first" ? "ASC" : "DESC");
  const order =
    query.by === "path" ? sql`path, year` : sql`${key} IS NULL, ${key} ${direction}, path, year`;
  // Peers share level, kind and scope: one pair of window aggregates over the three tells a
  // mix apart (codes hold no "/"), as the pair over scope does for scopes alone.
  const peer = sql`level || '/' || kind || '/' || scope`;
  const page = sql`
    SELECT x.*, COUNT(*) OVER () AS total_rows,
           MIN(scope) OVER () AS min_scope, MAX(scope) OVER () AS max_scope,
           MIN(${peer}) OVER () AS min_peer, MAX(${peer}) OVER () AS max_peer,
           CASE WHEN rank_value IS NOT NULL
                THEN RANK() OVER (PARTITION BY year, rank_value IS NULL ORDER BY rank_value ${best})
           END AS rank
    FROM (SELECT base.*, ${value} AS rank_value FROM (${selection(query, true)}) base) x
    ORDER BY ${order}
    LIMIT ${query.limit} OFFSET ${query.offset ?? 0}`;
  const rows = await db.all<Record<string, unknown>>(sql`
    SELECT page.*, agencies.name AS agency_name, agencies.region_code
    FROM (${page}) page CROSS JOIN ${agencies} ON agencies.id = page.agency_id
    ORDER BY ${order}`);
  if (rows.length === 0 && (query.offset ?? 0) > 0) {
    const first = await rankedPage(db, { ...query, offset: 0, limit: 1 });
    return { ...first, rows: [], ranks: [] };
  }
  const head = rows[0];
  return {
    total: (head?.total_rows as number | undefined) ?? 0,
    rows: rows.map((row) => readRow(row, query.figures)),
    ranks: rows.map((row) => (row.rank as number | null) ?? null),
    mixedScopes:
      head && head.min_scope !== head.max_scope
        ? [head.min_scope as string, head.max_scope as string]
        : null,
    mixedPeers: head !== undefined && head.min_peer !== head.max_peer,
  };
}

/**
 * The peer groups (level, kind, scope) of the matching reports, most reports first: what a
 * refused ranking of a raw count offers to filter by. Read only then, without the figures.
 */
export async function peerGroups(
  db: Database,
  query: Omit<CompareQuery, "figures" | "limit">,
): Promise<PeerGroup[]> {
  const rows = await db.all<PeerGroup>(sql`
    SELECT level, kind, scope, COUNT(*) AS reports
    FROM (${selection({ ...query, figures: [], limit: 0 }, true)})
    GROUP BY level, kind, scope
    ORDER BY reports DESC, level, kind, scope`);
  return rows.map((row) => ({ ...row, reports: Number(row.reports) }));
}

/**
 * Every matching report in region order, `pageSize` at a time: each page starts after the last
 * one's (path, agency, year), so a download of a nation reads each report once, never a page
 * cut at a limit.
 */
export async function* compareAll(
  db: Database,
  query: Omit<CompareQuery, "limit" | "offset" | "countAll">,
  pageSize: number,
): AsyncGenerator<CompareRow[], void, undefined> {
  let after: { path: string; agencyId: number; year: number } | null = null;
  for (;;) {
    const rows: Record<string, unknown>[] = await db.all<Record<string, unknown>>(sql`
      SELECT * FROM (${selection({ ...query, limit: pageSize })})
      ${after ? sql`WHERE (path, agency_id, year) > (${after.path}, ${after.agencyId}, ${after.year})` : sql``}
      ORDER BY path, agency_id, year
      LIMIT ${pageSize}`);
    if (rows.length > 0) yield rows.map((row) => readRow(row, query.figures));
    if (rows.length < pageSize) return;
    const last = rows.at(-1)!;
    after = {
      path: last.path as string,
      agencyId: last.agency_id as number,
      year: last.year as number,
    };
  }
}
