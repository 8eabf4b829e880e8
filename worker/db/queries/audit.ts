import { and, desc, eq, gte, sql, type SQL } from "drizzle-orm";
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
  // `_` and `%` are LIKE's wildcards: escaped (SQLite needs the ESCAPE clause to honour `\`),
  // so the filter is a plain prefix: `auth.login_` does not match `auth.logins`.
  if (filter.action)
    conditions.push(
      sql`${auditLog.action} LIKE ${`${filter.action.replace(/[%_\\]/g, "\\$&")}%`} ESCAPE '\\'`,
    );
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

/** The kinds of record an audit target names (`user:12`, `agency:3/year:2024`, `token:5`). */
const NAMED_TARGET = /^(user|agency|token):(\d+)(?:\/|$)/;

/** `agency:3/year:2024` → `agency:3`; a target naming no record (`year:2024`) → null. */
export function targetRecord(target: string | null): string | null {
  const match = target ? NAMED_TARGET.exec(target) : null;
  return match ? `${match[1]}:${match[2]}` : null;
}

/**
 * The names of the users, agencies and API tokens that audit entries are about, by record
 * (`user:12` → 王某), read in one statement; a deleted record has none.
 */
export async function targetNames(
  db: Database,
  targets: (string | null)[],
): Promise<Map<string, string>> {
  const ids = { user: new Set<number>(), agency: new Set<number>(), token: new Set<number>() };
  for (const target of targets) {
    const record = targetRecord(target);
    if (!record) continue;
    const [kind, id] = record.split(":") as [keyof typeof ids, string];
    ids[kind].add(Number(id));
  }
  if (ids.user.size + ids.agency.size + ids.token.size === 0) return new Map();
  const list = (set: Set<number>) => JSON.stringify([...set]);
  const rows = await db.all<{ record: string; name: string }>(sql`
    SELECT 'user:' || id AS record, name FROM users
     WHERE id IN (SELECT value FROM json_each(${list(ids.user)}))
    UNION ALL
    SELECT 'agency:' || id, name FROM agencies
     WHERE id IN (SELECT value FROM json_each(${list(ids.agency)}))
    UNION ALL
    SELECT 'token:' || id, name FROM api_tokens
     WHERE id IN (SELECT value FROM json_each(${list(ids.token)}))`);
  return new Map(rows.map((row) => [row.record, row.name]));
}
