import { csrfTokenFor } from "../auth/csrf";
import { hashSecret, newSecret } from "../auth/secrets";
import type { Database } from "../db/client";
import { insertSession } from "../db/queries/sessions";
import { getUserWithPlaces, updateUser } from "../db/queries/users";
import { presentUser } from "../http/present-user";
import { SESSION_TTL_MS } from "../http/session-cookie";

/** Who signs in, from where, and when. */
export interface SessionStart {
  userId: number;
  address: string;
  userAgent: string | null;
  now: Date;
}

/**
 * Starts a session for a user: a fresh secret for the cookie (the caller writes it), only its
 * hash in D1.
 */
export async function startSession(db: Database, start: SessionStart) {
  const secret = newSecret();
  const { userId, now } = start;
  await insertSession(
    db,
    {
      idHash: await hashSecret(secret),
      userId,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      address: start.address,
      userAgent: start.userAgent?.slice(0, 300) ?? null,
    },
    now,
  );
  await updateUser(db, userId, { lastLoginAt: now.toISOString() });
  const user = (await getUserWithPlaces(db, userId))!;
  return { secret, session: { user: presentUser(user), csrf_token: await csrfTokenFor(secret) } };
}
