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

export const presentReport = (r: ReportRow) => ({
  id: r.id,
  agency_id: r.agencyId,
  year: r.year,
  template: r.template,
  status: r.status,
  revision: r.currentRevision,
  published: r.publishedRevisionId !== null,
  error_count: r.errorCount,
  warning_count: r.warningCount,
  created_at: r.createdAt,
  updated_at: r.updatedAt,
});

export const presentRevision = (v: RevisionRow) => ({
  number: v.number,
  author: v.author,
  note: v.note,
  created_at: v.createdAt,
  change_count: v.changeCount,
  error_count: v.errorCount,
  warning_count: v.warningCount,
});

export const presentStored = (s: StoredRevision) => ({
  report: presentReport(s.report),
  revision: presentRevision(s.revision),
  document: s.document,
  findings: s.findings,
});
