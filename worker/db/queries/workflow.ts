import { sql, type SQL } from "drizzle-orm";
import { failedOn, runBatch } from "../batch";
import type { Database } from "../client";
import type { ReportStatus } from "../schema";
import type { AuditEntry } from "./audit";
import { changeRegionSums } from "./region-sums";
import { dropUnusedCells } from "./reports";

export type Transition = "submit" | "return" | "approve";

const FROM: Record<Transition, ReportStatus[]> = {
  submit: ["draft", "returned"],
  return: ["submitted"],
  approve: ["submitted"],
};

const TO: Record<Transition, ReportStatus> = {
  submit: "submitted",
  return: "returned",
  approve: "approved",
};

export const allowedFrom = (transition: Transition) => FROM[transition];

export interface TransitionInput {
  reportId: number;
  /** The revision the actor looked at; the move fails if the report has moved on. */
  revision: number;
  transition: Transition;
  actorName: string;
  message: string | null;
  comments: unknown[];
  explanations: unknown[];
  late?: boolean;
  /** For approvals: why the correction was made, and what changed since the last publication. */
  publication?: { reason: string | null; changes: unknown[]; previousRevisionId: number | null };
  audit: AuditEntry;
  now: Date;
}

/**
 * Moves a report along the workflow and records the review event, the audit entry and, for
 * an approval, the publication — in one transaction, and only if the report is still as the
 * mover read it: at `revision`, in a status the transition leaves from and, for an approval,
 * with the published revision `publication.previousRevisionId` (what the publication's
 * changes and the withdrawn sums were computed from). Returns false, having written nothing,
 * when it is not.
 *
 * The guard is the review event, the batch's first statement: its `report_id` is a subquery
 * that finds the report only in that state, else NULL, and the NOT NULL constraint then fails
 * the statement and D1 rolls the whole batch back. An error rather than `changes()` chained
 * through every later statement: no statement can forget it, and each is written as if the
 * move has happened.
 */
export async function transitionReport(db: Database, input: TransitionInput): Promise<boolean> {
  const at = input.now.toISOString();
  const to = TO[input.transition];
  const from = sql.join(
    FROM[input.transition].map((s) => sql`${s}`),
    sql`, `,
  );
  const published = input.publication
    ? sql`AND published_revision_id IS ${input.publication.previousRevisionId}`
    : sql``;
  const guardedReportId = sql`(SELECT id FROM reports
      WHERE id = ${input.reportId} AND current_revision = ${input.revision} AND status IN (${from}) ${published})`;
  const extra =
    input.transition === "submit"
      ? sql`, submitted_at = ${at}, late = ${input.late ? 1 : 0}`
      : input.transition === "approve"
        ? sql`, published_revision_id = current_revision_id`
        : sql``;
  const statements = [
    sql`INSERT INTO review_events (report_id, revision, action, actor_name, message, comments, explanations, created_at)
        VALUES (${guardedReportId}, ${input.revision}, ${input.transition}, ${input.actorName}, ${input.message},
               ${JSON.stringify(input.comments)}, ${JSON.stringify(input.explanations)}, ${at})`,
    sql`UPDATE reports SET status = ${to}, updated_at = ${at} ${extra} WHERE id = ${input.reportId}`,
    sql`INSERT INTO audit_log (at, actor_kind, actor_id, actor_name, action, target, address, detail)
        VALUES (${at}, ${input.audit.actorKind}, ${input.audit.actorId}, ${input.audit.actorName},
               ${input.audit.action}, ${input.audit.target}, ${input.audit.address},
               ${JSON.stringify(input.audit.detail ?? null)})`,
  ];
  if (input.publication) {
    const previous = input.publication.previousRevisionId;
    statements.push(
      sql`INSERT INTO publications (report_id, revision, published_at, reason, changes)
          VALUES (${input.reportId}, ${input.revision}, ${at}, ${input.publication.reason},
                 ${JSON.stringify(input.publication.changes)})`,
      // The region's published sums: the approved revision in, the one it replaces out.
      changeRegionSums({
        from: sql`(SELECT agency_id FROM reports WHERE id = ${input.reportId})`,
        basis: "published",
        sources: publishedSources(input.reportId, previous),
      }),
    );
    // The figures of the revision that is no longer published are not needed for sums.
    if (previous !== null) statements.push(...dropUnusedCells(previous));
  }
  try {
    await runBatch(db, statements);
    return true;
  } catch (error) {
    if (failedOn(error, "NOT NULL constraint failed: review_events.report_id")) return false;
    throw error;
  }
}

/** The approved revision added and the previously published one withdrawn. */
function publishedSources(reportId: number, previous: number | null) {
  const of = (revision: SQL | number, sign: 1 | -1) =>
    sql`SELECT r.year, a.scope, ${revision}, ${sign}
        FROM reports r JOIN agencies a ON a.id = r.agency_id
        WHERE r.id = ${reportId}`;
  const added = of(sql`r.published_revision_id`, 1);
  return previous === null ? added : sql`${added} UNION ALL ${of(previous, -1)}`;
}
