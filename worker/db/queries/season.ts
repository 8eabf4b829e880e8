import { sql } from "drizzle-orm";
import type { Database } from "../client";

/** The reporting years with published reports, newest first, and how many each has. */
export const publishedYears = (db: Database) =>
  db.all<{ year: number; published: number }>(sql`
    SELECT year, COUNT(*) AS published FROM reports
     WHERE published_revision_id IS NOT NULL
     GROUP BY year ORDER BY year DESC`);

/**
 * The open season: the newest year an administrator has set deadlines for, once that year has
 * begun (a year is reported on after it, so a later one cannot be open yet).
 */
export const openSeason = (db: Database, now: Date) =>
  db.get<
    { year: number; department_deadline: string; government_deadline: string } | undefined
  >(sql`
    SELECT year, department_deadline, government_deadline FROM deadlines
     WHERE year <= ${now.getUTCFullYear()}
     ORDER BY year DESC LIMIT 1`);

/** The top-level government whose region holds the most agencies: where a national view starts. */
export const largestRegion = (db: Database) =>
  db.get<{ id: number; name: string } | undefined>(sql`
    SELECT root.id, root.name FROM agencies AS root
      JOIN agencies AS member
        ON member.path >= root.path AND member.path < root.path || ${"\uffff"}
     WHERE root.parent_id IS NULL AND root.kind = 'government'
     GROUP BY root.id ORDER BY COUNT(*) DESC, root.id LIMIT 1`);
