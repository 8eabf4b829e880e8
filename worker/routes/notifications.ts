import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { listNotifications, markAllRead, markRead, unreadCount } from "../db/queries/notifications";
import { notFound } from "../http/errors";
import { id } from "../http/params";
import { authorize } from "../middleware/actor";
import { errors, jsonAnswer, noContent, WRITE_ERRORS } from "../openapi/contract";
import { notificationListSchema } from "../openapi/bodies/notifications";
import { routeGroup } from "../openapi/route-group";

const listQuery = z.strictObject({
  unread: z.enum(["true", "false"]).optional().meta({ description: "只列未读。Unread only." }),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const listRoute = createRoute({
  method: "get",
  path: "/",
  operationId: "listNotifications",
  summary: "我的通知",
  description:
    "The signed-in person's notifications, newest first, with the unread count (the bell's number). Only ever one's own.",
  tags: ["notifications"],
  middleware: [authorize("notification.read_own")],
  request: { query: listQuery },
  responses: { 200: jsonAnswer("The notifications.", notificationListSchema), ...errors(400) },
});

const readRoute = createRoute({
  method: "post",
  path: "/{id}/read",
  operationId: "markNotificationRead",
  summary: "标为已读",
  description: "Marks one of one's own notifications read; another person's is 404.",
  tags: ["notifications"],
  middleware: [authorize("notification.read_own")],
  request: {
    params: z.object({ id: id.meta({ description: "通知编号。The notification's id." }) }),
  },
  responses: { 204: noContent, ...WRITE_ERRORS, ...errors(404) },
});

const readAllRoute = createRoute({
  method: "post",
  path: "/read-all",
  operationId: "markAllNotificationsRead",
  summary: "全部标为已读",
  description: "Marks all of one's own notifications read.",
  tags: ["notifications"],
  middleware: [authorize("notification.read_own")],
  responses: { 204: noContent, ...WRITE_ERRORS },
});

/** `/api/notifications`: the in-app notification centre, one's own only. */
export const notificationRoutes = routeGroup()
  .openapi(listRoute, async (c) => {
    const userId = c.var.identity.userId!;
    const query = c.req.valid("query");
    const [rows, unread] = await Promise.all([
      listNotifications(c.var.db, userId, {
        limit: query.limit,
        offset: query.offset,
        unreadOnly: query.unread === "true",
      }),
      unreadCount(c.var.db, userId),
    ]);
    return c.json(
      {
        items: rows.map((n) => ({
          id: n.id,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link,
          created_at: n.createdAt,
          read: n.readAt !== null,
        })),
        unread,
      },
      200,
    );
  })
  .openapi(readAllRoute, async (c) => {
    await markAllRead(c.var.db, c.var.identity.userId!, c.var.now);
    return c.body(null, 204);
  })
  .openapi(readRoute, async (c) => {
    const found = await markRead(
      c.var.db,
      c.var.identity.userId!,
      c.req.valid("param").id,
      c.var.now,
    );
    if (!found) throw notFound("通知", "Notification");
    return c.body(null, 204);
  });
