import { Hono } from "hono";
import { sql } from "drizzle-orm";
import type { AppEnv } from "../app-env";

export const healthRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const started = Date.now();
  await c.var.db.run(sql`SELECT 1`);
  return c.json({ status: "ok", database: "ok", latency_ms: Date.now() - started }, 200);
});
