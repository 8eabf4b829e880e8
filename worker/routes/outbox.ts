import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { listOutbox, outboxHtml } from "../db/queries/outbox";
import { notFound } from "../http/errors";
import { id, limit, offset } from "../http/params";
import { authorize } from "../middleware/actor";
import { errors, jsonAnswer, textAnswer } from "../openapi/contract";
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

const htmlRoute = createRoute({
  method: "get",
  path: "/{id}/html",
  operationId: "getOutboxHtml",
  summary: "邮件网页版",
  description:
    "One message's HTML body as its reader gets it, for the outbox page to show in a sandboxed frame: its own Content-Security-Policy allows the e-mail's inline styles and nothing else (no scripts, no loads, no forms), and only this site may frame it. Administrators only.",
  tags: ["notifications"],
  middleware: [authorize("outbox.read")],
  request: {
    params: z.object({ id: id.meta({ description: "邮件编号。The message's id." }) }),
  },
  responses: {
    200: textAnswer("The HTML body.", "text/html", "The e-mail's HTML, as sent."),
    ...errors(400, 403, 404),
  },
});

/**
 * An e-mail is styled inline (mail readers ignore style sheets), which the app's own policy
 * refuses; it is shown from here instead, where nothing else is allowed.
 */
const EMAIL_FRAME_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'self'; sandbox";

/** `/api/outbox`: the administrator's view of the e-mail sent. */
export const outboxRoutes = routeGroup()
  .openapi(htmlRoute, async (c) => {
    const html = await outboxHtml(c.var.db, c.req.valid("param").id);
    if (html === undefined) throw notFound("邮件", "Message");
    return c.body(html, 200, {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": EMAIL_FRAME_POLICY,
      "x-frame-options": "SAMEORIGIN",
      "cache-control": "private, no-store",
    });
  })
  .openapi(outboxRoute, async (c) => {
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
