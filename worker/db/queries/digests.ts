import { sql } from "drizzle-orm";
import type { Database } from "../client";

/** A digest's reader with the submitted reports waiting for them, and the oldest's date. */
export interface DigestReader {
  id: number;
  name: string;
  email: string;
  waiting: number;
  oldest: string;
  /** E-mail turned off for digests (1) or not (0). */
  emailOff: number;
}

/** Each active reviewer with submitted reports waiting in their region. */
export const reviewersWithWaiting = (db: Database) =>
  db.all<DigestReader>(sql`
    SELECT u.id, u.name, u.email, COUNT(r.id) AS waiting, MIN(r.submitted_at) AS oldest,
           EXISTS (SELECT 1 FROM email_opt_outs AS o
                    WHERE o.user_id = u.id AND o.kind = 'review_digest') AS emailOff
      FROM users AS u
      JOIN agencies AS region ON region.id = u.region_agency_id
      JOIN agencies AS a ON substr(a.path, 1, length(region.path)) = region.path
      JOIN reports AS r ON r.agency_id = a.id AND r.status = 'submitted'
     WHERE u.role = 'reviewer' AND u.active = 1
     GROUP BY u.id ORDER BY u.id`);

/** Each active administrator, with every submitted report waiting nationwide (none: no rows). */
export const adminsWithWaiting = (db: Database) =>
  db.all<DigestReader>(sql`
    SELECT u.id, u.name, u.email, w.waiting, w.oldest,
           EXISTS (SELECT 1 FROM email_opt_outs AS o
                    WHERE o.user_id = u.id AND o.kind = 'review_digest') AS emailOff
      FROM users AS u,
           (SELECT COUNT(*) AS waiting, MIN(submitted_at) AS oldest
              FROM reports WHERE status = 'submitted') AS w
     WHERE u.role = 'admin' AND u.active = 1 AND w.waiting > 0
     ORDER BY u.id`);
