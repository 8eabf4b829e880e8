import { and, asc, eq, gt, gte, isNull, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Database } from "../client";
import { agencies, sessions, users, type UserRole } from "../schema";

export type UserRow = typeof users.$inferSelect;

const agency = alias(agencies, "agency");
const region = alias(agencies, "region");

const withPlaces = {
  user: users,
  agencyName: agency.name,
  agencyPath: agency.path,
  regionName: region.name,
  regionPath: region.path,
};

/** A user with the names and paths of the agency (submitter) or region (reviewer) it belongs to. */
async function findUsers(db: Database, where: ReturnType<typeof and>) {
  return db
    .select(withPlaces)
    .from(users)
    .leftJoin(agency, eq(agency.id, users.agencyId))
    .leftJoin(region, eq(region.id, users.regionAgencyId))
    .where(where)
    .orderBy(asc(users.role), asc(users.email));
}

/**
 * The active user behind a live session (not expired, not revoked), with its places, in one
 * statement: this runs on every signed-in request.
 */
export function findSessionUser(db: Database, idHash: string, now: Date) {
  return db
    .select(withPlaces)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(agency, eq(agency.id, users.agencyId))
    .leftJoin(region, eq(region.id, users.regionAgencyId))
    .where(
      and(
        eq(sessions.idHash, idHash),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now.toISOString()),
        eq(users.active, true),
      ),
    )
    .get();
}

export type UserWithPlaces = Awaited<ReturnType<typeof findUsers>>[number];

export async function getUserWithPlaces(db: Database, id: number) {
  return (await findUsers(db, eq(users.id, id)))[0];
}

export const findUserByEmail = (db: Database, email: string) =>
  db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .get();

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** Users a viewer may manage: everyone for an admin, the submitters of a region for a reviewer. */
export function listUsers(db: Database, scope: { regionPath?: string }) {
  if (scope.regionPath === undefined) return findUsers(db, undefined);
  return findUsers(
    db,
    and(
      eq(users.role, "submitter"),
      gte(agency.path, scope.regionPath),
      lt(agency.path, scope.regionPath + "\uffff"),
    ),
  );
}

export interface NewUser {
  email: string;
  name: string;
  role: UserRole;
  agencyId: number | null;
  regionAgencyId: number | null;
  passwordHash: string | null;
}

export async function insertUser(db: Database, input: NewUser, now: Date) {
  return db
    .insert(users)
    .values({ ...input, email: normalizeEmail(input.email), createdAt: now.toISOString() })
    .returning()
    .get();
}

export async function updateUser(
  db: Database,
  id: number,
  patch: Partial<Pick<UserRow, "name" | "active" | "passwordHash" | "lastLoginAt">>,
) {
  return db.update(users).set(patch).where(eq(users.id, id)).returning().get();
}

export async function countAdmins(db: Database) {
  const [row] = await db
    .select({ count: sql<number>`count(*)` })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true)));
  return row?.count ?? 0;
}
