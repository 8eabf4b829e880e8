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
