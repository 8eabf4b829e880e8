import { z } from "zod";
import { NOTIFICATION_KINDS } from "../../db/schema";

const notificationSchema = z
  .object({
    id: z.number().int(),
    kind: z.string().meta({ description: "通知类别。What the notification tells of." }),
    title: z.string(),
    body: z.string(),
    link: z
      .string()
      .meta({ description: "站内地址，读者在此处理。The in-app page where the reader acts." }),
    created_at: z.string(),
    read: z.boolean(),
  })
  .meta({ id: "Notification" });

export const notificationListSchema = z
  .object({
    items: z.array(notificationSchema),
    unread: z.number().int().meta({ description: "未读通知数。Unread notifications." }),
  })
  .meta({ id: "NotificationList" });

export const emailSettingsSchema = z
  .object({
    email: z.string().meta({ description: "邮件发往的地址。Where the e-mail goes." }),
    kinds: z
      .array(
        z.object({
          kind: z.enum(NOTIFICATION_KINDS),
          email: z.boolean().meta({
            description:
              "是否同时发送邮件（站内通知总会保留）。Whether an e-mail copy is sent (the in-app one always is).",
          }),
        }),
      )
      .meta({
        description:
          "读者的角色能收到的通知类别。The kinds of notification the reader's role can receive.",
      }),
  })
  .meta({ id: "EmailSettings" });
