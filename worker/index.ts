import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./app-env";
import { ApiError, unsupportedMediaType } from "./http/errors";
import { actor, csrfGuard } from "./middleware/actor";
import { anonymousCallerLimit, anonymousLimit } from "./middleware/anonymous-limit";
import { database } from "./middleware/database";
import { MAX_BODY_BYTES, payloadTooLarge, requestBody } from "./middleware/request-body";
import { requireSignIn } from "./middleware/require-sign-in";
import { agencyReportRoutes } from "./routes/agency-reports";
import { agencyRoutes } from "./routes/agencies";
import { auditRoutes } from "./routes/audit";
import { authRoutes } from "./routes/auth";
import { deadlineRoutes } from "./routes/deadlines";
import { chaseRoutes } from "./routes/chase";
import { notificationRoutes } from "./routes/notifications";
import { outboxRoutes } from "./routes/outbox";
import { seasonRoutes } from "./routes/season";
import { tokenRoutes } from "./routes/tokens";
import { userRoutes } from "./routes/users";
import { compareRoutes } from "./routes/compare";
import { healthRoutes } from "./routes/health";
import { importRoutes } from "./routes/import";
import { reportRoutes } from "./routes/reports";
import { overviewRoutes } from "./routes/overview";
import { qualityRoutes } from "./routes/quality";
import { regionReportRoutes } from "./routes/region-report";
import { rollupRoutes } from "./routes/rollup";
import { publicApi } from "./routes/public";
import { embedRoutes } from "./routes/embed";
import { documentRoutes } from "./openapi/document";
import { runScheduled } from "./notify/scheduled-run";
import { createDatabase } from "./db/client";

const api = new OpenAPIHono<AppEnv>()
  // A declared length is judged in `requestBody`; this counts a chunked body as it arrives.
  .use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw payloadTooLarge();
      },
    }),
  )
  .use(database, actor, anonymousCallerLimit, csrfGuard)
  // Aggregates over whole regions, uncached: the public reads them from /api/public/*.
  .use("/compare/*", requireSignIn)
  .use("/rollup/*", requireSignIn)
  .use("/overview/*", requireSignIn)
  .use("/quality/*", requireSignIn)
  .use("/region-report/*", requireSignIn)
  .route("/health", healthRoutes)
  .route("/auth", authRoutes)
  .route("/", userRoutes)
  .route("/tokens", tokenRoutes)
  .route("/audit", auditRoutes)
  .route("/deadlines", deadlineRoutes)
  .route("/season", seasonRoutes)
  .route("/notifications", notificationRoutes)
  .route("/chase", chaseRoutes)
  .route("/outbox", outboxRoutes)
  .route("/agencies", agencyRoutes)
  .route("/agencies", agencyReportRoutes)
  .route("/reports", reportRoutes)
  .route("/compare", compareRoutes)
  .route("/rollup", rollupRoutes)
  .route("/overview", overviewRoutes)
  .route("/quality", qualityRoutes)
  .route("/region-report", regionReportRoutes)
  .route("/import", importRoutes);

/**
 * API answers are data: nothing in them may run, load or be framed. A route that answers a page
 * to frame (an e-mail in the outbox) sets a stricter policy of its own, which is kept.
 */
const apiSecurityHeaders = secureHeaders({
  overwrite: false,
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
  },
  xFrameOptions: "DENY",
  referrerPolicy: "strict-origin-when-cross-origin",
  crossOriginResourcePolicy: "same-origin",
});

const app = new OpenAPIHono<AppEnv>();

const routes = app
  .use(requestBody)
  .use("/api/*", apiSecurityHeaders)
  // Everyone reads these without signing in (embeds count inside their group, so that a framed
  // refusal is a page); the authenticated API counts its anonymous callers.
  .use("/api/public/*", anonymousLimit)
  // Before the authenticated API, so that no session is read and no cookie is set.
  .route("/api/public", publicApi)
  .route(
    "/",
    documentRoutes(() => app),
  )
  .route("/api", api)
  .route("/embed", embedRoutes);

routes.all("/api/*", () => {
  throw new ApiError(404, "route_not_found", "接口不存在", "No such API route");
});

app.onError((error, c) => {
  if (error instanceof ApiError) return c.json(error.toBody(), error.status);
  if (error instanceof HTTPException && error.status < 500) {
    const body = httpExceptionError(error);
    return c.json(body.toBody(), body.status);
  }
  // Never leak stack traces or SQL to the client; the log keeps them.
  console.error(error);
  return c.json(
    new ApiError(
      500,
      "internal_error",
      "服务器内部错误，请稍后再试",
      "Internal server error",
    ).toBody(),
    500,
  );
});

/** Hono's own refusals (a body that is not JSON, or not valid JSON) in the API's error shape. */
function httpExceptionError(error: HTTPException): ApiError {
  if (error.status === 415) return unsupportedMediaType();
  if (/Malformed JSON/i.test(error.message))
    return new ApiError(
      400,
      "malformed_json",
      "请求体不是有效的 JSON",
      "The request body is not valid JSON",
    );
  return new ApiError(error.status, "bad_request", "请求无效", error.message);
}

export type AppType = typeof routes;

/** The daily reminders and digests (wrangler.toml `[triggers] crons`). */
function scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext): void {
  ctx.waitUntil(runScheduled(createDatabase(env.DB), env, new Date(controller.scheduledTime)));
}

export default Object.assign(app, { scheduled });
