import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  inArray,
  or,
  sql,
  type Column,
  type SQL,
} from "drizzle-orm";
import type { ReportDocument } from "../../report/document";
import type { Finding } from "../../report/rules";
import type { RevisionSource } from "../../report/revision-sources";
import {
  SECTION3_CELL_COLUMNS,
  SECTION3_TOTAL_COLUMNS,
  documentCells,
  documentTotals,
} from "../cells";
import { failedOn, runBatch } from "../batch";
import type { Database } from "../client";
import { agencies, reportRevisions, reports, reviewEvents } from "../schema";
import type { ReviewEventRow } from "./review-events";
import type { AgencyRow } from "./agencies";
import { changeRegionSums, reportSources } from "./region-sums";

export type ReportRow = typeof reports.$inferSelect;
export type RevisionRow = typeof reportRevisions.$inferSelect;

export interface StoredRevision {
  report: ReportRow;
  revision: RevisionRow;
  /** The number of the report's published revision, if any. */
  publishedNumber?: number | null;
  document: ReportDocument;
  findings: Finding[];
}

export async function findReport(db: Database, agencyId: number, year: number) {
  return db
    .select()
    .from(reports)
    .where(and(eq(reports.agencyId, agencyId), eq(reports.year, year)))
    .get();
}

async function getRevision(db: Database, reportId: number, number: number) {
  return db
    .select()
    .from(reportRevisions)
    .where(and(eq(reportRevisions.reportId, reportId), eq(reportRevisions.number, number)))
    .get();
}

/** The report with its current or its published revision, parsed. */
async function loadWith(
  db: Database,
  agencyId: number,
  year: number,
  pointer: typeof reports.currentRevisionId | typeof reports.publishedRevisionId,
): Promise<StoredRevision | null> {
  const row = await db
    .select(storedColumns)
    .from(reports)
    .innerJoin(reportRevisions, eq(reportRevisions.id, pointer))
    .where(and(eq(reports.agencyId, agencyId), eq(reports.year, year)))
    .get();
  return row ? toStored(row) : null;
}

export const loadCurrent = (db: Database, agencyId: number, year: number) =>
  loadWith(db, agencyId, year, reports.currentRevisionId);

/**
 * A report's current revision and, with `withPublished`, its published one, parsed, in one
 * statement: what a review step reads before it moves the report.
 */
export async function loadCurrentAndPublished(
  db: Database,
  agencyId: number,
  year: number,
  withPublished: boolean,
): Promise<{ current: StoredRevision | null; published: StoredRevision | null }> {
  const rows = await db
    .select(storedColumns)
    .from(reports)
    .innerJoin(
      reportRevisions,
      withPublished
        ? or(
            eq(reportRevisions.id, reports.currentRevisionId),
            eq(reportRevisions.id, reports.publishedRevisionId),
          )
        : eq(reportRevisions.id, reports.currentRevisionId),
    )
    .where(and(eq(reports.agencyId, agencyId), eq(reports.year, year)))
    .all();
  const stored = (row: StoredRow | undefined) => (row ? toStored(row) : null);
  return {
    current: stored(rows.find((row) => row.revision.id === row.report.currentRevisionId)),
    published: stored(rows.find((row) => row.revision.id === row.report.publishedRevisionId)),
  };
}

/**
 * An agency's reports of several years with their current revisions, parsed, by year: one
 * statement (one round trip) where a save reads its report and last year's.
 */
export async function loadCurrentOfYears(
  db: Database,
  agencyId: number,
  years: number[],
): Promise<Map<number, StoredRevision>> {
  return storedByYear(await currentOfYears(db, agencyId, years).all());
}

/**
 * The agency and its reports of `years` (as `loadCurrentOfYears`), in one round trip: what a
 * save must read before it may go ahead, the agency for its authorization among it.
 */
export async function loadAgencyWithYears(
  db: Database,
  agencyId: number,
  years: number[],
): Promise<{ agency: AgencyRow | undefined; reports: Map<number, StoredRevision> }> {
  // One table a statement: D1's batch answers rows as objects, and a join's columns of the
  // same name (`id`, `number`) would overwrite each other.
  const ofYears = and(eq(reports.agencyId, agencyId), inArray(reports.year, years));
  const revisionsOf = (
    column: typeof reports.currentRevisionId | typeof reports.publishedRevisionId,
  ) => inArray(reportRevisions.id, db.select({ id: column }).from(reports).where(ofYears));
  const [agencyRows, reportRows, revisionRows, publishedRows] = await db.batch([
    db.select().from(agencies).where(eq(agencies.id, agencyId)),
    db.select().from(reports).where(ofYears),
    db.select().from(reportRevisions).where(revisionsOf(reports.currentRevisionId)),
    db
      .select({ id: reportRevisions.id, number: reportRevisions.number })
      .from(reportRevisions)
      .where(revisionsOf(reports.publishedRevisionId)),
  ]);
  const revisions = new Map(revisionRows.map((row) => [row.id, row]));
  const published = new Map(publishedRows.map((row) => [row.id, row.number]));
  return {
    agency: agencyRows[0],
    reports: storedByYear(
      reportRows.flatMap((report) => {
        const revision = revisions.get(report.currentRevisionId!);
        if (!revision) return [];
        const publishedNumber = published.get(report.publishedRevisionId!) ?? null;
        return [{ report, revision, publishedNumber }];
      }),
    ),
  };
}

/**
 * Everything a report's page shows, in one round trip: the agency (whose scope decides which
 * revision the viewer sees), the report's current and published revisions, and its review trail.
 */
export async function loadReportView(
  db: Database,
  agencyId: number,
  year: number,
): Promise<{
  agency: AgencyRow | undefined;
  current: StoredRevision | null;
  published: StoredRevision | null;
  events: ReviewEventRow[];
}> {
  // One table a statement, as in `loadAgencyWithYears`.
  const ofReport = and(eq(reports.agencyId, agencyId), eq(reports.year, year));
  const [agencyRows, reportRows, revisionRows, events] = await db.batch([
    db.select().from(agencies).where(eq(agencies.id, agencyId)),
    db.select().from(reports).where(ofReport),
    db
      .select()
      .from(reportRevisions)
      .where(
        or(
          inArray(
            reportRevisions.id,
            db.select({ id: reports.currentRevisionId }).from(reports).where(ofReport),
          ),
          inArray(
            reportRevisions.id,
            db.select({ id: reports.publishedRevisionId }).from(reports).where(ofReport),
          ),
        ),
      ),
    db
      .select()
      .from(reviewEvents)
      .where(
        inArray(reviewEvents.reportId, db.select({ id: reports.id }).from(reports).where(ofReport)),
      )
      .orderBy(asc(reviewEvents.id)),
  ]);
  const report = reportRows[0];
  const revision = (id: number | null | undefined) => revisionRows.find((row) => row.id === id);
  const publishedNumber = revision(report?.publishedRevisionId)?.number ?? null;
  const stored = (id: number | null | undefined) => {
    const row = revision(id);
    return report && row ? toStored({ report, revision: row, publishedNumber }) : null;
  };
  return {
    agency: agencyRows[0],
    current: stored(report?.currentRevisionId),
    published: stored(report?.publishedRevisionId),
    events,
  };
}

const currentOfYears = (db: Database, agencyId: number, years: number[]) =>
  db
    .select(storedColumns)
    .from(reports)
    .innerJoin(reportRevisions, eq(reportRevisions.id, reports.currentRevisionId))
    .where(and(eq(reports.agencyId, agencyId), inArray(reports.year, years)));

function storedByYear(rows: StoredRow[]): Map<number, StoredRevision> {
  return new Map(rows.map((row) => [row.report.year, toStored(row)]));
}

export const loadPublished = (db: Database, agencyId: number, year: number) =>
  loadWith(db, agencyId, year, reports.publishedRevisionId);

export async function loadRevision(
  db: Database,
  report: ReportRow,
  number: number,
): Promise<StoredRevision | null> {
  const revision = await getRevision(db, report.id, number);
  return revision ? parseStored(report, revision) : null;
}

/** What a stored revision is read as: its report, the revision, the published revision's number. */
const storedColumns = {
  report: reports,
  revision: reportRevisions,
  publishedNumber: sql<
    number | null
  >`(SELECT p.number FROM report_revisions p WHERE p.id = ${reports.publishedRevisionId})`,
};

interface StoredRow {
  report: ReportRow;
  revision: RevisionRow;
  publishedNumber: number | null;
}

const toStored = (row: StoredRow): StoredRevision => ({
  ...parseStored(row.report, row.revision),
  publishedNumber: row.publishedNumber,
});

function parseStored(report: ReportRow, revision: RevisionRow): StoredRevision {
  return {
    report,
    revision,
    document: JSON.parse(revision.document) as ReportDocument,
    findings: JSON.parse(revision.findings) as Finding[],
  };
}

export async function listRevisions(db: Database, reportId: number) {
  return db
    .select({
      number: reportRevisions.number,
      author: reportRevisions.author,
      note: reportRevisions.note,
      source: reportRevisions.source,
      createdAt: reportRevisions.createdAt,
      changeCount: reportRevisions.changeCount,
      errorCount: reportRevisions.errorCount,
      warningCount: reportRevisions.warningCount,
      changes: reportRevisions.changes,
    })
    .from(reportRevisions)
    .where(eq(reportRevisions.reportId, reportId))
    .orderBy(desc(reportRevisions.number));
}

export interface NewRevision {
  agencyId: number;
  year: number;
  /**
   * The report as the save read it: the revision it edits (0 and null before the first save)
   * and the published one. The batch lands only while the report is still exactly so.
   */
  base: { number: number; revisionId: number | null; publishedRevisionId: number | null };
  document: ReportDocument;
  findings: Finding[];
  changes: { path: string; before: unknown; after: unknown }[];
  author: string;
  note: string | null;
  source?: RevisionSource | null;
  now: Date;
  /** Statements that land with the revision or not at all (its audit record). */
  alongside?: SQL[];
}

/**
 * Appends a revision and makes it current, atomically, provided the report is still as the
 * save read it: current revision `base.number`, published revision `base.publishedRevisionId`
 * (what decided whether a reason is needed and whether the replaced revision's cells go),
 * and not under review. Otherwise nothing is written and the caller reports a conflict.
 * Answers the report and its new revision as the batch left them (no further round trip).
 *
 * The guard is the revision row itself: its `report_id` is a subquery that finds the report
 * only in that state, else NULL, and the NOT NULL constraint then fails the statement and D1
 * rolls the whole batch back (a batch is one transaction). An error rather than a condition
 * chained through every later statement: no statement can forget it, and `changes()` only
 * sees the statement just before. Two saves from one base cannot both land either way.
 */
export async function appendRevision(
  db: Database,
  input: NewRevision,
): Promise<StoredRevision | "conflict"> {
  const { agencyId, year, base, document, findings, now } = input;
  const at = now.toISOString();
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  const number = base.number + 1;
  const guardedReportId = sql`(SELECT id FROM reports
      WHERE agency_id = ${agencyId} AND year = ${year} AND current_revision = ${base.number}
        AND published_revision_id IS ${base.publishedRevisionId} AND status <> 'submitted')`;
  const cells = documentCells(document);
  const totals = documentTotals(document);
  const totalColumns = sql.raw(SECTION3_TOTAL_COLUMNS.join(", "));
  const s3Columns = sql.raw(SECTION3_CELL_COLUMNS.join(", "));
  const s3Values = sql.raw(
    SECTION3_CELL_COLUMNS.map((_, i) => `json_extract(j.value, '$[${i + 1}]')`).join(", "),
  );

  const statements = [
    ...(base.number === 0
      ? [
          sql`INSERT INTO reports (agency_id, year, template, status, created_at, updated_at)
               VALUES (${agencyId}, ${year}, ${document.template}, 'draft', ${at}, ${at})
               ON CONFLICT (agency_id, year) DO NOTHING`,
        ]
      : []),
    sql`INSERT INTO report_revisions
                 (report_id, number, document, findings, changes, change_count,
                  error_count, warning_count, author, note, source, created_at)
               VALUES (${guardedReportId}, ${number}, ${JSON.stringify(document)}, ${JSON.stringify(findings)},
                 ${JSON.stringify(input.changes)}, ${input.changes.length}, ${errors}, ${warnings},
                 ${input.author}, ${input.note}, ${input.source ?? null}, ${at})`,
    // Saving over a published report starts a correction, which goes through review again.
    sql`UPDATE reports SET current_revision_id = last_insert_rowid(), current_revision = ${number},
                 template = ${document.template}, error_count = ${errors}, warning_count = ${warnings},
                 status = CASE status WHEN 'approved' THEN 'draft' ELSE status END, updated_at = ${at}
               WHERE agency_id = ${agencyId} AND year = ${year}`,
    sql`INSERT INTO section3_cells (revision_id, row_key, ${s3Columns})
               SELECT r.current_revision_id, json_extract(j.value, '$[0]'), ${s3Values}
               FROM reports r, json_each(${JSON.stringify(cells.section3)}) j
               WHERE r.agency_id = ${agencyId} AND r.year = ${year}`,
    ...(totals
      ? [
          sql`INSERT INTO section3_totals (revision_id, ${totalColumns})
               SELECT r.current_revision_id, ${sql.join(
                 totals.map((v) => sql`${v}`),
                 sql`, `,
               )}
               FROM reports r WHERE r.agency_id = ${agencyId} AND r.year = ${year}`,
        ]
      : []),
    sql`INSERT INTO figure_values (revision_id, figure, value)
               SELECT r.current_revision_id, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]')
               FROM reports r, json_each(${JSON.stringify(cells.figures)}) j
               WHERE r.agency_id = ${agencyId} AND r.year = ${year}`,
    // The region's current-basis sums: the new revision in, the one it replaces out (before
    // that one's cells are dropped below).
    changeRegionSums({
      from: agencyId,
      basis: "current",
      sources: reportSources(agencyId, year, [
        { revision: sql`r.current_revision_id`, sign: 1 },
        ...(base.revisionId !== null ? [{ revision: base.revisionId, sign: -1 as const }] : []),
      ]),
    }),
  ];
  if (base.revisionId !== null) {
    // The replaced revision keeps its cells only while it is published; asked of the row as
    // this batch left it, not of the save's reading.
    statements.push(...dropUnusedCells(base.revisionId));
  }
  statements.push(...(input.alongside ?? []));
  // The report and the revision as the batch left them, read in the same round trip: the
  // answer needs them, and the document and findings are the ones just written.
  statements.push(
    sql`SELECT r.*, (SELECT p.number FROM report_revisions p WHERE p.id = r.published_revision_id)
          AS published_number
        FROM reports r WHERE r.agency_id = ${agencyId} AND r.year = ${year}`,
    sql`SELECT v.* FROM reports r JOIN report_revisions v ON v.id = r.current_revision_id
        WHERE r.agency_id = ${agencyId} AND r.year = ${year}`,
  );
  try {
    const results = await runBatch(db, statements);
    const [reportRow, revisionRow] = results
      .slice(-2)
      .map((result) => result.results[0] as Record<string, unknown>);
    return {
      report: fromRow(reports, reportRow!),
      revision: fromRow(reportRevisions, revisionRow!),
      publishedNumber: (reportRow!.published_number as number | null) ?? null,
      document,
      findings,
    };
  } catch (error) {
    if (
      failedOn(
        error,
        "NOT NULL constraint failed: report_revisions.report_id",
        "UNIQUE constraint failed: report_revisions",
      )
    )
      return "conflict";
    throw error;
  }
}

/** A row as D1 gives it (column names, driver values) in drizzle's shape for `table`. */
function fromRow<T extends typeof reports | typeof reportRevisions>(
  table: T,
  row: Record<string, unknown>,
): T["$inferSelect"] {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table) as Record<string, Column>)) {
    const value = row[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as T["$inferSelect"];
}

/**
 * Drops a revision's figures (`section3_cells`, `section3_totals`, `figure_values`) unless it
 * is still its report's current or published revision: cells exist exactly for those. The
 * report is found through the revision (two primary-key lookups, no scan of `reports`).
 */
export function dropUnusedCells(revisionId: number): SQL[] {
  const unused = sql`NOT EXISTS (SELECT 1 FROM reports r JOIN report_revisions v ON v.report_id = r.id
      WHERE v.id = ${revisionId} AND ${revisionId} IN (r.current_revision_id, r.published_revision_id))`;
  return [
    sql`DELETE FROM section3_cells WHERE revision_id = ${revisionId} AND ${unused}`,
    sql`DELETE FROM section3_totals WHERE revision_id = ${revisionId} AND ${unused}`,
    sql`DELETE FROM figure_values WHERE revision_id = ${revisionId} AND ${unused}`,
  ];
}

/** Reports of an agency, newest year first, for its page. */
export async function reportsOfAgency(db: Database, agencyId: number) {
  return db
    .select()
    .from(reports)
    .where(eq(reports.agencyId, agencyId))
    .orderBy(desc(reports.year));
}
