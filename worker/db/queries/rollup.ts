import { and, sql, type SQL } from "drizzle-orm";
import { runBatch } from "../batch";
import type { Database } from "../client";
import { SECTION3_CELL_COLUMNS } from "../cells";
import { agencies, reports } from "../schema";
import { agencyConditions, getAgency, type AgencyFilter } from "./agencies";
import { revisionColumn, type Basis } from "./compare";
import { maintainsSums, readRegionSums, regionSumsStatement } from "./region-sums";

export interface RollupQuery extends Pick<
  AgencyFilter,
  "level" | "kind" | "scope" | "region" | "under"
> {
  year: number;
  basis: Basis;
}

export interface RollupResult {
  section3: Record<string, (number | null)[]>;
  figures: Record<string, { sum: number | null; reported: number }>;
  agencies: {
    id: number;
    name: string;
    level: string;
    kind: string;
    scope: string;
    regionCode: string;
    status: "included" | "pending" | "missing";
    reportStatus: string | null;
    template: string | null;
  }[];
}

/**
 * Table figures summed over the reports of the matching agencies for one year, with the ledger
 * of agencies, as one D1 batch (one round trip).
 */
export async function rollup(db: Database, query: RollupQuery): Promise<RollupResult> {
  const sums = await sumsPlan(db, query);
  const results = await runBatch(db, [...sums.statements, rollupStatements(query).ledger]);
  return { ...sums.read(results), agencies: readLedger(results.at(-1)) };
}

export interface SumsPlan {
  statements: SQL[];
  /** Reads the sums from the batch's results, whose first entries are `statements`'. */
  read(results: D1Result[]): Pick<RollupResult, "section3" | "figures">;
}

/**
 * How to sum a region: from its maintained sums when it keeps them (the country, a province,
 * a city — and no filter but the scope), otherwise from the reports at read time.
 */
export async function sumsPlan(db: Database, query: RollupQuery): Promise<SumsPlan> {
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
 * The rollup's read-time statements. `CROSS JOIN` keeps SQLite from starting at the year index
 * (every report of the year, nationwide): it walks the region's agencies first, then each one's
 * report for the year by the (agency, year) key.
 */
export function rollupStatements(query: RollupQuery) {
  const revision = revisionColumn(query.basis);
  const inRegion: SQL = and(...agencyConditions(query)) ?? sql`1`;
  const sums = sql.raw(SECTION3_CELL_COLUMNS.map((c) => `SUM(c.${c}) AS ${c}`).join(", "));
  return {
    section3: sql`SELECT c.row_key, ${sums}
        FROM ${agencies} CROSS JOIN ${reports} ON reports.agency_id = agencies.id AND reports.year = ${query.year}
        CROSS JOIN section3_cells c ON c.revision_id = ${revision}
        WHERE ${inRegion}
        GROUP BY c.row_key`,
    figures: sql`SELECT f.figure, SUM(f.value) AS sum, COUNT(f.value) AS reported
        FROM ${agencies} CROSS JOIN ${reports} ON reports.agency_id = agencies.id AND reports.year = ${query.year}
        CROSS JOIN figure_values f ON f.revision_id = ${revision}
        WHERE ${inRegion}
        GROUP BY f.figure`,
    ledger: sql`SELECT agencies.id, agencies.name, agencies.level, agencies.kind, agencies.scope,
               agencies.region_code, reports.status AS report_status, reports.template,
               ${revision} AS revision_id
        FROM ${agencies} LEFT JOIN ${reports}
          ON reports.agency_id = agencies.id AND reports.year = ${query.year}
        WHERE ${inRegion}
        ORDER BY agencies.path`,
  };
}

const rows = <T>(result: D1Result | undefined) => (result?.results ?? []) as T[];

export function readRollupSums(
  section3: D1Result | undefined,
  figures: D1Result | undefined,
): Pick<RollupResult, "section3" | "figures"> {
  return {
    section3: Object.fromEntries(
      rows<Record<string, number | null>>(section3).map((row) => [
        row.row_key as unknown as string,
        SECTION3_CELL_COLUMNS.map((c) => row[c] ?? null),
      ]),
    ),
    figures: Object.fromEntries(
      rows<{ figure: string; sum: number | null; reported: number }>(figures).map((row) => [
        row.figure,
        { sum: row.sum, reported: row.reported },
      ]),
    ),
  };
}

export function readLedger(ledger: D1Result | undefined): RollupResult["agencies"] {
  return rows<Record<string, unknown>>(ledger).map((row) => ({
    id: row.id as number,
    name: row.name as string,
    level: row.level as string,
    kind: row.kind as string,
    scope: row.scope as string,
    regionCode: row.region_code as string,
    status: row.revision_id != null ? "included" : row.report_status ? "pending" : "missing",
    reportStatus: (row.report_status as string | null) ?? null,
    // The template of the report's latest save; an included report's revision is of the same
    // template unless a correction switched formats.
    template: (row.template as string | null) ?? null,
  }));
}
