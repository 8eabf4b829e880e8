import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { emailOffKinds, setEmailChoices } from "../db/queries/email-opt-outs";
import { listNotifications, markAllRead, markRead, unreadCount } from "../db/queries/notifications";
import { NOTIFICATION_KINDS, type NotificationKind } from "../db/schema";
import { notFound, validationFailed } from "../http/errors";
import { id } from "../http/params";
import { authorize } from "../middleware/actor";
import { RECEIVABLE_KINDS } from "../notify/email-kinds";
import { errors, jsonAnswer, jsonBody, noContent, WRITE_ERRORS } from "../openapi/contract";
import { emailSettingsSchema, notificationListSchema } from "../openapi/bodies/notifications";
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

const emailSwitches = z
  .strictObject(
    Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, z.boolean().optional()])) as Record<
      NotificationKind,
      z.ZodOptional<z.ZodBoolean>
    >,
  )
  .meta({
    description:
      "类别 → 是否发送邮件；未列出的类别不变。Kind → whether to e-mail it; kinds not named stay as they are.",
  });

const emailSettingsBody = z.strictObject({ kinds: emailSwitches });

const emailSettingsRoute = createRoute({
  method: "get",
  path: "/email-settings",
  operationId: "getEmailSettings",
  summary: "我的邮件通知设置",
  description:
    "For each kind of notification the signed-in person's role can receive, whether it is also e-mailed to them. Only ever one's own.",
  tags: ["notifications"],
  middleware: [authorize("notification.read_own")],
  responses: { 200: jsonAnswer("The settings.", emailSettingsSchema), ...errors(401, 403) },
});

const setEmailSettingsRoute = createRoute({
  method: "put",
  path: "/email-settings",
  operationId: "setEmailSettings",
  summary: "修改邮件通知设置",
  description:
    "Turns e-mail on or off per kind for the signed-in person (the in-app notification is always kept). A kind the role cannot receive is a 400 naming the field. Answers the settings as changed.",
  tags: ["notifications"],
  middleware: [authorize("notification.read_own")],
  request: { body: jsonBody(emailSettingsBody) },
  responses: { 200: jsonAnswer("The settings as changed.", emailSettingsSchema), ...WRITE_ERRORS },
});

/** The reader's settings: every kind their role receives, e-mailed unless turned off. */
async function emailSettings(c: Context<AppEnv>) {
  const { user } = c.var.identity.user!;
  const off = await emailOffKinds(c.var.db, user.id);
  return {
    email: user.email,
    kinds: RECEIVABLE_KINDS[user.role].map((kind) => ({ kind, email: !off.has(kind) })),
  };
}

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
  .openapi(emailSettingsRoute, async (c) => c.json(await emailSettings(c), 200))
  .openapi(setEmailSettingsRoute, async (c) => {
    const { user } = c.var.identity.user!;
    const choices = c.req.valid("json").kinds;
    const receivable = RECEIVABLE_KINDS[user.role];
    const foreign = (Object.keys(choices) as NotificationKind[]).filter(
      (kind) => !receivable.includes(kind),
    );
    if (foreign.length > 0) {
      throw validationFailed(
        foreign.map((kind) => ({
          path: `kinds.${kind}`,
          code: "kind_not_for_role",
          message: `kinds.${kind}：您的角色不会收到此类通知`,
          message_en: `kinds.${kind}: your role receives no notification of this kind`,
        })),
      );
    }
    await setEmailChoices(c.var.db, user.id, choices);
    return c.json(await emailSettings(c), 200);
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
