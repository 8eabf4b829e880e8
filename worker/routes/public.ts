import { OpenAPIHono } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { createDatabase } from "../db/client";
import { publicCache } from "../middleware/public-cache";
import { LICENCE_LINK } from "../public/licence";
import { publicAgencyRoutes } from "./public-agencies";
import { publicAggregateRoutes } from "./public-aggregates";
import { publicBulkRoutes } from "./public-bulk";

/**
 * The public's reads need no session, set no cookie and carry no D1 bookmark (a cached answer
 * must not replay one): any replica may answer.
 */
export const publicDatabase = createMiddleware<AppEnv>(async (c, next) => {
  c.set("db", createDatabase(c.env.DB.withSession("first-unconstrained")));
  c.set("now", new Date());
  await next();
});

/** Open data may be read from any site, and says under which terms. */
const openData = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  c.res.headers.set("access-control-allow-origin", "*");
  c.res.headers.set("cross-origin-resource-policy", "cross-origin");
  c.res.headers.set("link", LICENCE_LINK);
});

/** `/api/public/*`: published figures for anyone, cached at the edge by data version. */
export const publicApi = new OpenAPIHono<AppEnv>()
  .use(openData, publicDatabase, publicCache)
  .route("/agencies", publicAgencyRoutes)
  .route("/", publicAggregateRoutes)
  .route("/bulk", publicBulkRoutes);
