import { and, desc, eq, gte, like, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { auditLog } from "../schema";

export interface AuditEntry {
  actorKind: string;
  actorId: number | null;
  actorName: string;
  action: string;
  target: string | null;
  address: string | null;
  detail: unknown;
}

const auditInsert = (db: Database, entry: AuditEntry, now: Date) =>
  db.insert(auditLog).values({
    ...entry,
    detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    at: now.toISOString(),
  });

export async function appendAudit(db: Database, entry: AuditEntry, now: Date) {
  await auditInsert(db, entry, now);
}

/** The audit record as a statement of a write's own batch: it lands if and only if the write does. */
export const auditStatement = (entry: AuditEntry, now: Date): SQL =>
  sql`INSERT INTO audit_log (at, actor_kind, actor_id, actor_name, action, target, address, detail)
      VALUES (${now.toISOString()}, ${entry.actorKind}, ${entry.actorId}, ${entry.actorName},
        ${entry.action}, ${entry.target}, ${entry.address},
        ${entry.detail === undefined ? null : JSON.stringify(entry.detail)})`;

export interface AuditFilter {
  action?: string;
  actor?: string;
  since?: string;
  limit: number;
  offset: number;
}

export async function listAudit(db: Database, filter: AuditFilter) {
  const conditions: SQL[] = [];
  if (filter.action)
    conditions.push(like(auditLog.action, `${filter.action.replace(/[%_\\]/g, "\\$&")}%`));
  if (filter.actor) conditions.push(eq(auditLog.actorName, filter.actor));
  if (filter.since) conditions.push(gte(auditLog.at, filter.since));
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db
      .select({ total: sql<number>`count(*)` })
      .from(auditLog)
      .where(where),
  ]);
  return { rows, total: count?.total ?? 0 };
}
