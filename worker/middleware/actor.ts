import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import type { AppEnv, Identity } from "../app-env";
import { CSRF_HEADER, verifyCsrf } from "../auth/csrf";
import { explainDenial, type Resource } from "../auth/policy";
import type { Action, Actor } from "../auth/roles";
import { hashSecret } from "../auth/secrets";
import { findLiveToken, touchToken } from "../db/queries/api-tokens";
import { getAgency } from "../db/queries/agencies";
import { findSessionUser, type UserWithPlaces } from "../db/queries/users";
import { ApiError, denialError, notFound, validationFailed } from "../http/errors";
import { describeIssues } from "../report/document";
import { id } from "../http/params";
import { readSessionCookie } from "../http/session-cookie";

const PUBLIC: Identity = {
  name: "公众",
  userId: null,
  via: "public",
  sessionSecret: null,
  user: null,
};

/**
 * Resolves the actor from an API token (Authorization: Bearer) or the session cookie.
 * A presented token that is not valid is refused outright rather than falling back to the
 * cookie, so a request is never authenticated by something other than what it claimed.
 */
export const actor = createMiddleware<AppEnv>(async (c, next) => {
  const db = c.var.db;
  const authorization = c.req.header("authorization");
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const found = match ? await findLiveToken(db, await hashSecret(match[1]!)) : undefined;
    if (!found) {
      throw new ApiError(
        401,
        "invalid_token",
        "API 令牌无效或已撤销",
        "The API token is invalid or revoked",
      );
    }
    c.set("actor", {
      kind: "token",
      tokenId: found.token.id,
      agencyId: found.token.agencyId,
      agencyPath: found.agencyPath,
    });
    c.set("identity", { ...PUBLIC, name: `API 令牌「${found.token.name}」`, via: "token" });
    // Last use to the minute: an importer or an autosave sending a request a second would
    // otherwise write the token's row on every one of them.
    if (!usedSince(found.token.lastUsedAt, c.var.now, TOKEN_TOUCH_MS)) {
      c.executionCtx.waitUntil(touchToken(db, found.token.id, c.var.now).then(() => undefined));
    }
    return next();
  }
  const secret = readSessionCookie(c);
  const user = secret ? await findSessionUser(db, await hashSecret(secret), c.var.now) : undefined;
  if (!secret || !user) {
    c.set("actor", { kind: "public" });
    c.set("identity", PUBLIC);
    return next();
  }
  c.set("actor", actorOfUser(user));
  c.set("identity", {
    name: user.user.name,
    userId: user.user.id,
    via: "session",
    sessionSecret: secret,
    user,
  });
  return next();
});

/** How stale a token's `last_used_at` may be before a request writes it again. */
const TOKEN_TOUCH_MS = 60_000;

const usedSince = (lastUsedAt: string | null, now: Date, ms: number) =>
  lastUsedAt !== null && now.getTime() - Date.parse(lastUsedAt) < ms;

function actorOfUser({ user, agencyPath, regionPath }: UserWithPlaces): Actor {
  switch (user.role) {
    case "admin":
      return { kind: "admin", userId: user.id };
    case "reviewer":
      return { kind: "reviewer", userId: user.id, regionPath: regionPath ?? "" };
    case "submitter":
      return {
        kind: "submitter",
        userId: user.id,
        agencyId: user.agencyId ?? 0,
        agencyPath: agencyPath ?? "",
      };
  }
}

/**
 * Writes made with the session cookie must carry the session's CSRF token. Token requests
 * are exempt: a browser never attaches an Authorization header on its own.
 */
export const csrfGuard = createMiddleware<AppEnv>(async (c, next) => {
  const method = c.req.method;
  const secret = c.var.identity.sessionSecret;
  if (method !== "GET" && method !== "HEAD" && method !== "OPTIONS" && secret !== null) {
    if (!(await verifyCsrf(secret, c.req.header(CSRF_HEADER)))) {
      throw new ApiError(
        403,
        "csrf_failed",
        "安全校验失败，请刷新页面后重试",
        "The CSRF token is missing or wrong; reload the page and try again",
      );
    }
  }
  return next();
});

type ResourceOf = (c: Context<AppEnv>) => Promise<Resource>;

/**
 * The one place that decides who may do what, before a handler runs. `resource` finds the
 * agency the request is about, so the policy can judge scope (own agency, region subtree).
 */
export const authorize = (action: Action, resource?: ResourceOf) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const denial = explainDenial(c.var.actor, action, resource ? await resource(c) : undefined);
    if (denial) throw denialError(denial);
    return next();
  });

const idPath = z.object({ id });

/** The agency named by the `:id` path parameter, for authorize(). */
export const agencyFromPath: ResourceOf = async (c) => {
  const parsed = idPath.safeParse(c.req.param());
  if (!parsed.success) throw validationFailed(describeIssues(parsed.error));
  const agency = await getAgency(c.var.db, parsed.data.id);
  if (!agency) throw notFound("机构", "Agency");
  return { agencyPath: agency.path };
};
