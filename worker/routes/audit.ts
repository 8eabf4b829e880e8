import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { listAudit, targetNames, targetRecord } from "../db/queries/audit";
import { pagination } from "../http/params";
import { authorize } from "../middleware/actor";
import { errors, jsonAnswer } from "../openapi/contract";
import { auditLogSchema } from "../openapi/bodies/audit";
import { routeGroup } from "../openapi/route-group";

const auditQuery = z.strictObject({
  action: z.string().max(60).optional().meta({
    description:
      "操作名的前缀，如 auth. 或 user.invite。A prefix of the action, e.g. auth. or user.invite.",
  }),
  actor: z.string().max(100).optional().meta({
    description: "操作者名称（完全相同）。The actor's name, exactly.",
  }),
  since: z.iso.datetime({ offset: true }).optional().meta({
    description:
      "只列出此时刻及之后的记录（ISO 8601）。Entries at or after this instant (ISO 8601).",
  }),
  ...pagination,
});

const auditRoute = createRoute({
  method: "get",
  path: "/",
  operationId: "listAuditLog",
  summary: "审计日志",
  description:
    "The append-only audit log, newest first: sign-ins, invitations, token and user changes, report workflow, with who acted, from where, and the name of the user, agency or token each entry is about. Administrators only.",
  tags: ["accounts"],
  middleware: [authorize("audit.read")],
  request: { query: auditQuery },
  responses: {
    200: jsonAnswer("A page of the log.", auditLogSchema),
    ...errors(400, 403),
  },
});

export const auditRoutes = routeGroup().openapi(auditRoute, async (c) => {
  const query = c.req.valid("query");
  const result = await listAudit(c.var.db, query);
  const names = await targetNames(
    c.var.db,
    result.rows.map((r) => r.target),
  );
  const nameOf = (target: string | null) => names.get(targetRecord(target) ?? "") ?? null;
  return c.json(
    {
      items: result.rows.map((r) => ({
        id: r.id,
        at: r.at,
        actor_kind: r.actorKind,
        actor_name: r.actorName,
        action: r.action,
        target: r.target,
        target_name: nameOf(r.target),
        address: r.address,
        detail: r.detail === null ? null : (JSON.parse(r.detail) as unknown),
      })),
      total: result.total,
    },
    200,
  );
});
