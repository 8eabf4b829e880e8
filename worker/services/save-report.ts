import type { Database } from "../db/client";
import type { AgencyRow } from "../db/queries/agencies";
import { appendRevision, loadCurrent, type StoredRevision } from "../db/queries/reports";
import { diffDocuments } from "../report/diff";
import type { ReportDocument } from "../report/document";
import { checkReport } from "../report/rules";

export interface SaveRequest {
  agency: AgencyRow;
  year: number;
  baseRevision: number;
  document: ReportDocument;
  author: string;
  note: string | null;
  now: Date;
}

export type SaveOutcome =
  | { kind: "saved"; stored: StoredRevision; created: boolean }
  | { kind: "unchanged"; stored: StoredRevision }
  | { kind: "conflict"; current: StoredRevision | null };

/**
 * Checks the document against the rules (with last year's report as context), records
 * what changed against the revision it edits, and appends it as a new revision. A report
 * that breaks hard rules is still stored, with its findings: published reports do.
 */
export async function saveReport(db: Database, request: SaveRequest): Promise<SaveOutcome> {
  const { agency, year, document } = request;
  const [current, previousYear] = await Promise.all([
    loadCurrent(db, agency.id, year),
    loadCurrent(db, agency.id, year - 1),
  ]);
  const currentNumber = current?.revision.number ?? 0;
  if (request.baseRevision !== currentNumber) return { kind: "conflict", current };

  const changes = diffDocuments(current?.document ?? null, document);
  if (current && changes.length === 0) return { kind: "unchanged", stored: current };

  const findings = checkReport(document, {
    previous: previousYear?.document,
    agency: { level: agency.level, kind: agency.kind },
  });
  const outcome = await appendRevision(db, {
    agencyId: agency.id,
    year,
    baseRevision: request.baseRevision,
    document,
    findings,
    changes,
    author: request.author,
    note: request.note,
    now: request.now,
    replaces: current
      ? {
          id: current.revision.id,
          published: current.report.publishedRevisionId === current.revision.id,
        }
      : null,
  });
  const latest = await loadCurrent(db, agency.id, year);
  if (outcome === "conflict") return { kind: "conflict", current: latest };
  return { kind: "saved", stored: latest!, created: !current };
}
