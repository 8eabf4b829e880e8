import { and, desc, eq, sql } from "drizzle-orm";
import type { ReportDocument } from "../../report/document";
import type { Finding } from "../../report/rules";
import {
  SECTION3_CELL_COLUMNS,
  SECTION3_TOTAL_COLUMNS,
  documentCells,
  documentTotals,
} from "../cells";
import { runBatch } from "../batch";
import type { Database } from "../client";
import { reportRevisions, reports } from "../schema";
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

export async function getRevision(db: Database, reportId: number, number: number) {
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
    .select({
      report: reports,
      revision: reportRevisions,
      publishedNumber: sql<
        number | null
      >`(SELECT p.number FROM report_revisions p WHERE p.id = ${reports.publishedRevisionId})`,
    })
    .from(reports)
    .innerJoin(reportRevisions, eq(reportRevisions.id, pointer))
    .where(and(eq(reports.agencyId, agencyId), eq(reports.year, year)))
    .get();
  return row
    ? { ...parseStored(row.report, row.revision), publishedNumber: row.publishedNumber }
    : null;
}

export const loadCurrent = (db: Database, agencyId: number, year: number) =>
  loadWith(db, agencyId, year, reports.currentRevisionId);

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
  baseRevision: number;
  document: ReportDocument;
  findings: Finding[];
  changes: { path: string; before: unknown; after: unknown }[];
  author: string;
  note: string | null;
  now: Date;
  /** The current revision being replaced, whose cells are dropped unless it is published. */
  replaces: { id: number; published: boolean } | null;
}

/**
 * Appends a revision and makes it current, atomically. Revision numbers are unique per
 * report, so two saves from the same base cannot both land: the second violates the
 * unique index, the whole batch rolls back, and the caller reports a conflict.
 */
export async function appendRevision(
  db: Database,
  input: NewRevision,
): Promise<"saved" | "conflict"> {
  const { agencyId, year, document, findings, now } = input;
  const at = now.toISOString();
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  const number = input.baseRevision + 1;
  const reportId = sql`(SELECT id FROM reports WHERE agency_id = ${agencyId} AND year = ${year})`;
  const cells = documentCells(document);
  const totals = documentTotals(document);
  const totalColumns = sql.raw(SECTION3_TOTAL_COLUMNS.join(", "));
  const s3Columns = sql.raw(SECTION3_CELL_COLUMNS.join(", "));
  const s3Values = sql.raw(
    SECTION3_CELL_COLUMNS.map((_, i) => `json_extract(j.value, '$[${i + 1}]')`).join(", "),
  );

  const statements = [
    sql`INSERT INTO reports (agency_id, year, template, status, created_at, updated_at)
               VALUES (${agencyId}, ${year}, ${document.template}, 'draft', ${at}, ${at})
               ON CONFLICT (agency_id, year) DO NOTHING`,
    sql`INSERT INTO report_revisions
                 (report_id, number, document, findings, changes, change_count,
                  error_count, warning_count, author, note, created_at)
               VALUES (${reportId}, ${number}, ${JSON.stringify(document)}, ${JSON.stringify(findings)},
                 ${JSON.stringify(input.changes)}, ${input.changes.length}, ${errors}, ${warnings},
                 ${input.author}, ${input.note}, ${at})`,
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
        ...(input.replaces ? [{ revision: input.replaces.id, sign: -1 as const }] : []),
      ]),
    }),
  ];
  if (input.replaces && !input.replaces.published) {
    statements.push(
      sql`DELETE FROM section3_cells WHERE revision_id = ${input.replaces.id}`,
      sql`DELETE FROM section3_totals WHERE revision_id = ${input.replaces.id}`,
      sql`DELETE FROM figure_values WHERE revision_id = ${input.replaces.id}`,
    );
  }
  try {
    await runBatch(db, statements);
    return "saved";
  } catch (error) {
    if (
      /UNIQUE constraint failed: report_revisions/i.test(String((error as Error).message ?? error))
    )
      return "conflict";
    throw error;
  }
}

/** Reports of an agency, newest year first, for its page. */
export async function reportsOfAgency(db: Database, agencyId: number) {
  return db
    .select()
    .from(reports)
    .where(eq(reports.agencyId, agencyId))
    .orderBy(desc(reports.year));
}
