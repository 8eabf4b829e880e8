import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { csrfTokenFor } from "../auth/csrf";
import { checkPasswordStrength, hashPassword, verifyPassword } from "../auth/password";
import { hashSecret } from "../auth/secrets";
import { LOGIN_THROTTLE, loginThrottle, throttleKeyForAddress } from "../auth/throttle";
import { recentFailures, recordLoginAttempt } from "../db/queries/login-attempts";
import { consumeLink, findLink } from "../db/queries/one-time-links";
import { revokeSession, revokeUserSessions } from "../db/queries/sessions";
import {
  findUserByEmail,
  getUserWithPlaces,
  normalizeEmail,
  updateUser,
} from "../db/queries/users";
import { clientAddress } from "../http/client-address";
import { ApiError, validationFailed } from "../http/errors";
import { presentUser } from "../http/present-user";
import { clearSessionCookie, writeSessionCookie } from "../http/session-cookie";
import { validate } from "../http/validate";
import { audit } from "../http/audit-entry";
import { startSession } from "../services/sessions";

/** Starts a session for `userId` from this request and sets its cookie. */
async function signIn(c: Context<AppEnv>, userId: number) {
  const { secret, session } = await startSession(c.var.db, {
    userId,
    address: clientAddress(c),
    userAgent: c.req.header("user-agent") ?? null,
    now: c.var.now,
  });
  writeSessionCookie(c, secret);
  return session;
}

const loginBody = z.strictObject({
  email: z.string().trim().min(3).max(200),
  password: z.string().min(1).max(256),
});
const tokenParam = z.object({ token: z.string().min(20).max(200) });
const acceptBody = z.strictObject({
  password: z.string().max(256),
  name: z.string().trim().min(1).max(100).optional(),
});

// Verifying against a fixed hash when the account does not exist keeps the answer's timing
// from telling which e-mail addresses have accounts.
const NO_SUCH_USER_HASH =
  "pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

const invalidCredentials = () =>
  new ApiError(401, "invalid_credentials", "邮箱或密码不正确", "Wrong e-mail address or password");

async function liveLink(c: { var: AppEnv["Variables"] }, token: string) {
  const link = await findLink(c.var.db, await hashSecret(token));
  if (!link) throw new ApiError(404, "invite_not_found", "链接无效", "This link is not valid");
  if (link.usedAt)
    throw new ApiError(410, "invite_used", "链接已使用过", "This link has already been used");
  if (link.expiresAt <= c.var.now.toISOString()) {
    throw new ApiError(
      410,
      "invite_expired",
      "链接已过期，请联系管理员重新发送",
      "This link has expired; ask for a new one",
    );
  }
  return link;
}

export const authRoutes = new Hono<AppEnv>()
  .get("/session", async (c) => {
    const { user, sessionSecret } = c.var.identity;
    if (!user || !sessionSecret) return c.json({ user: null, csrf_token: null }, 200);
    return c.json({ user: presentUser(user), csrf_token: await csrfTokenFor(sessionSecret) }, 200);
  })
  .post("/login", validate("json", loginBody), async (c) => {
    const { email, password } = c.req.valid("json");
    const db = c.var.db;
    const now = c.var.now;
    const account = normalizeEmail(email);
    const address = throttleKeyForAddress(clientAddress(c));
    const since = new Date(now.getTime() - LOGIN_THROTTLE.lookbackMs);
    const decision = loginThrottle(await recentFailures(db, account, address, since), now);
    if (!decision.allowed) {
      c.header("retry-after", String(decision.retryAfterSeconds));
      throw new ApiError(
        429,
        "too_many_attempts",
        `登录失败次数过多，请 ${Math.ceil(decision.retryAfterSeconds / 60)} 分钟后再试`,
        `Too many failed logins; try again in ${Math.ceil(decision.retryAfterSeconds / 60)} minutes`,
        { retry_after_seconds: decision.retryAfterSeconds },
      );
    }
    const user = await findUserByEmail(db, account);
    const valid = await verifyPassword(password, user?.passwordHash ?? NO_SUCH_USER_HASH);
    const success = Boolean(user?.active && user.passwordHash && valid);
    await recordLoginAttempt(db, { account, address, success }, now);
    if (!success || !user) {
      await audit(c, "auth.login_failed", `user:${account}`);
      throw invalidCredentials();
    }
    const session = await signIn(c, user.id);
    await audit(c, "auth.login", `user:${user.id}`);
    return c.json(session, 200);
  })
  .post("/logout", async (c) => {
    const secret = c.var.identity.sessionSecret;
    if (secret) {
      await revokeSession(c.var.db, await hashSecret(secret), c.var.now);
      await audit(c, "auth.logout", `user:${c.var.identity.userId}`);
    }
    clearSessionCookie(c);
    return c.body(null, 204);
  })
  .get("/invites/:token", validate("param", tokenParam), async (c) => {
    const link = await liveLink(c, c.req.valid("param").token);
    const invited = (await getUserWithPlaces(c.var.db, link.userId))!;
    return c.json(
      {
        purpose: link.purpose,
        email: invited.user.email,
        name: invited.user.name,
        role: invited.user.role,
        agency_name: invited.agencyName,
        region_name: invited.regionName,
        expires_at: link.expiresAt,
      },
      200,
    );
  })
  .post(
    "/invites/:token/accept",
    validate("param", tokenParam),
    validate("json", acceptBody),
    async (c) => {
      const { token } = c.req.valid("param");
      const body = c.req.valid("json");
      const link = await liveLink(c, token);
      const strength = checkPasswordStrength(body.password);
      if (!strength.ok) {
        throw validationFailed([
          {
            path: "password",
            code: strength.code,
            message: strength.message,
            message_en: strength.message_en,
          },
        ]);
      }
      const passwordHash = await hashPassword(body.password);
      if (!(await consumeLink(c.var.db, await hashSecret(token), c.var.now))) {
        throw new ApiError(410, "invite_used", "链接已使用过", "This link has already been used");
      }
      // A reset ends every session the old password opened.
      await revokeUserSessions(c.var.db, link.userId, c.var.now);
      await updateUser(c.var.db, link.userId, {
        passwordHash,
        ...(body.name ? { name: body.name } : {}),
      });
      const session = await signIn(c, link.userId);
      c.set("identity", { ...c.var.identity, name: session.user.name, userId: link.userId });
      await audit(
        c,
        link.purpose === "invite" ? "auth.invite_accepted" : "auth.password_reset",
        `user:${link.userId}`,
      );
      return c.json(session, 200);
    },
  );
