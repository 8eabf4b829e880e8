/**
 * Reports as published at a data version (`pinned`, a publication id): only current and
 * published revisions keep their figures in the cell tables, so these read the revisions'
 * documents. `within` is a condition on `agencies`.
 */

import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";

/** The document a report's publication at or before `pinned` carries (null: none yet). */
const publishedAt = (pinned: number) => sql`
  (SELECT rv.document FROM publications p
     JOIN report_revisions rv ON rv.report_id = p.report_id AND rv.number = p.revision
    WHERE p.report_id = reports.id AND p.id <= ${pinned}
    ORDER BY p.id DESC LIMIT 1)`;

/** The reports among `within` published again (or first) after `pinned`: documents now and then. */
export function changedSinceDocuments(db: Database, pinned: number, within: SQL, years: number[]) {
  return db.all<{
    agency_id: number;
    year: number;
    now_document: string;
    then_document: string | null;
  }>(sql`
    SELECT reports.agency_id, reports.year, now.document AS now_document,
           ${publishedAt(pinned)} AS then_document
    FROM reports
    CROSS JOIN agencies ON agencies.id = reports.agency_id
    CROSS JOIN report_revisions now ON now.id = reports.published_revision_id
    WHERE reports.id IN (SELECT report_id FROM publications WHERE id > ${pinned})
      AND ${within}
      AND reports.year IN (SELECT value FROM json_each(${JSON.stringify(years)}))`);
}

/** The whole-region reports among `within` published at or before `pinned`, by path. */
export function regionReportsPublishedBy(
  db: Database,
  pinned: number,
  within: SQL,
  years: number[],
) {
  return db.all<{ report_id: number; path: string; year: number }>(sql`
    SELECT reports.id AS report_id, agencies.path, reports.year
    FROM agencies CROSS JOIN reports ON reports.agency_id = agencies.id
    WHERE ${within} AND agencies.scope = 'region'
      AND reports.year IN (SELECT value FROM json_each(${JSON.stringify(years)}))
      AND EXISTS (SELECT 1 FROM publications p WHERE p.report_id = reports.id AND p.id <= ${pinned})
    ORDER BY agencies.path`);
}

/** These reports' documents as published at `pinned`, with their years. */
export function documentsPublishedAt(db: Database, pinned: number, reportIds: number[]) {
  return db.all<{ year: number; document: string }>(sql`
    SELECT reports.year, ${publishedAt(pinned)} AS document
    FROM reports WHERE reports.id IN (SELECT value FROM json_each(${JSON.stringify(reportIds)}))`);
}
