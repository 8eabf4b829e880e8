import type { AgencyRow } from "../db/queries/agencies";
import type { ReportRow, RevisionRow, StoredRevision } from "../db/queries/reports";

/** API shapes: snake_case like the canonical document, built from database rows. */
export const presentAgency = (a: AgencyRow) => ({
  id: a.id,
  name: a.name,
  level: a.level,
  kind: a.kind,
  scope: a.scope,
  parent_id: a.parentId,
  region_code: a.regionCode,
  path: a.path,
  created_at: a.createdAt,
  updated_at: a.updatedAt,
});

/**
 * A report's state. Those who may not read drafts see only that it is published: the status,
 * revision and findings counts of an unpublished revision are not theirs to know.
 */
export const presentReport = (r: ReportRow, withDraft = true) => ({
  id: r.id,
  agency_id: r.agencyId,
  year: r.year,
  template: r.template,
  status: withDraft ? r.status : "approved",
  revision: withDraft ? r.currentRevision : null,
  published: r.publishedRevisionId !== null,
  error_count: withDraft ? r.errorCount : null,
  warning_count: withDraft ? r.warningCount : null,
  submitted_at: r.submittedAt,
  late: r.late,
  created_at: r.createdAt,
  updated_at: withDraft ? r.updatedAt : null,
});

const presentRevision = (v: RevisionRow) => ({
  number: v.number,
  author: v.author,
  note: v.note,
  created_at: v.createdAt,
  change_count: v.changeCount,
  error_count: v.errorCount,
  warning_count: v.warningCount,
});

/** A revision with the report it belongs to; a published revision shown as such. */
export const presentStored = (s: StoredRevision) => ({
  report: {
    ...presentReport(s.report, s.revision.id === s.report.currentRevisionId),
    published_revision: s.publishedNumber ?? null,
  },
  revision: presentRevision(s.revision),
  document: s.document,
  findings: s.findings,
});
