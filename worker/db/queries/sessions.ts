import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { sessions } from "../schema";

export async function insertSession(
  db: Database,
  input: {
    idHash: string;
    userId: number;
    expiresAt: Date;
    address: string;
    userAgent: string | null;
  },
  now: Date,
) {
  await db.insert(sessions).values({
    idHash: input.idHash,
    userId: input.userId,
    createdAt: now.toISOString(),
    expiresAt: input.expiresAt.toISOString(),
    address: input.address,
    userAgent: input.userAgent,
  });
}

export async function revokeSession(db: Database, idHash: string, now: Date) {
  await db
    .update(sessions)
    .set({ revokedAt: now.toISOString() })
    .where(eq(sessions.idHash, idHash));
}

export async function revokeUserSessions(db: Database, userId: number, now: Date) {
  await db
    .update(sessions)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
