import { and, sql, type SQL } from "drizzle-orm";
import type { Finding } from "../../report/rules";
import { runBatch } from "../batch";
import type { Database } from "../client";
import { agencies, reports } from "../schema";
import { agencyConditions } from "./agencies";
import { revisionColumn, type Basis } from "./compare";
import type { RollupSums } from "./region-sums";
import { sumsPlan } from "./rollup";
import type { RuleExplanation as Explanation } from "../../report/rule-explanation";

export interface DashboardQuery {
  year: number;
  basis: Basis;
  under?: number;
  region?: string;
  /** Which reports the figures sum (never both: a whole-region report contains its agencies'). */
  scope: "self" | "region";
  /** Cap on each listed set (missing agencies, reports with findings). */
  limit: number;
}

export interface Overview {
  completeness: { level: string; state: string; agencies: number; late: number }[];
  missing: {
    id: number;
    name: string;
    level: string;
    region_code: string;
    parent_name: string | null;
  }[];
  failing: {
    rows: {
      id: number;
      agency_id: number;
      agency_name: string;
      level: string;
      status: string;
      error_count: number;
      warning_count: number;
    }[];
    total: number;
  };
  sums: RollupSums;
}

const rows = <T>(result: D1Result | undefined) => (result?.results ?? []) as T[];

/** The subtree's agencies, each with its report for the year (if any), agencies walked first. */
const inRegion = (query: DashboardQuery): SQL =>
  and(...agencyConditions({ under: query.under, region: query.region })) ?? sql`1`;

/**
 * Everything the dashboard's overview shows, in one D1 batch: completeness by level and state,
 * the first missing agencies, the reports breaking hard rules on the basis revision, and the
 * rollup's sums (its own statements, not a copy). `COUNT(*) OVER ()` gives a capped list's total
 * without a second statement. Before the batch, `sumsPlan` may read the subtree's root agency to
 * choose between maintained and computed sums, so an overview takes one or two round trips.
 */
export async function overview(db: Database, query: DashboardQuery): Promise<Overview> {
  const where = inRegion(query);
  const revision = revisionColumn(query.basis);
  const counts = findingCounts(query.basis);
  // The whole country is read from the year's reports (covering indexes on year), each agency
  // looked up once; a subtree from its agencies (the path index), each report looked up once.
  const national = query.under === undefined && query.region === undefined;
  const sums = await sumsPlan(db, query);
  const results = await runBatch(db, [
    national
      ? sql`SELECT agencies.level, reports.status AS state,
                 COUNT(*) AS agencies, SUM(reports.late) AS late
            FROM ${reports} CROSS JOIN ${agencies} ON agencies.id = reports.agency_id
            WHERE reports.year = ${query.year}
            GROUP BY agencies.level, reports.status
          UNION ALL
          SELECT level, 'all', COUNT(*), 0 FROM ${agencies} GROUP BY level`
      : sql`SELECT agencies.level, COALESCE(reports.status, 'missing') AS state,
                 COUNT(*) AS agencies, COALESCE(SUM(reports.late), 0) AS late
            FROM ${agencies} LEFT JOIN ${reports}
              ON reports.agency_id = agencies.id AND reports.year = ${query.year}
            WHERE ${where}
            GROUP BY agencies.level, state`,
    sql`SELECT agencies.id, agencies.name, agencies.level, agencies.region_code,
               parent.name AS parent_name
        FROM ${agencies} LEFT JOIN ${reports}
          ON reports.agency_id = agencies.id AND reports.year = ${query.year}
        LEFT JOIN agencies parent ON parent.id = agencies.parent_id
        WHERE ${where} AND reports.id IS NULL
        ORDER BY agencies.path
        LIMIT ${query.limit}`,
    sql`SELECT reports.id, agencies.id AS agency_id, agencies.name AS agency_name, agencies.level,
               reports.status, ${counts.errors} AS error_count, ${counts.warnings} AS warning_count,
               COUNT(*) OVER () AS total
        FROM ${
          national
            ? sql`${reports} CROSS JOIN ${agencies} ON agencies.id = reports.agency_id`
            : sql`${agencies} CROSS JOIN ${reports} ON reports.agency_id = agencies.id`
        }
        WHERE reports.year = ${query.year} AND ${where}
          AND ${revision} IS NOT NULL AND ${counts.errors} > 0
        ORDER BY error_count DESC, agencies.path
        LIMIT ${query.limit}`,
    ...sums.statements,
  ]);
  const [completeness, missing, failing] = results;
  const failingRows = rows<Overview["failing"]["rows"][number] & { total: number }>(failing);
  const completenessRows = rows<Overview["completeness"][number]>(completeness);
  return {
    completeness: national ? withMissing(completenessRows) : completenessRows,
    missing: rows(missing),
    failing: {
      rows: failingRows.map(({ total: _total, ...row }) => row),
      total: failingRows[0]?.total ?? 0,
    },
    sums: sums.read(results.slice(3)),
  };
}

/** Per level, the agencies without a report: all of the level's less those with one. */
function withMissing(rows: Overview["completeness"]): Overview["completeness"] {
  const reported = rows.filter((row) => row.state !== "all");
  return [
    ...reported,
    ...rows
      .filter((row) => row.state === "all")
      .map((all) => ({
        level: all.level,
        state: "missing",
        agencies:
          all.agencies -
          reported.filter((row) => row.level === all.level).reduce((n, row) => n + row.agencies, 0),
        late: 0,
      }))
      .filter((row) => row.agencies > 0),
  ];
}

/**
 * The basis revision's finding counts. `reports` keeps the current revision's, so the revision
 * row (which holds the whole document) is read only for a published revision that a correction
 * has since replaced.
 */
function findingCounts(basis: Basis) {
  const of = (column: "error_count" | "warning_count") =>
    basis === "current"
      ? sql.raw(`reports.${column}`)
      : sql.raw(`CASE WHEN reports.published_revision_id = reports.current_revision_id
          THEN reports.${column}
          ELSE (SELECT p.${column} FROM report_revisions p WHERE p.id = reports.published_revision_id)
        END`);
  return { errors: of("error_count"), warnings: of("warning_count") };
}

interface ReportFindings {
  report_id: number;
  agency_id: number;
  agency_name: string;
  level: string;
  scope: string;
  status: string;
  revision: number;
  error_count: number;
  warning_count: number;
  errors: Finding[];
  warnings: Finding[];
  explanations: Explanation[];
}

/** The quality lists' pages: the reports breaking hard rules, and those with warnings only. */
export interface QualityQuery extends DashboardQuery {
  hardOffset: number;
  softOffset: number;
}

export interface QualityList {
  items: ReportFindings[];
  /** Every report of the list, however many this page holds. */
  total: number;
  offset: number;
  limit: number;
}

/**
 * The reports whose basis revision has findings, hard (errors) and soft (warnings only), each
 * list paged by its own offset and counted in full, with the findings parsed from the revision's
 * JSON and the explanations sent with the submission of that very revision (a later draft's
 * submission explains other figures). One batch: both pages and both counts.
 */
export async function reportsWithFindings(
  db: Database,
  query: QualityQuery,
): Promise<{ hard: QualityList; soft: QualityList }> {
  const where = inRegion(query);
  const revision = revisionColumn(query.basis);
  const from = sql`FROM ${agencies} CROSS JOIN ${reports}
          ON reports.agency_id = agencies.id AND reports.year = ${query.year}
        CROSS JOIN report_revisions r ON r.id = ${revision}
        WHERE ${where}`;
  const hardCondition = sql`r.error_count > 0`;
  const softCondition = sql`r.error_count = 0 AND r.warning_count > 0`;
  const page = (condition: SQL, offset: number) =>
    sql`SELECT reports.id AS report_id, agencies.id AS agency_id, agencies.name AS agency_name,
               agencies.level, agencies.scope, reports.status, r.number AS revision,
               r.error_count, r.warning_count, r.findings,
               (SELECT e.explanations FROM review_events e
                 WHERE e.report_id = reports.id AND e.action = 'submit' AND e.revision = r.number
                 ORDER BY e.id DESC LIMIT 1) AS explanations
        ${from} AND ${condition}
        ORDER BY r.error_count DESC, r.warning_count DESC, agencies.path
        LIMIT ${query.limit} OFFSET ${offset}`;
  const [hard, soft, counts] = await runBatch(db, [
    page(hardCondition, query.hardOffset),
    page(softCondition, query.softOffset),
    sql`SELECT COALESCE(SUM(${hardCondition}), 0) AS hard, COALESCE(SUM(${softCondition}), 0) AS soft
        ${from}`,
  ]);
  const total = rows<{ hard: number; soft: number }>(counts)[0] ?? { hard: 0, soft: 0 };
  const read = (result: D1Result | undefined, count: number, offset: number): QualityList => ({
    total: count,
    offset,
    limit: query.limit,
    items: rows<Record<string, unknown>>(result).map((row): ReportFindings => {
      const findings = JSON.parse(row.findings as string) as Finding[];
      return {
        report_id: row.report_id as number,
        agency_id: row.agency_id as number,
        agency_name: row.agency_name as string,
        level: row.level as string,
        scope: row.scope as string,
        status: row.status as string,
        revision: row.revision as number,
        error_count: row.error_count as number,
        warning_count: row.warning_count as number,
        errors: findings.filter((f) => f.severity === "error"),
        warnings: findings.filter((f) => f.severity === "warning"),
        explanations: row.explanations
          ? (JSON.parse(row.explanations as string) as Explanation[])
          : [],
      };
    }),
  });
  return {
    hard: read(hard, total.hard, query.hardOffset),
    soft: read(soft, total.soft, query.softOffset),
  };
}
