import { sql } from "drizzle-orm";
import type { Database } from "../client";

const HIGH = "\uffff";

export interface Unsubmitted {
  id: number;
  name: string;
  path: string;
  kind: "government" | "department";
}

/**
 * The agencies in a subtree (its root included) whose report for the year is missing, a draft
 * or returned: whom a 催报 reaches. At most `limit`, in path order.
 */
export const unsubmittedUnder = (db: Database, rootPath: string, year: number, limit: number) =>
  db.all<Unsubmitted>(sql`
    SELECT a.id, a.name, a.path, a.kind FROM agencies AS a
      LEFT JOIN reports AS r ON r.agency_id = a.id AND r.year = ${year}
     WHERE a.path >= ${rootPath} AND a.path < ${rootPath} || ${HIGH}
       AND (r.id IS NULL OR r.status IN ('draft', 'returned'))
     ORDER BY a.path LIMIT ${limit}`);

/** An active submitter of an agency in the subtree, with their e-mail choice for 催报. */
export interface SubtreeSubmitter {
  agencyId: number;
  id: number;
  name: string;
  email: string;
  emailOff: number;
}

/** Every active submitter of the subtree's agencies, in one statement (a region may hold thousands). */
export const submittersUnder = (db: Database, rootPath: string) =>
  db.all<SubtreeSubmitter>(sql`
    SELECT u.agency_id AS agencyId, u.id, u.name, u.email, (o.user_id IS NOT NULL) AS emailOff
      FROM users AS u
      JOIN agencies AS a ON a.id = u.agency_id
      LEFT JOIN email_opt_outs AS o ON o.user_id = u.id AND o.kind = 'chase'
     WHERE u.role = 'submitter' AND u.active = 1
       AND a.path >= ${rootPath} AND a.path < ${rootPath} || ${HIGH}`);

/** The `sent_once` keys starting with `prefix`, read by range so the primary key serves it. */
export async function sentKeysWithPrefix(db: Database, prefix: string): Promise<string[]> {
  const rows = await db.all<{ key: string }>(
    sql`SELECT key FROM sent_once WHERE key >= ${prefix} AND key < ${prefix + HIGH}`,
  );
  return rows.map((r) => r.key);
}
