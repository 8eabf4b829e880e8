import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { csrfTokenFor } from "../auth/csrf";
import { hashSecret, newSecret } from "../auth/secrets";
import { insertSession } from "../db/queries/sessions";
import { getUserWithPlaces, updateUser } from "../db/queries/users";
import { clientAddress } from "../http/client-address";
import { presentUser } from "../http/present-user";
import { SESSION_TTL_MS, writeSessionCookie } from "../http/session-cookie";

/** Starts a session for `userId`: a fresh secret in the cookie, only its hash in D1. */
export async function startSession(c: Context<AppEnv>, userId: number) {
  const secret = newSecret();
  const now = c.var.now;
  await insertSession(
    c.var.db,
    {
      idHash: await hashSecret(secret),
      userId,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      address: clientAddress(c),
      userAgent: c.req.header("user-agent")?.slice(0, 300) ?? null,
    },
    now,
  );
  await updateUser(c.var.db, userId, { lastLoginAt: now.toISOString() });
  writeSessionCookie(c, secret);
  const user = (await getUserWithPlaces(c.var.db, userId))!;
  return { user: presentUser(user), csrf_token: await csrfTokenFor(secret) };
}
