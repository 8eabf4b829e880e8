/**
 * What an embed is about, named and delimited: an agency, or a region (its government's subtree,
 * or a region-code prefix no government carries). The subject's reports are given as a condition
 * on `agencies` (`within`), for the statements that read its figures.
 */

import { sql, type SQL } from "drizzle-orm";
import { runBatch } from "../batch";
import type { Database } from "../client";
import { agencyYearsStatement, readAgencyYears, type YearFigures } from "./public-figures";

/** One agency's reports. */
export const withinAgency = (agencyId: number): SQL => sql`agencies.id = ${agencyId}`;

/** The reports of one scope in a government's subtree, or under a region-code prefix. */
export function withinRegion(
  region: { government: number } | { code: string },
  scope: "self" | "region",
): SQL {
  const inRegion =
    "government" in region
      ? sql`agencies.path >= (SELECT path FROM agencies WHERE id = ${region.government})
          AND agencies.path < (SELECT path FROM agencies WHERE id = ${region.government}) || ${"\uffff"}`
      : sql`agencies.region_code >= ${region.code} AND agencies.region_code < ${region.code + "\uffff"}`;
  return sql`${inRegion} AND agencies.scope = ${scope}`;
}

/**
 * An agency, its newest publication and the figures an embed will ask for, in one round trip:
 * an uncached embed is mostly round trips. Undefined when there is no such agency.
 */
export async function readAgencySubject(
  db: Database,
  agencyId: number,
  expected: { figures: string[]; years: number[] },
): Promise<
  { agency: { id: number; name: string }; newest: string | null; known: YearFigures[] } | undefined
> {
  const [found, newest, figures] = await runBatch(db, [
    sql`SELECT id, name FROM agencies WHERE id = ${agencyId}`,
    newestPublicationStatement(withinAgency(agencyId), null),
    agencyYearsStatement(agencyId, expected.figures, expected.years),
  ]);
  const agency = found?.results[0] as { id: number; name: string } | undefined;
  if (!agency) return undefined;
  return {
    agency,
    newest: (newest?.results[0] as { at: string | null } | undefined)?.at ?? null,
    known: readAgencyYears(figures, agency.id, expected.figures),
  };
}

/** The government that carries a region code (padded to six digits): the topmost, if several. */
export function regionGovernment(db: Database, region: string) {
  return db.get<{ id: number; name: string }>(sql`
    SELECT id, name FROM agencies
    WHERE region_code = ${region.padEnd(6, "0")} AND kind = 'government'
    ORDER BY length(path) LIMIT 1`);
}

/** Whether any agency's region code starts with this prefix. */
export async function anyAgencyInRegion(db: Database, region: string): Promise<boolean> {
  const any = await db.get(sql`SELECT 1 AS found FROM agencies
      WHERE region_code >= ${region} AND region_code < ${region + "\uffff"} LIMIT 1`);
  return Boolean(any);
}

/** When the newest of these reports was published (at or before a pinned version). */
export async function newestPublication(
  db: Database,
  within: SQL,
  pinned: number | null,
): Promise<string | null> {
  const row = await db.get<{ at: string | null }>(newestPublicationStatement(within, pinned));
  return row?.at ?? null;
}

function newestPublicationStatement(within: SQL, pinned: number | null) {
  return sql`
    SELECT MAX(p.published_at) AS at FROM agencies
    CROSS JOIN reports ON reports.agency_id = agencies.id
    CROSS JOIN publications p ON p.report_id = reports.id
    WHERE ${within} ${pinned === null ? sql`` : sql`AND p.id <= ${pinned}`}`;
}
