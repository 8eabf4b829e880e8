import { and, asc, eq, gte, like, lt, sql, type SQL } from "drizzle-orm";
import { failedOn, runBatch } from "../batch";
import { subtreeSumsAround } from "./region-sums";
import type { Database } from "../client";
import { agencies, type AgencyKind, type AgencyLevel, type AgencyScope } from "../schema";

export type AgencyRow = typeof agencies.$inferSelect;

export interface AgencyInput {
  name: string;
  level: AgencyLevel;
  kind: AgencyKind;
  scope: AgencyScope;
  parentId: number | null;
  regionCode: string;
}

export interface AgencyFilter {
  level?: AgencyLevel;
  kind?: AgencyKind;
  scope?: AgencyScope;
  parentId?: number;
  /** Region code or its significant prefix ("32" is 江苏, "3208" 淮安, "320813" 洪泽区). */
  region?: string;
  /** Every agency in the subtree of this agency, itself included. */
  under?: number;
  q?: string;
  limit: number;
  offset: number;
}

/** "320800" → "3208": the part of a 行政区划代码 that names the region. */
export function regionPrefix(code: string): string {
  let prefix = code;
  while (prefix.length > 2 && prefix.endsWith("00")) prefix = prefix.slice(0, -2);
  return prefix;
}

/** Conditions selecting a path subtree or a region-code prefix as index range scans. */
function prefixRange(column: typeof agencies.path | typeof agencies.regionCode, prefix: string) {
  return and(gte(column, prefix), lt(column, prefix + "\uffff"));
}

/**
 * The same filters in one statement: the subtree root's path is read by a subquery, saving a
 * round trip to D1 (an unknown root simply matches nothing).
 */
export function agencyConditions(
  filter: Pick<AgencyFilter, "level" | "kind" | "scope" | "region" | "under">,
): SQL[] {
  const conditions: SQL[] = [];
  if (filter.level) conditions.push(eq(agencies.level, filter.level));
  if (filter.kind) conditions.push(eq(agencies.kind, filter.kind));
  if (filter.scope) conditions.push(eq(agencies.scope, filter.scope));
  if (filter.region)
    conditions.push(prefixRange(agencies.regionCode, regionPrefix(filter.region))!);
  if (filter.under !== undefined) {
    const root = sql`(SELECT root.path FROM agencies root WHERE root.id = ${filter.under})`;
    conditions.push(
      sql`${agencies.path} >= ${root}`,
      sql`${agencies.path} < ${root} || ${"\uffff"}`,
    );
  }
  return conditions;
}

export async function subtreeConditions(
  db: Database,
  filter: Pick<AgencyFilter, "level" | "kind" | "scope" | "parentId" | "region" | "under" | "q">,
): Promise<SQL[] | null> {
  const conditions: SQL[] = [];
  if (filter.level) conditions.push(eq(agencies.level, filter.level));
  if (filter.kind) conditions.push(eq(agencies.kind, filter.kind));
  if (filter.scope) conditions.push(eq(agencies.scope, filter.scope));
  if (filter.parentId !== undefined) conditions.push(eq(agencies.parentId, filter.parentId));
  if (filter.region)
    conditions.push(prefixRange(agencies.regionCode, regionPrefix(filter.region))!);
  if (filter.q) conditions.push(like(agencies.name, `%${filter.q.replace(/[%_\\]/g, "\\$&")}%`));
  if (filter.under !== undefined) {
    const root = await getAgency(db, filter.under);
    if (!root) return null;
    conditions.push(prefixRange(agencies.path, root.path)!);
  }
  return conditions;
}

export async function listAgencies(db: Database, filter: AgencyFilter) {
  const conditions = await subtreeConditions(db, filter);
  if (!conditions) return null;
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(agencies)
      .where(where)
      .orderBy(asc(agencies.path))
      .limit(filter.limit)
      .offset(filter.offset),
    db
      .select({ total: sql<number>`count(*)` })
      .from(agencies)
      .where(where),
  ]);
  return { rows, total: count?.total ?? 0 };
}

export async function getAgency(db: Database, id: number): Promise<AgencyRow | undefined> {
  return db.select().from(agencies).where(eq(agencies.id, id)).get();
}

/** Agencies whose name holds `fragment` (for matching a report's spelling of a name), at most `limit`. */
export async function agenciesNameContaining(
  db: Database,
  fragment: string,
  limit = 200,
): Promise<AgencyRow[]> {
  const escaped = fragment.replace(/[\\%_]/g, (c) => `\\${c}`);
  return db
    .select()
    .from(agencies)
    .where(sql`${agencies.name} LIKE ${`%${escaped}%`} ESCAPE '\\'`)
    .limit(limit)
    .all();
}

/** An agency of exactly this name (the first, when several share it). */
export async function findAgencyByName(db: Database, name: string): Promise<AgencyRow | undefined> {
  return db.select().from(agencies).where(eq(agencies.name, name)).get();
}

/** Agencies' names by id. */
export async function agencyNames(db: Database, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.all<{ id: number; name: string }>(sql`
    SELECT id, name FROM agencies
     WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * Inserts the agency and sets its path in one atomic batch: the path needs the new id,
 * which `last_insert_rowid()` gives the second statement of the same transaction.
 */
export async function createAgency(db: Database, input: AgencyInput, now: Date) {
  const at = now.toISOString();
  const parentPath =
    input.parentId === null ? "/" : ((await getAgency(db, input.parentId))?.path ?? null);
  if (parentPath === null) return null;
  const [inserted] = await runBatch(db, [
    db
      .insert(agencies)
      .values({ ...input, path: "", createdAt: at, updatedAt: at })
      .returning({ id: agencies.id }),
    sql`UPDATE agencies SET path = ${parentPath} || id || '/' WHERE id = last_insert_rowid()`,
  ]);
  return (await getAgency(db, (inserted!.results[0] as { id: number }).id))!;
}

export type AgencyUpdateResult =
  | { kind: "updated"; agency: AgencyRow }
  | { kind: "not_found" }
  | { kind: "parent_not_found" }
  | { kind: "cycle" }
  | { kind: "conflict" };

/** Refused by SQLite's json() when a guard below finds the rows changed since they were read. */
const STALE = "agency changed while being updated";

/**
 * A statement that fails the batch (and so rolls it back whole) unless the rows an update was
 * planned on are still as read: a CASE evaluates only the branch it takes, and json() of text
 * that is not JSON raises an error.
 */
const unlessStill = (condition: SQL) =>
  sql`SELECT CASE WHEN ${condition} THEN 1 ELSE json(${STALE}) END`;

/**
 * Moving an agency rewrites the paths of its whole subtree in the same transaction. Where the
 * subtree's figures count is planned from the agency (and new parent) as read; the batch
 * re-checks them first, so two concurrent updates cannot build on each other's old rows (a
 * cycle, wrong paths, or region sums regrouped from a stale scope): the later one is planned
 * again on what the first wrote, or refused as a conflict.
 */
export async function updateAgency(
  db: Database,
  id: number,
  patch: Partial<AgencyInput>,
  now: Date,
  attempt = 0,
): Promise<AgencyUpdateResult> {
  const current = await getAgency(db, id);
  if (!current) return { kind: "not_found" };
  const { parentId, ...fields } = patch;
  const guards = [
    unlessStill(sql`EXISTS (SELECT 1 FROM agencies WHERE id = ${id} AND path = ${current.path}
      AND parent_id IS ${current.parentId} AND scope = ${current.scope}
      AND level = ${current.level} AND kind = ${current.kind})`),
  ];
  const changes: Parameters<typeof runBatch>[1] = [];
  if (parentId !== undefined && parentId !== current.parentId) {
    let newPath = `/${id}/`;
    if (parentId !== null) {
      const parent = await getAgency(db, parentId);
      if (!parent) return { kind: "parent_not_found" };
      if (parent.path.startsWith(current.path)) return { kind: "cycle" };
      newPath = `${parent.path}${id}/`;
      guards.push(
        unlessStill(
          sql`EXISTS (SELECT 1 FROM agencies WHERE id = ${parentId} AND path = ${parent.path})`,
        ),
      );
    }
    changes.push(
      sql`UPDATE agencies SET path = ${newPath} || substr(path, ${current.path.length + 1})
          WHERE path >= ${current.path} AND path < ${current.path + "\uffff"}`,
    );
    changes.push(db.update(agencies).set({ parentId }).where(eq(agencies.id, id)));
  }
  changes.push(
    db
      .update(agencies)
      .set({ ...fields, updatedAt: now.toISOString() })
      .where(eq(agencies.id, id)),
  );
  // Where the subtree's reports count (which regions, under which scope) depends on these.
  const regrouped = (["parentId", "scope", "level", "kind"] as const).some(
    (field) => patch[field] !== undefined && patch[field] !== current[field],
  );
  const sums = regrouped ? subtreeSumsAround(id) : { before: [], after: [] };
  try {
    await runBatch(db, [...guards, ...sums.before, ...changes, ...sums.after]);
  } catch (error) {
    if (!failedOn(error, "malformed JSON")) throw error;
    return attempt === 0 ? updateAgency(db, id, patch, now, 1) : { kind: "conflict" };
  }
  return { kind: "updated", agency: (await getAgency(db, id))! };
}
