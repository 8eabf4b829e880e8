import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { clientAddress } from "../http/client-address";
import { rateLimited } from "../http/errors";

/** The window of `[[ratelimits]] ANON_LIMITER` in wrangler.toml (the binding does not say it). */
const ANONYMOUS_PERIOD_SECONDS = 60;

/** Variables and bindings wrangler.toml declares that a Worker run outside workerd lacks. */
interface OptionalBindings {
  ANON_LIMITER?: RateLimit;
}

/**
 * Counts the request against its address's allowance for anonymous traffic and refuses it with
 * a 429 once the window's allowance is spent. Without the binding (the app run in Node by the
 * bench) nothing is counted.
 */
async function countAnonymous(c: Context<AppEnv>) {
  const limiter = (c.env as OptionalBindings | undefined)?.ANON_LIMITER;
  if (!limiter) return;
  const { success } = await limiter.limit({ key: clientAddress(c) });
  if (success) return;
  // The binding says only whether the window is spent, not when it ends: the period is the
  // longest the client may have to wait.
  c.header("retry-after", String(ANONYMOUS_PERIOD_SECONDS));
  throw rateLimited(ANONYMOUS_PERIOD_SECONDS);
}

/** For routes everyone reads without signing in (`/api/public/*`, `/embed/*`). */
export const anonymousLimit = createMiddleware<AppEnv>(async (c, next) => {
  await countAnonymous(c);
  return next();
});

/** For the API after `actor`: only callers with neither a session nor a token are counted. */
export const anonymousCallerLimit = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.actor.kind === "public") await countAnonymous(c);
  return next();
});
