import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { ApiError } from "../http/errors";

/**
 * The staff's aggregates (compare, quality, rollup, overview, region report) read up to tens of
 * thousands of rows uncached: only a signed-in user or an API token may ask. The public reads
 * the same published figures from `/api/public/*`, cached by data version.
 */
export const requireSignIn = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.actor.kind === "public") {
    throw new ApiError(
      401,
      "authentication_required",
      "需要登录才能查看汇总与比较数据；公开数据见 /api/public/",
      "Sign in to read aggregates and comparisons; published figures are at /api/public/",
    );
  }
  return next();
});
