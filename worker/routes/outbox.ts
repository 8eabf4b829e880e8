import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { listOutbox } from "../db/queries/outbox";
import { limit, offset } from "../http/params";
import { authorize } from "../middleware/actor";
import { errors, jsonAnswer } from "../openapi/contract";
import { outboxListSchema } from "../openapi/bodies/outbox";
import { routeGroup } from "../openapi/route-group";

const outboxQuery = z.strictObject({ limit: limit(100, 30), offset });

const outboxRoute = createRoute({
  method: "get",
  path: "/",
  operationId: "listOutbox",
  summary: "发件箱",
  description:
    "Every e-mail the app sent or tried to send (notifications, invitations, password resets), newest first, with its bodies and whether the send succeeded. Locally the e-mail binding delivers nothing, so this is where the messages are read. Administrators only.",
  tags: ["notifications"],
  middleware: [authorize("outbox.read")],
  request: { query: outboxQuery },
  responses: {
    200: jsonAnswer("A page of the outbox.", outboxListSchema),
    ...errors(400, 403),
  },
});

/** `/api/outbox`: the administrator's view of the e-mail sent. */
export const outboxRoutes = routeGroup().openapi(outboxRoute, async (c) => {
  const result = await listOutbox(c.var.db, c.req.valid("query"));
  return c.json(
    {
      items: result.rows.map((m) => ({
        id: m.id,
        to: m.to,
        user_name: m.userName,
        kind: m.kind,
        subject: m.subject,
        text: m.text,
        html: m.html,
        status: m.status,
        error: m.error,
        created_at: m.createdAt,
      })),
      total: result.total,
    },
    200,
  );
});
