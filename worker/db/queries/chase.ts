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
 * The agencies in a subtree (its root included; every agency when `rootPath` is "") whose report
 * for the year is missing, a draft or returned: whom a 催报 or the daily reminder reaches. At most
 * `limit` (SQLite's -1: all), in path order.
 */
export const unsubmittedUnder = (db: Database, rootPath: string, year: number, limit = -1) =>
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
