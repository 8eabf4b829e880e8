import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
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
import { audit, auditEntry } from "../http/audit-entry";
import { appendAudit } from "../db/queries/audit";
import {
  errors,
  jsonAnswer,
  jsonBody,
  noContent,
  PUBLIC,
  WRITE_ERRORS,
  errorAnswer,
} from "../openapi/contract";
import { currentSessionSchema, inviteInfoSchema, sessionSchema } from "../openapi/bodies/accounts";
import { routeGroup } from "../openapi/route-group";
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

/**
 * The audit record of a sign-in, by the user it signed in: the request itself came from no one
 * yet, and the log would otherwise say 公众.
 */
function auditSignedIn(
  c: Context<AppEnv>,
  action: string,
  user: { id: number; name: string; role: "admin" | "reviewer" | "submitter" },
) {
  const entry = auditEntry(c, action, `user:${user.id}`);
  return appendAudit(
    c.var.db,
    { ...entry, actorKind: user.role, actorId: user.id, actorName: user.name },
    c.var.now,
  );
}

const loginBody = z.strictObject({
  email: z.string().trim().min(3).max(200),
  password: z.string().min(1).max(256),
});
const tokenParam = z.object({
  token: z.string().min(20).max(200).meta({
    description:
      "邀请或重设密码链接中 # 之后的令牌。The token after the # of an invitation or password-reset link.",
  }),
});
const acceptBody = z.strictObject({
  password: z.string().max(256).meta({
    description:
      "新密码：至少 10 个字符，含两类以上字符，否则 400 指出 password。The new password: at least 10 characters of two or more kinds, or a 400 naming password.",
  }),
  name: z.string().trim().min(1).max(100).optional().meta({
    description: "改用的姓名；省略则保留邀请时的。A new name; the invitation's is kept without it.",
  }),
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

/** The answers whose meaning here is narrower than the shared texts of `errors()`. */
const CSRF_FAILED = errorAnswer(
  "安全校验失败（csrf_failed）：带会话 Cookie 的写请求缺少或带错 X-CSRF-Token。A write sent with a session cookie lacks its X-CSRF-Token, or has another's.",
);
const LINK_GONE = errorAnswer(
  "链接已使用过（invite_used）或已过期（invite_expired）。The link was used or has expired.",
);
const LINK_ERRORS = { ...errors(404), 410: LINK_GONE };

const sessionRoute = createRoute({
  method: "get",
  path: "/session",
  operationId: "getSession",
  summary: "当前会话",
  description:
    "The signed-in user and the session's CSRF token, or nulls for a caller without a session.",
  tags: ["auth"],
  ...PUBLIC,
  responses: { 200: jsonAnswer("The session, or nulls.", currentSessionSchema) },
});

const loginRoute = createRoute({
  method: "post",
  path: "/login",
  operationId: "login",
  summary: "登录",
  description:
    "Signs in with e-mail address and password: sets the session cookie and answers the user and the CSRF token. A wrong address or password is one 401 (invalid_credentials); repeated failures per account or address are throttled with 429 and Retry-After.",
  tags: ["auth"],
  ...PUBLIC,
  request: { body: jsonBody(loginBody) },
  responses: {
    200: jsonAnswer("Signed in; the cookie is set.", sessionSchema),
    ...WRITE_ERRORS,
    401: errorAnswer("邮箱或密码不正确（invalid_credentials）。Wrong e-mail address or password."),
    403: CSRF_FAILED,
    429: {
      ...errorAnswer(
        "登录失败次数过多（too_many_attempts），retry_after_seconds 秒后再试。Too many failed logins; try again after retry_after_seconds.",
      ),
      headers: {
        "Retry-After": {
          description: "再试前须等待的秒数。Seconds to wait before trying again.",
          schema: { type: "integer" as const },
        },
      },
    },
  },
});

const logoutRoute = createRoute({
  method: "post",
  path: "/logout",
  operationId: "logout",
  summary: "退出登录",
  description: "Ends the session the request carries (if any) and clears its cookie.",
  tags: ["auth"],
  ...PUBLIC,
  responses: { 204: noContent, 403: CSRF_FAILED },
});

const inviteRoute = createRoute({
  method: "get",
  path: "/invites/{token}",
  operationId: "getInvite",
  summary: "邀请或重设密码链接的信息",
  description:
    "Who an invitation or password-reset link is for, and until when it holds. A used link is 410 (invite_used), an expired one 410 (invite_expired).",
  tags: ["auth"],
  ...PUBLIC,
  request: { params: tokenParam },
  responses: {
    200: jsonAnswer("The link's account.", inviteInfoSchema),
    ...errors(400),
    ...LINK_ERRORS,
  },
});

const acceptRoute = createRoute({
  method: "post",
  path: "/invites/{token}/accept",
  operationId: "acceptInvite",
  summary: "接受邀请或重设密码",
  description:
    "Sets the password of the link's account (and optionally its name), uses the link up, ends the account's sessions and signs in with a new one. A password too short or too simple is 400 naming password.",
  tags: ["auth"],
  ...PUBLIC,
  request: { params: tokenParam, body: jsonBody(acceptBody) },
  responses: {
    200: jsonAnswer("Signed in; the cookie is set.", sessionSchema),
    ...WRITE_ERRORS,
    403: CSRF_FAILED,
    ...LINK_ERRORS,
  },
});

export const authRoutes = routeGroup()
  .openapi(sessionRoute, async (c) => {
    const { user, sessionSecret } = c.var.identity;
    if (!user || !sessionSecret) return c.json({ user: null, csrf_token: null }, 200);
    return c.json({ user: presentUser(user), csrf_token: await csrfTokenFor(sessionSecret) }, 200);
  })
  .openapi(loginRoute, async (c) => {
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
    await auditSignedIn(c, "auth.login", session.user);
    return c.json(session, 200);
  })
  .openapi(logoutRoute, async (c) => {
    const secret = c.var.identity.sessionSecret;
    if (secret) {
      await revokeSession(c.var.db, await hashSecret(secret), c.var.now);
      await audit(c, "auth.logout", `user:${c.var.identity.userId}`);
    }
    clearSessionCookie(c);
    return c.body(null, 204);
  })
  .openapi(inviteRoute, async (c) => {
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
  .openapi(acceptRoute, async (c) => {
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
    await auditSignedIn(
      c,
      link.purpose === "invite" ? "auth.invite_accepted" : "auth.password_reset",
      session.user,
    );
    return c.json(session, 200);
  });
