import { sql, type SQL } from "drizzle-orm";
import { runBatch } from "../batch";
import type { Database } from "../client";
import type { ReportStatus } from "../schema";
import type { AuditEntry } from "./audit";
import { changeRegionSums } from "./region-sums";

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
 * an approval, the publication — in one transaction. The status change is conditional on
 * the revision and the current status; each later statement runs only if the one before it
 * changed a row (`changes()`), so a refused move leaves no trace but its refusal.
 */
export async function transitionReport(db: Database, input: TransitionInput): Promise<boolean> {
  const at = input.now.toISOString();
  const to = TO[input.transition];
  const from = sql.join(
    FROM[input.transition].map((s) => sql`${s}`),
    sql`, `,
  );
  const extra =
    input.transition === "submit"
      ? sql`, submitted_at = ${at}, late = ${input.late ? 1 : 0}`
      : input.transition === "approve"
        ? sql`, published_revision_id = current_revision_id`
        : sql``;
  const statements = [
    sql`UPDATE reports SET status = ${to}, updated_at = ${at} ${extra}
        WHERE id = ${input.reportId} AND current_revision = ${input.revision} AND status IN (${from})`,
    sql`INSERT INTO review_events (report_id, revision, action, actor_name, message, comments, explanations, created_at)
        SELECT ${input.reportId}, ${input.revision}, ${input.transition}, ${input.actorName}, ${input.message},
               ${JSON.stringify(input.comments)}, ${JSON.stringify(input.explanations)}, ${at}
        WHERE changes() = 1`,
    sql`INSERT INTO audit_log (at, actor_kind, actor_id, actor_name, action, target, address, detail)
        SELECT ${at}, ${input.audit.actorKind}, ${input.audit.actorId}, ${input.audit.actorName},
               ${input.audit.action}, ${input.audit.target}, ${input.audit.address},
               ${JSON.stringify(input.audit.detail ?? null)}
        WHERE changes() = 1`,
  ];
  if (input.publication) {
    const previous = input.publication.previousRevisionId;
    statements.push(
      sql`INSERT INTO publications (report_id, revision, published_at, reason, changes)
          SELECT ${input.reportId}, ${input.revision}, ${at}, ${input.publication.reason},
                 ${JSON.stringify(input.publication.changes)}
          WHERE changes() = 1`,
      // The region's published sums: the approved revision in, the one it replaces out.
      changeRegionSums({
        from: sql`(SELECT agency_id FROM reports WHERE id = ${input.reportId})`,
        basis: "published",
        sources: publishedSources(input.reportId, previous),
      }),
    );
    if (previous !== null) {
      // The figures of the revision that is no longer published are not needed for sums.
      const stillUsed = sql`(SELECT ${previous} IN (current_revision_id, published_revision_id) FROM reports WHERE id = ${input.reportId})`;
      statements.push(
        sql`DELETE FROM section3_cells WHERE revision_id = ${previous} AND NOT ${stillUsed}`,
        sql`DELETE FROM section3_totals WHERE revision_id = ${previous} AND NOT ${stillUsed}`,
        sql`DELETE FROM figure_values WHERE revision_id = ${previous} AND NOT ${stillUsed}`,
      );
    }
  }
  const [update] = await runBatch(db, statements);
  return update?.meta.changes === 1;
}

/**
 * The approved revision added and the previously published one withdrawn — only when the
 * publication was recorded, i.e. the approval went through (`changes()` of that insert).
 */
function publishedSources(reportId: number, previous: number | null) {
  const of = (revision: SQL | number, sign: 1 | -1) =>
    sql`SELECT r.year, a.scope, ${revision}, ${sign}
        FROM reports r JOIN agencies a ON a.id = r.agency_id
        WHERE r.id = ${reportId} AND changes() = 1`;
  const added = of(sql`r.published_revision_id`, 1);
  return previous === null ? added : sql`${added} UNION ALL ${of(previous, -1)}`;
}
