import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { openApiDocument } from "./document";

/**
 * `/api/openapi.json`: the public API's OpenAPI document. It reads nothing per request, so it
 * may be fetched from any site (API explorers, code generators) and kept for a while.
 */
export const openApiRoutes = new Hono<AppEnv>().get("/", (c) => {
  c.header("access-control-allow-origin", "*");
  c.header("cache-control", "public, max-age=300");
  return c.json(openApiDocument(), 200);
});
