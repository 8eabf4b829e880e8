import { diffDocuments } from "../report/diff";
import type { Finding } from "../report/rules";
import { STATUS_LABELS } from "../report/vocabulary";
import type { Database } from "../db/client";
import type { AuditEntry } from "../db/queries/audit";
import type { AgencyRow } from "../db/queries/agencies";
import { deadlineFor, isLate } from "../db/queries/deadlines";
import { loadCurrent, loadCurrentAndPublished, type StoredRevision } from "../db/queries/reports";
import {
  allowedFrom,
  transitionReport,
  type Transition,
  type TransitionInput,
} from "../db/queries/workflow";
import { forgetDataVersion } from "../db/data-version-memo";
import { ApiError } from "../http/errors";
import type { RuleExplanation as Explanation } from "../report/rule-explanation";

export interface TransitionRequest {
  agency: AgencyRow;
  year: number;
  revision: number;
  transition: Transition;
  actorName: string;
  message: string | null;
  comments: { path: string; text: string }[];
  explanations: Explanation[];
  audit: AuditEntry;
  now: Date;
}

/**
 * Submit, return or approve. A submission whose revision breaks a hard rule needs an
 * explanation for each failing rule (published reports do break rules; the explanation travels
 * with the data). An approval publishes the revision and records what changed since the last
 * publication, with the correction's reason.
 *
 * The checks run on a reading taken before the write; the write lands only if the report is
 * still as read (`transitionReport`). If it is not, the move is planned once more on what is
 * there now and so fails as the same request sent afterwards would (409: stale revision or a
 * status the move does not leave from), or goes ahead.
 */
export async function moveReport(
  db: Database,
  request: TransitionRequest,
): Promise<StoredRevision> {
  for (let attempt = 1; ; attempt++) {
    const moved = await transitionReport(db, await planMove(db, request));
    if (moved && request.transition === "approve") forgetDataVersion();
    if (!moved && attempt === 1) continue;
    const after = (await loadCurrent(db, request.agency.id, request.year))!;
    if (!moved) throw staleRevision(request.revision, after.revision.number);
    return after;
  }
}

/** The checks of a move on the report as it is now, and the transition to write. */
export async function planMove(db: Database, request: TransitionRequest): Promise<TransitionInput> {
  // An approval also needs the published revision (what the publication changes): both in one
  // round trip.
  const { current, published } = await loadCurrentAndPublished(
    db,
    request.agency.id,
    request.year,
    request.transition === "approve",
  );
  if (!current) throw new ApiError(404, "not_found", "报告不存在", "Report not found");
  const { report, revision } = current;
  if (revision.number !== request.revision) throw staleRevision(request.revision, revision.number);
  if (!allowedFrom(request.transition).includes(report.status)) {
    throw new ApiError(
      409,
      "invalid_transition",
      `报告当前状态为「${STATUS_LABELS[report.status].zh}」，不能${TRANSITION_ZH[request.transition]}`,
      `A report that is ${report.status} cannot be ${TRANSITION_EN[request.transition]}`,
    );
  }
  if (request.transition === "submit") requireExplanations(current.findings, request.explanations);

  let publication;
  if (request.transition === "approve") {
    publication = {
      reason: published ? revision.note : null,
      changes: published ? diffDocuments(published.document, current.document) : [],
      previousRevisionId: report.publishedRevisionId,
    };
  }
  const late =
    request.transition === "submit"
      ? isLate(await deadlineFor(db, request.year), request.agency.kind, request.now)
      : undefined;
  return {
    reportId: report.id,
    revision: request.revision,
    transition: request.transition,
    actorName: request.actorName,
    message: request.message,
    comments: request.comments,
    explanations: request.explanations,
    late,
    publication,
    audit: request.audit,
    now: request.now,
  };
}

function requireExplanations(findings: Finding[], explanations: Explanation[]) {
  const explained = new Set(explanations.filter((e) => e.text.trim()).map((e) => e.rule));
  const missing = [
    ...new Set(findings.filter((f) => f.severity === "error").map((f) => f.rule)),
  ].filter((rule) => !explained.has(rule));
  if (missing.length === 0) return;
  throw new ApiError(
    400,
    "explanation_required",
    `报告未通过勾稽检查（${missing.join("、")}），提交前须逐条说明原因`,
    `The report breaks hard rules (${missing.join(", ")}); explain each before submitting`,
    {},
    missing.map((rule) => ({
      path: `explanations.${rule}`,
      code: "explanation_required",
      message: `请说明未通过 ${rule} 的原因`,
      message_en: `Explain why ${rule} fails`,
    })),
  );
}

const staleRevision = (edited: number, current: number) =>
  new ApiError(
    409,
    "stale_revision",
    `报告已更新：您操作的是第 ${edited} 版，当前为第 ${current} 版`,
    `The report has changed: you acted on revision ${edited}, the current one is ${current}`,
  );

const TRANSITION_ZH = { submit: "提交", return: "退回", approve: "通过" } as const;
const TRANSITION_EN = { submit: "submitted", return: "returned", approve: "approved" } as const;
