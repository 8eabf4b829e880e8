import { createRoute } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { jsonAnswer, PUBLIC } from "../openapi/contract";
import { healthSchema } from "../openapi/bodies/accounts";
import { routeGroup } from "../openapi/route-group";

const healthRoute = createRoute({
  method: "get",
  path: "/",
  operationId: "getHealth",
  summary: "运行状态",
  description: "Whether the service and its database answer, with one database round trip's time.",
  tags: ["meta"],
  ...PUBLIC,
  responses: { 200: jsonAnswer("The service is up.", healthSchema) },
});

export const healthRoutes = routeGroup().openapi(healthRoute, async (c) => {
  const started = Date.now();
  await c.var.db.run(sql`SELECT 1`);
  return c.json({ status: "ok", database: "ok", latency_ms: Date.now() - started }, 200);
});
