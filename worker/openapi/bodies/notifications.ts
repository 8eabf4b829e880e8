import { z } from "zod";

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
