import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { listAudit } from "../db/queries/audit";
import { pagination } from "../http/params";
import { validate } from "../http/validate";
import { authorize } from "../middleware/actor";

const auditQuery = z.strictObject({
  action: z.string().max(60).optional(),
  actor: z.string().max(100).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  ...pagination,
});

export const auditRoutes = new Hono<AppEnv>().get(
  "/",
  authorize("audit.read"),
  validate("query", auditQuery),
  async (c) => {
    const query = c.req.valid("query");
    const result = await listAudit(c.var.db, query);
    return c.json(
      {
        items: result.rows.map((r) => ({
          id: r.id,
          at: r.at,
          actor_kind: r.actorKind,
          actor_name: r.actorName,
          action: r.action,
          target: r.target,
          address: r.address,
          detail: r.detail === null ? null : (JSON.parse(r.detail) as unknown),
        })),
        total: result.total,
      },
      200,
    );
  },
);
