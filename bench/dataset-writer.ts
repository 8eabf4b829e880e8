import type BetterSqlite3 from "better-sqlite3";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import {
  SECTION3_CELL_COLUMNS,
  SECTION3_TOTAL_COLUMNS,
  documentCells,
  documentTotals,
} from "../worker/db/cells";
import type { ReportStatus } from "../worker/db/schema";
import { defaultDeadline, isLate } from "../worker/db/queries/deadlines";
import { rebuildRegionSums } from "../worker/db/queries/region-sums";
import { createRng } from "../worker/demo/random";
import type { SyntheticAgency } from "../worker/demo/synthetic-agencies";
import { generateReportsBottomUp } from "../worker/demo/synthetic-reports";
import type { ReportDocument } from "../worker/report/document";
import { checkReport } from "../worker/report/rules";

export interface WriteInput {
  /** Parents before children, as `generateAgencies` returns them. */
  agencies: readonly SyntheticAgency[];
  years: readonly number[];
  seed: number;
  /** Written as every row's created/updated time. */
  now: Date;
  /** The staff the bench reads as: one admin with one live session, looked up by this hash. */
  session: { idHash: string };
  /** Reports per transaction. */
  chunk?: number;
  progress?: (reports: number) => void;
}

export interface WriteSummary {
  agencies: number;
  reports: number;
  published: number;
}

const AUTHOR = "bench";
const dialect = new SQLiteSyncDialect();

/** The admin the bench signs in as (users row 1). */
export const BENCH_ADMIN = { id: 1, email: "bench-admin@nianbao.invalid", name: "基准测试管理员" };
/** Far enough ahead that the session never expires; compared as ISO text, like `now`. */
const SESSION_EXPIRES_AT = "9999-12-31T00:00:00.000Z";

/**
 * Writes agencies and their synthetic reports straight into a migrated database, row for row what
 * the Worker leaves after `createAgency`, a first `saveReport` (`appendRevision`) and the review
 * steps (`moveReport`) to each report's status — with prepared statements in large transactions,
 * which is what makes 100,000 reports take a minute instead of hours. tests/scripts/bench.test.ts
 * holds the two to the same rows in the tables the cases read: agencies, reports,
 * report_revisions, section3_cells, section3_totals and figure_values.
 *
 * Review is written as the reports row shows it: `status`, `published_revision_id` (the revision,
 * for approved reports), and `submitted_at`/`late` for every report that was submitted (`now`,
 * judged against the default deadlines). Past years are approved; the latest year is mid-review,
 * drawn as the demo seed draws it. Review trails (`review_events`, `publications`, `audit_log`)
 * are not written: no case reads them.
 *
 * Region sums (`region_sums`) are summed at the end, as a rebuild sums them.
 *
 * Besides the reports: one admin user and one session that never expires, so the bench can ask
 * for unpublished (`basis=current`) figures as staff.
 *
 * Ids are assigned in order (agency `i` gets id `i + 1`; a report and its single revision share
 * one id), so the materialized `path` is known without reading back.
 */
export function writeDataset(sqlite: BetterSqlite3.Database, input: WriteInput): WriteSummary {
  const at = input.now.toISOString();
  const chunk = input.chunk ?? 2000;
  const latest = Math.max(...input.years);
  const statusRng = createRng(input.seed + 1);

  const insertAgency = sqlite.prepare(
    `INSERT INTO agencies (id, name, level, kind, scope, parent_id, region_code, path, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertReport = sqlite.prepare(
    `INSERT INTO reports (id, agency_id, year, template, status, current_revision_id, current_revision,
       published_revision_id, error_count, warning_count, submitted_at, late, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRevision = sqlite.prepare(
    `INSERT INTO report_revisions (id, report_id, number, document, findings, changes, change_count,
       error_count, warning_count, author, note, created_at)
     VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
  );
  const insertCells = sqlite.prepare(
    `INSERT INTO section3_cells (revision_id, row_key, ${SECTION3_CELL_COLUMNS.join(", ")})
     VALUES (?, ?, ${SECTION3_CELL_COLUMNS.map(() => "?").join(", ")})`,
  );
  const insertTotals = sqlite.prepare(
    `INSERT INTO section3_totals (revision_id, ${SECTION3_TOTAL_COLUMNS.join(", ")})
     VALUES (?, ${SECTION3_TOTAL_COLUMNS.map(() => "?").join(", ")})`,
  );
  const insertFigure = sqlite.prepare(
    `INSERT INTO figure_values (revision_id, figure, value) VALUES (?, ?, ?)`,
  );

  const ids = new Map<string, { id: number; path: string }>();
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO users (id, email, name, role, agency_id, region_agency_id, password_hash, active, created_at)
         VALUES (?, ?, ?, 'admin', NULL, NULL, NULL, 1, ?)`,
      )
      .run(BENCH_ADMIN.id, BENCH_ADMIN.email, BENCH_ADMIN.name, at);
    sqlite
      .prepare(
        `INSERT INTO sessions (id_hash, user_id, created_at, expires_at, revoked_at, address, user_agent)
         VALUES (?, ?, ?, ?, NULL, '127.0.0.1', 'nianbao bench')`,
      )
      .run(input.session.idHash, BENCH_ADMIN.id, at, SESSION_EXPIRES_AT);
    input.agencies.forEach((agency, i) => {
      const id = i + 1;
      const parent = agency.parentKey === null ? null : ids.get(agency.parentKey);
      if (parent === undefined) throw new Error(`agency ${agency.key} comes before its parent`);
      const path = `${parent?.path ?? "/"}${id}/`;
      ids.set(agency.key, { id, path });
      insertAgency.run(
        id,
        agency.name,
        agency.level,
        agency.kind,
        agency.scope,
        parent?.id ?? null,
        agency.regionCode,
        path,
        at,
        at,
      );
    });
  })();

  const writeReport = (
    id: number,
    agency: SyntheticAgency,
    document: ReportDocument,
    previous: ReportDocument | undefined,
    status: ReportStatus,
  ) => {
    const findings = checkReport(document, {
      previous,
      agency: { level: agency.level, kind: agency.kind },
    });
    const errors = findings.filter((f) => f.severity === "error").length;
    const warnings = findings.length - errors;
    // A first revision records no changes (`saveReport`: it is the report's creation).
    const changes: unknown[] = [];
    // `moveReport` stamps a submission (also of reports later returned or approved) and judges
    // it against the year's deadline, which nothing in this dataset overrides.
    const submitted = status !== "draft";
    const late = submitted && isLate(defaultDeadline(document.year), agency.kind, input.now);
    insertReport.run(
      id,
      ids.get(agency.key)!.id,
      document.year,
      document.template,
      status,
      id,
      status === "approved" ? id : null,
      errors,
      warnings,
      submitted ? at : null,
      late ? 1 : 0,
      at,
      at,
    );
    insertRevision.run(
      id,
      id,
      JSON.stringify(document),
      JSON.stringify(findings),
      JSON.stringify(changes),
      changes.length,
      errors,
      warnings,
      AUTHOR,
      at,
    );
    const cells = documentCells(document);
    for (const [rowKey, ...values] of cells.section3) {
      insertCells.run(id, rowKey, ...SECTION3_CELL_COLUMNS.map((_, c) => values[c] ?? null));
    }
    const totals = documentTotals(document);
    if (totals) insertTotals.run(id, ...totals);
    for (const [figure, value] of cells.figures) insertFigure.run(id, figure, value);
  };

  let reports = 0;
  let published = 0;
  let pending: (() => void)[] = [];
  const flush = sqlite.transaction(() => {
    for (const write of pending) write();
  });
  const commit = () => {
    flush();
    pending = [];
    input.progress?.(reports);
  };

  // One agency at a time, each after the agencies its whole-region report sums: the same reports
  // as one call over all agencies, without holding 100,000 documents in memory.
  for (const { agency, reports: generated } of generateReportsBottomUp(
    input.agencies,
    input.years,
    input.seed,
  )) {
    generated.forEach((report, i) => {
      const before = generated[i - 1];
      const previous = before?.year === report.year - 1 ? before.document : undefined;
      let status: ReportStatus = "approved";
      if (report.year === latest) {
        const roll = statusRng.float();
        status =
          roll < 0.55 ? "approved" : roll < 0.75 ? "submitted" : roll < 0.85 ? "returned" : "draft";
      }
      const id = ++reports;
      if (status === "approved") published++;
      pending.push(() => writeReport(id, agency, report.document, previous, status));
    });
    if (pending.length >= chunk) commit();
  }
  if (pending.length > 0) commit();
  // The Worker keeps region sums as it saves and approves; written in bulk, they are summed
  // once at the end by the same statements a rebuild uses.
  sqlite.transaction(() => {
    for (const statement of rebuildRegionSums()) {
      const query = dialect.sqlToQuery(statement);
      sqlite.prepare(query.sql).run(...query.params);
    }
  })();
  return { agencies: input.agencies.length, reports, published };
}
