import { and, sql, type SQL } from "drizzle-orm";
import { INCLUSIONS, type Inclusion } from "../../report/region-coverage";
import { runBatch } from "../batch";
import type { Database } from "../client";
import { derivedTotalSql, SECTION3_CELL_COLUMNS, summedCellSql } from "../cells";
import { agencies, reports } from "../schema";
import { agencyConditions, getAgency, regionPrefix, type AgencyFilter } from "./agencies";
import { atDeclaredPrecision } from "../../report/figures";
import { revisionColumn, type Basis } from "./compare";
import { maintainsSums, readRegionSums, regionSumsStatement, type RollupSums } from "./region-sums";

export interface RollupQuery extends Pick<
  AgencyFilter,
  "level" | "kind" | "scope" | "region" | "under"
> {
  year: number;
  basis: Basis;
}

/** The ledger's totals: how many agencies of each inclusion, and how many in all. */
export interface LedgerSummary {
  counts: Record<Inclusion, number>;
  total: number;
  /** Of the included reports, how many of each template (asked with `templates`). */
  templates: Record<"2021" | "2019", number>;
}

export interface LedgerEntry {
  id: number;
  name: string;
  level: string;
  kind: string;
  scope: string;
  regionCode: string;
  status: Inclusion;
  reportStatus: string | null;
  template: string | null;
}

export interface RollupResult extends RollupSums {
  ledger: LedgerSummary;
}

/**
 * Table figures summed over the reports of the matching agencies for one year, with the ledger's
 * summary (how many agencies each inclusion holds), as one D1 batch (one round trip). The
 * ledger's entries are read a page at a time (`ledgerPage`).
 */
export async function rollup(
  db: Database,
  query: RollupQuery,
  options: { templates?: boolean } = {},
): Promise<RollupResult> {
  const sums = await sumsPlan(db, query);
  const results = await runBatch(db, [
    ...sums.statements,
    ledgerSummaryStatement(query, options.templates ?? false),
  ]);
  return { ...sums.read(results), ledger: readLedgerSummary(results.at(-1)) };
}

export interface SumsPlan {
  statements: SQL[];
  /** Reads the sums from the batch's results, whose first entries are `statements`'. */
  read(results: D1Result[]): RollupSums;
}

/**
 * How to sum a region. Own-agency reports (`scope=self`) add up: from the maintained sums when
 * the region keeps them (the country, a province, a city — and no filter but the scope),
 * otherwise from the reports at read time. Whole-region reports (`scope=region`) nest, so only
 * the topmost ones are summed (README, "Scope"), always from the few reports that are.
 */
export async function sumsPlan(db: Database, query: RollupQuery): Promise<SumsPlan> {
  if (query.scope === "region") {
    const picked = topmostRegionReports(query);
    return {
      statements: sumStatements(picked),
      read: (results) => readRollupSums(results[0], results[1]),
    };
  }
  if (await keepsSums(db, query)) {
    return {
      statements: [regionSumsStatement(query)],
      read: (results) => readRegionSums(results[0]),
    };
  }
  const statements = rollupStatements(query);
  return {
    statements: [statements.section3, statements.figures],
    read: (results) => readRollupSums(results[0], results[1]),
  };
}

async function keepsSums(db: Database, query: RollupQuery) {
  if (query.level || query.kind || query.region) return false;
  if (query.under === undefined) return true;
  const root = await getAgency(db, query.under);
  return root !== undefined && maintainsSums(root);
}

/**
 * A CTE `picked(revision_id)` and its SQL, ready to sum: the revisions some set of reports has on
 * the query's basis for its year.
 */
export interface PickedRevisions {
  with: SQL;
}

const holdsReport = (query: Pick<RollupQuery, "year" | "basis">, alias: string) => {
  const revision = sql.raw(
    query.basis === "published" ? "h.published_revision_id" : "h.current_revision_id",
  );
  return sql`EXISTS (SELECT 1 FROM reports h
    WHERE h.agency_id = ${sql.raw(alias)}.id AND h.year = ${query.year} AND ${revision} IS NOT NULL)`;
};

/**
 * Where a walk down the tree starts: the subtree's root; else the agencies that open the
 * region-code prefix (whose parent lies outside it); else every top-level agency.
 */
function walkStart(query: Pick<RollupQuery, "under" | "region">): SQL {
  if (query.under !== undefined) return sql`agencies.id = ${query.under}`;
  if (query.region) {
    const prefix = regionPrefix(query.region);
    const inPrefix = (column: string) =>
      sql`${sql.raw(column)} >= ${prefix} AND ${sql.raw(column)} < ${prefix + "\uffff"}`;
    return sql`${inPrefix("agencies.region_code")} AND (agencies.parent_id IS NULL OR NOT EXISTS (
      SELECT 1 FROM agencies up WHERE up.id = agencies.parent_id AND ${inPrefix("up.region_code")}))`;
  }
  return sql`agencies.parent_id IS NULL`;
}

/**
 * A walk down the tree from `start`: each agency for which `stops` holds is not descended into.
 * `picked` is the basis revisions of the agencies walked that `take` (a condition on `walk`).
 */
function walkDown(
  query: Pick<RollupQuery, "year" | "basis">,
  walk: { start: SQL; stops: SQL; take: SQL },
): PickedRevisions {
  const revision = revisionColumn(query.basis);
  return {
    with: sql`WITH RECURSIVE
      walk(id, stops) AS (
        SELECT agencies.id, ${walk.stops} FROM ${agencies} WHERE ${walk.start}
        UNION ALL
        SELECT agencies.id, ${walk.stops} FROM walk CROSS JOIN ${agencies} ON agencies.parent_id = walk.id
        WHERE NOT walk.stops
      ),
      picked(revision_id) AS (
        SELECT ${revision} FROM walk CROSS JOIN ${reports}
          ON reports.agency_id = walk.id AND reports.year = ${query.year}
        WHERE ${walk.take} AND ${revision} IS NOT NULL
      )`,
  };
}

/**
 * The topmost whole-region reports of the query's subtree: walking down from its root, an
 * agency of `scope=region` matching the filters and holding a report on the basis is taken and
 * not descended into (its report contains everything below); any other agency is passed
 * through to its children, which stand in for a missing region report.
 */
export function topmostRegionReports(query: RollupQuery): PickedRevisions {
  const filters = and(
    ...agencyConditions({ level: query.level, kind: query.kind, region: query.region }),
  );
  const holds = sql`(agencies.scope = 'region' AND ${filters ?? sql`1`} AND ${holdsReport(query, "agencies")})`;
  return walkDown(query, { start: walkStart(query), stops: holds, take: sql`walk.stops` });
}

/**
 * The reports a region's own report sums up (its "parts", for the 自报/汇总 cross-check):
 * every report below the region's root that no whole-region report between the two contains —
 * own-agency reports of its departments, and the topmost whole-region reports beneath it.
 */
function partsOfRegion(root: number, query: Pick<RollupQuery, "year" | "basis">) {
  return walkDown(query, {
    start: sql`agencies.parent_id = ${root}`,
    stops: sql`(agencies.scope = 'region' AND ${holdsReport(query, "agencies")})`,
    take: sql`1`,
  });
}

/** One report's revision on the basis, as a set to sum. */
function ownReport(agencyId: number, query: Pick<RollupQuery, "year" | "basis">) {
  const revision = revisionColumn(query.basis);
  return {
    with: sql`WITH picked(revision_id) AS (
        SELECT ${revision} FROM ${reports}
        WHERE reports.agency_id = ${agencyId} AND reports.year = ${query.year} AND ${revision} IS NOT NULL
      )`,
  } satisfies PickedRevisions;
}

const section3Sums = (alias: string) =>
  sql.join(
    [
      ...SECTION3_CELL_COLUMNS.map(
        (c) =>
          sql`SUM(${summedCellSql(alias, c)}) AS ${sql.identifier(c)}, COUNT(${summedCellSql(alias, c)}) AS ${sql.identifier(`n_${c}`)}`,
      ),
      sql`SUM(${derivedTotalSql(alias)}) AS derived`,
    ],
    sql`, `,
  );

/** The two statements (table 三 by row, every other figure) that sum a set of revisions. */
function sumStatements(picked: PickedRevisions): SQL[] {
  return [
    sql`${picked.with}
      SELECT c.row_key, ${section3Sums("c")}
      FROM picked CROSS JOIN section3_cells c ON c.revision_id = picked.revision_id
      GROUP BY c.row_key`,
    sql`${picked.with}
      SELECT f.figure, SUM(f.value) AS sum, COUNT(f.value) AS reported
      FROM picked CROSS JOIN figure_values f ON f.revision_id = picked.revision_id
      GROUP BY f.figure`,
  ];
}

/**
 * The rollup's read-time statements. `CROSS JOIN` keeps SQLite from starting at the year index
 * (every report of the year, nationwide): it walks the region's agencies first, then each one's
 * report for the year by the (agency, year) key.
 */
export function rollupStatements(query: RollupQuery) {
  const revision = revisionColumn(query.basis);
  const inRegion: SQL = and(...agencyConditions(query)) ?? sql`1`;
  return {
    section3: sql`SELECT c.row_key, ${section3Sums("c")}
        FROM ${agencies} CROSS JOIN ${reports} ON reports.agency_id = agencies.id AND reports.year = ${query.year}
        CROSS JOIN section3_cells c ON c.revision_id = ${revision}
        WHERE ${inRegion}
        GROUP BY c.row_key`,
    figures: sql`SELECT f.figure, SUM(f.value) AS sum, COUNT(f.value) AS reported
        FROM ${agencies} CROSS JOIN ${reports} ON reports.agency_id = agencies.id AND reports.year = ${query.year}
        CROSS JOIN figure_values f ON f.revision_id = ${revision}
        WHERE ${inRegion}
        GROUP BY f.figure`,
  };
}

/**
 * The template of the revision a basis sums: the latest save's is kept on the report row; a
 * published revision that a correction has since replaced (perhaps in the other format) says its
 * own in its document.
 */
function basisTemplate(basis: Basis): SQL {
  if (basis === "current") return sql.raw("reports.template");
  return sql.raw(`CASE WHEN reports.published_revision_id = reports.current_revision_id
      THEN reports.template
      ELSE (SELECT json_extract(v.document, '$.template') FROM report_revisions v
            WHERE v.id = reports.published_revision_id) END`);
}

const rows = <T>(result: D1Result | undefined) => (result?.results ?? []) as T[];

export function readRollupSums(
  section3: D1Result | undefined,
  figures: D1Result | undefined,
): RollupSums {
  const section3Rows = rows<Record<string, number | null>>(section3);
  const figureRows = rows<{ figure: string; sum: number | null; reported: number }>(figures);
  const derivedTotals: Record<string, number> = {};
  const counts: Record<string, number> = {};
  for (const row of section3Rows) {
    const rowKey = row.row_key as unknown as string;
    if ((row.derived ?? 0) > 0) derivedTotals[rowKey] = row.derived!;
    for (const c of SECTION3_CELL_COLUMNS) counts[`section3.${rowKey}.${c}`] = row[`n_${c}`] ?? 0;
  }
  for (const row of figureRows) counts[row.figure] = row.reported;
  return {
    counts,
    section3: Object.fromEntries(
      section3Rows.map((row) => [
        row.row_key as unknown as string,
        SECTION3_CELL_COLUMNS.map((c) => (row[c] == null ? null : Math.round(row[c]))),
      ]),
    ),
    derivedTotals,
    figures: Object.fromEntries(
      figureRows.map((row) => [
        row.figure,
        {
          sum: row.sum === null ? null : atDeclaredPrecision(row.figure, row.sum),
          reported: row.reported,
        },
      ]),
    ),
  };
}

const HIGH = "\uffff";

/**
 * The ledger as a CTE `ledger(id, path, report_id, report_status, inclusion)`: the query's
 * agencies (one scope) with their report for the year and whether it is summed (included),
 * contained in an ancestor's, stood in for by its parts, pending or missing — the rules of
 * report/region-coverage.ts, decided in SQL so that a page or a count leaves the database
 * without the rest. It reads only covering indexes (the agencies' path index, the reports'
 * agency-year index), never a report row.
 *
 * Whole-region reports nest. In path order an agency's ancestors come before it and its
 * descendants right after it, and a path is a prefix of another exactly when the first agency
 * contains the second ("/1/7/" < "/1/7/42/" < "/1/7/\uffff"). So an entry is contained when some
 * earlier entry holding a report ends its range after this path (the largest such end decides),
 * in one ordered pass; an entry neither contained nor holding one (a few: the regions above the
 * topmost reports, and those with none) is covered by its parts when an entry in its range does.
 */
function ledgerWith(query: RollupQuery): SQL {
  const revision = revisionColumn(query.basis);
  const inRegion: SQL = and(...agencyConditions(query)) ?? sql`1`;
  const own = sql`CASE WHEN revision_id IS NOT NULL THEN 'included'
      WHEN report_status IS NOT NULL THEN 'pending' ELSE 'missing' END`;
  const inclusion =
    query.scope === "region"
      ? sql`CASE
          WHEN MAX(CASE WHEN revision_id IS NOT NULL THEN path || ${HIGH} END)
            OVER (ORDER BY path ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) > path
            THEN 'contained'
          WHEN revision_id IS NOT NULL THEN 'included'
          WHEN EXISTS (SELECT 1 FROM ${agencies} INDEXED BY agencies_path_idx
                CROSS JOIN ${reports} INDEXED BY reports_agency_year_cover_idx
                  ON reports.agency_id = agencies.id AND reports.year = ${query.year}
              WHERE agencies.path > entries.path AND agencies.path < entries.path || ${HIGH}
                AND ${inRegion} AND ${revision} IS NOT NULL)
            THEN 'covered_by_parts'
          ELSE ${own} END`
      : own;
  return sql`WITH entries(id, path, report_id, report_status, revision_id) AS (
        SELECT agencies.id, agencies.path, reports.id, reports.status, ${revision}
        FROM ${agencies} LEFT JOIN ${reports} INDEXED BY reports_agency_year_cover_idx
          ON reports.agency_id = agencies.id AND reports.year = ${query.year}
        WHERE ${inRegion}
      ),
      ledger(id, path, report_id, report_status, inclusion) AS (
        SELECT id, path, report_id, report_status, ${inclusion} FROM entries
      )`;
}

/**
 * How many agencies of each inclusion; with `templates`, also the template of each included
 * report (reading those report rows, which the rollup's own answer does not need).
 */
function ledgerSummaryStatement(query: RollupQuery, templates: boolean): SQL {
  const template = templates
    ? sql`CASE WHEN ledger.inclusion = 'included' THEN (SELECT ${basisTemplate(query.basis)}
          FROM ${reports} WHERE reports.id = ledger.report_id) END`
    : sql`NULL`;
  return sql`${ledgerWith(query)}
    SELECT ledger.inclusion, ${template} AS template, COUNT(*) AS n
    FROM ledger GROUP BY 1, 2`;
}

function readLedgerSummary(result: D1Result | undefined): LedgerSummary {
  const counts = Object.fromEntries(INCLUSIONS.map((i) => [i, 0])) as Record<Inclusion, number>;
  const templates = { "2021": 0, "2019": 0 };
  let total = 0;
  for (const row of rows<{ inclusion: Inclusion; template: string | null; n: number }>(result)) {
    counts[row.inclusion] += row.n;
    total += row.n;
    if (row.template === "2021" || row.template === "2019") templates[row.template] += row.n;
  }
  return { counts, total, templates };
}

export interface LedgerPageQuery {
  /** Only the agencies of this inclusion; every agency when absent. */
  state?: Inclusion;
  limit: number;
  offset: number;
}

export interface LedgerPage {
  items: LedgerEntry[];
  /** Every entry of the state asked (of the whole ledger without one). */
  total: number;
  summary: LedgerSummary;
}

/**
 * One page of the ledger in path order, cut by SQLite (`LIMIT`/`OFFSET` over the classified
 * entries), with the summary in the same batch for the page's total. `limit: null` reads every
 * entry, for the downloads that list the whole ledger.
 */
export async function ledgerPage(
  db: Database,
  query: RollupQuery,
  page: Omit<LedgerPageQuery, "limit"> & { limit: number | null },
): Promise<LedgerPage> {
  const state = page.state ? sql`ledger.inclusion = ${page.state}` : sql`1`;
  const [summary, list] = await runBatch(db, [
    ledgerSummaryStatement(query, false),
    sql`${ledgerWith(query)}
      SELECT agencies.id, agencies.name, agencies.level, agencies.kind, agencies.scope,
             agencies.region_code, ledger.report_status, ledger.inclusion,
             ${basisTemplate(query.basis)} AS template
      FROM ledger CROSS JOIN ${agencies} ON agencies.id = ledger.id
        LEFT JOIN ${reports} ON reports.id = ledger.report_id
      WHERE ${state}
      ORDER BY ledger.path
      LIMIT ${page.limit ?? -1} OFFSET ${page.offset}`,
  ]);
  const totals = readLedgerSummary(summary);
  return {
    summary: totals,
    total: page.state ? totals.counts[page.state] : totals.total,
    items: rows<Record<string, unknown>>(list).map((row) => ({
      id: row.id as number,
      name: row.name as string,
      level: row.level as string,
      kind: row.kind as string,
      scope: row.scope as string,
      regionCode: row.region_code as string,
      status: row.inclusion as Inclusion,
      reportStatus: (row.report_status as string | null) ?? null,
      // The template of the revision summed (the latest save's where none is).
      template: (row.template as string | null) ?? null,
    })),
  };
}

/** Sums as one figure map: `section3.<row>.<column>` for table 三, the figure key otherwise. */
export function flattenSums(sums: RollupSums): Record<string, number | null> {
  const figures: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(sums.figures)) figures[key] = value.sum;
  for (const [row, cells] of Object.entries(sums.section3)) {
    SECTION3_CELL_COLUMNS.forEach((column, i) => {
      figures[`section3.${row}.${column}`] = cells[i] ?? null;
    });
  }
  return figures;
}

export interface OwnAndParts {
  /** The root's own whole-region report, summed alone. */
  own: RollupSums;
  /** The reports it contains (`partsOfRegion`), summed, and how many they are. */
  parts: RollupSums;
  partsReports: number;
}

/**
 * A region's own whole-region report beside the sum of the reports it contains, in one round
 * trip; null when the root is not a whole-region agency with a report on the basis.
 */
export async function ownAndParts(
  db: Database,
  root: number,
  query: Pick<RollupQuery, "year" | "basis">,
): Promise<OwnAndParts | null> {
  const own = ownReport(root, query);
  const parts = partsOfRegion(root, query);
  const results = await runBatch(db, [
    sql`${own.with} SELECT COUNT(*) AS n FROM picked
        WHERE EXISTS (SELECT 1 FROM agencies WHERE id = ${root} AND scope = 'region')`,
    sql`${parts.with} SELECT COUNT(*) AS n FROM picked`,
    ...sumStatements(own),
    ...sumStatements(parts),
  ]);
  const count = (result: D1Result | undefined) => rows<{ n: number }>(result)[0]?.n ?? 0;
  if (count(results[0]) === 0) return null;
  return {
    own: readRollupSums(results[2], results[3]),
    parts: readRollupSums(results[4], results[5]),
    partsReports: count(results[1]),
  };
}

/** The revisions a region's sums add up: the reports its ledger counts as included. */
function summedRevisions(query: RollupQuery): PickedRevisions {
  if (query.scope === "region") return topmostRegionReports(query);
  const revision = revisionColumn(query.basis);
  const inRegion: SQL = and(...agencyConditions(query)) ?? sql`1`;
  return {
    with: sql`WITH picked(revision_id) AS (
        SELECT ${revision} FROM ${agencies} CROSS JOIN ${reports}
          ON reports.agency_id = agencies.id AND reports.year = ${query.year}
        WHERE ${inRegion} AND ${revision} IS NOT NULL
      )`,
  };
}

/** A finding one of the summed reports holds, where it points, and whose report it is. */
export interface SummedReportFinding {
  agencyId: number;
  agencyName: string;
  rule: string;
  table: string | null;
  row: string | null;
  column: string | null;
}

/**
 * The findings of `rules` that the summed reports' own revisions hold, as stored with each
 * revision when it was saved. Only revisions with findings are opened (their counts are kept
 * beside them), in path order.
 */
export async function findingsOfSummedReports(
  db: Database,
  query: RollupQuery,
  rules: readonly string[],
): Promise<SummedReportFinding[]> {
  if (rules.length === 0) return [];
  const picked = summedRevisions(query);
  const [result] = await runBatch(db, [
    sql`${picked.with}
      SELECT agencies.id AS agency_id, agencies.name AS agency_name,
             json_extract(f.value, '$.rule') AS rule, json_extract(f.value, '$.table') AS tbl,
             json_extract(f.value, '$.row') AS row_key, json_extract(f.value, '$.column') AS column_key
      FROM picked
        CROSS JOIN report_revisions v ON v.id = picked.revision_id
        CROSS JOIN ${reports} ON reports.id = v.report_id
        CROSS JOIN ${agencies} ON agencies.id = reports.agency_id
        CROSS JOIN json_each(v.findings) f
      WHERE v.error_count + v.warning_count > 0
        AND json_extract(f.value, '$.rule') IN (SELECT value FROM json_each(${JSON.stringify(rules)}))
      ORDER BY agencies.path`,
  ]);
  return rows<Record<string, string | number | null>>(result).map((row) => ({
    agencyId: row.agency_id as number,
    agencyName: row.agency_name as string,
    rule: row.rule as string,
    table: (row.tbl as string | null) ?? null,
    row: (row.row_key as string | null) ?? null,
    column: (row.column_key as string | null) ?? null,
  }));
}
