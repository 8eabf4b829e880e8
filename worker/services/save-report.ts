import type { SQL } from "drizzle-orm";
import type { Database } from "../db/client";
import type { AgencyRow } from "../db/queries/agencies";
import {
  appendRevision,
  loadCurrent,
  loadCurrentOfYears,
  type NewRevision,
  type StoredRevision,
} from "../db/queries/reports";
import { diffDocuments } from "../report/diff";
import type { ReportDocument } from "../report/document";
import { checkReport } from "../report/rules";
import { ApiError } from "../http/errors";
import type { RevisionSource } from "../report/revision-sources";

export interface SaveRequest {
  agency: AgencyRow;
  year: number;
  baseRevision: number;
  document: ReportDocument;
  author: string;
  note: string | null;
  /** What made the save (an import, its undo); none for typing. */
  source?: RevisionSource | null;
  now: Date;
  /**
   * The agency's report of the year and of the year before, if the caller has read them
   * already (with the agency, in one round trip): the first attempt plans on them.
   */
  read?: Map<number, StoredRevision>;
  /** A statement to write with the revision (its audit record), given what is saved. */
  record?: (saved: { revision: number; changes: number }) => SQL;
}

export type SaveOutcome =
  | { kind: "saved"; stored: StoredRevision; created: boolean }
  | { kind: "unchanged"; stored: StoredRevision }
  | { kind: "conflict"; current: StoredRevision | null };

/** A save that may go ahead: the revision to append, built on the report as it was read. */
export interface SavePlan {
  kind: "planned";
  revision: NewRevision;
  created: boolean;
}

/**
 * Checks the document against the rules (with last year's report as context), records
 * what changed against the revision it edits, and appends it as a new revision. A report
 * that breaks hard rules is still stored, with its findings: published reports do. A report
 * under review is locked; a published one may be corrected, with a reason, and the
 * correction goes through review again while the published revision stays public.
 *
 * The checks run on a reading taken before the write; the write lands only if the report is
 * still as read (`appendRevision`). If it is not — a submission or an approval came in
 * between — the save is planned once more on what is there now, so that it ends as the same
 * request sent afterwards would: refused (409 stale or locked, 400 without a reason) or saved.
 */
export async function saveReport(db: Database, request: SaveRequest): Promise<SaveOutcome> {
  for (let attempt = 1; ; attempt++) {
    const plan = await planSave(db, attempt === 1 ? request : { ...request, read: undefined });
    if (plan.kind !== "planned") return plan;
    const outcome = await executeSave(db, plan);
    if (outcome.kind !== "conflict" || attempt === 2) return outcome;
  }
}

/** The checks of a save on the report as it is now, and the revision it would append. */
export async function planSave(
  db: Database,
  request: SaveRequest,
): Promise<SavePlan | Exclude<SaveOutcome, { kind: "saved" }>> {
  const { agency, year, document } = request;
  // This year's report and last year's (the rules' context) in one round trip.
  const found = request.read ?? (await loadCurrentOfYears(db, agency.id, [year, year - 1]));
  const current = found.get(year) ?? null;
  const previousYear = found.get(year - 1);
  const currentNumber = current?.revision.number ?? 0;
  if (request.baseRevision !== currentNumber) return { kind: "conflict", current };
  if (current?.report.status === "submitted") {
    throw new ApiError(
      409,
      "report_locked",
      "报告已提交审核，审核完成（退回或通过）前不能修改",
      "The report is under review and cannot be edited until it is returned or approved",
    );
  }
  if (current?.report.publishedRevisionId && !request.note?.trim()) {
    throw new ApiError(
      400,
      "reason_required",
      "更正已公开的报告须填写更正原因（note）",
      "Correcting a published report needs a reason (note)",
      {},
      [
        {
          path: "note",
          code: "reason_required",
          message: "请填写更正原因",
          message_en: "A reason is required",
        },
      ],
    );
  }

  // A first revision's "changes" would be the whole document again; it is recorded as created.
  const changes = current ? diffDocuments(current.document, document) : [];
  if (current && changes.length === 0) return { kind: "unchanged", stored: current };

  const findings = checkReport(document, {
    previous: previousYear?.document,
    agency: { level: agency.level, kind: agency.kind, name: agency.name },
  });
  return {
    kind: "planned",
    created: !current,
    revision: {
      agencyId: agency.id,
      year,
      base: {
        number: currentNumber,
        revisionId: current?.revision.id ?? null,
        publishedRevisionId: current?.report.publishedRevisionId ?? null,
      },
      document,
      findings,
      changes,
      author: request.author,
      note: request.note,
      source: request.source ?? null,
      now: request.now,
      alongside: request.record
        ? [request.record({ revision: currentNumber + 1, changes: changes.length })]
        : [],
    },
  };
}

/**
 * Writes a planned save; a conflict if the report is no longer as the plan read it, with the
 * report as it is now (the one case that reads it again).
 */
export async function executeSave(db: Database, plan: SavePlan): Promise<SaveOutcome> {
  const outcome = await appendRevision(db, plan.revision);
  if (outcome === "conflict") {
    return {
      kind: "conflict",
      current: await loadCurrent(db, plan.revision.agencyId, plan.revision.year),
    };
  }
  return { kind: "saved", stored: outcome, created: plan.created };
}
