import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { agencies, apiTokens } from "../schema";

export async function insertToken(
  db: Database,
  input: { tokenHash: string; name: string; agencyId: number; createdBy: number | null },
  now: Date,
) {
  return db
    .insert(apiTokens)
    .values({ ...input, createdAt: now.toISOString() })
    .returning()
    .get();
}

/** A live token with its agency's path, for resolving the actor. */
export const findLiveToken = (db: Database, tokenHash: string) =>
  db
    .select({ token: apiTokens, agencyPath: agencies.path })
    .from(apiTokens)
    .innerJoin(agencies, eq(agencies.id, apiTokens.agencyId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .get();

export const touchToken = (db: Database, id: number, now: Date) =>
  db.update(apiTokens).set({ lastUsedAt: now.toISOString() }).where(eq(apiTokens.id, id));

export function listTokens(db: Database, agencyId?: number) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      agencyId: apiTokens.agencyId,
      agencyName: agencies.name,
      agencyPath: agencies.path,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(agencies, eq(agencies.id, apiTokens.agencyId))
    .where(agencyId === undefined ? undefined : eq(apiTokens.agencyId, agencyId))
    .orderBy(desc(apiTokens.createdAt));
}

export const getToken = (db: Database, id: number) =>
  db
    .select({ token: apiTokens, agencyPath: agencies.path })
    .from(apiTokens)
    .innerJoin(agencies, eq(agencies.id, apiTokens.agencyId))
    .where(eq(apiTokens.id, id))
    .get();

export const revokeToken = (db: Database, id: number, now: Date) =>
  db
    .update(apiTokens)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
