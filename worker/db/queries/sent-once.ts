/**
 * `sent_once`: what the daily job and 催报 have sent, by a key naming it. A message is claimed
 * before it is sent, so a rerun, a retried cron or two overlapping runs never send it twice.
 */

import { sql } from "drizzle-orm";
import type { Database } from "../client";

const HIGH = "\uffff";

/** Claims a message; false when it was claimed (sent) before. */
export async function claimOnce(db: Database, key: string, now: Date): Promise<boolean> {
  const rows = await db.all<{ key: string }>(sql`
    INSERT INTO sent_once (key, sent_at) VALUES (${key}, ${now.toISOString()})
    ON CONFLICT (key) DO NOTHING RETURNING key`);
  return rows.length > 0;
}

/** The keys starting with `prefix`, read by range so the primary key serves it. */
export async function sentKeysWithPrefix(db: Database, prefix: string): Promise<string[]> {
  const rows = await db.all<{ key: string }>(
    sql`SELECT key FROM sent_once WHERE key >= ${prefix} AND key < ${prefix + HIGH}`,
  );
  return rows.map((r) => r.key);
}
