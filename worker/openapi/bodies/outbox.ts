import { z } from "zod";
import { count, instant, rowId } from "./primitives";

const outboxMessageSchema = z
  .object({
    id: rowId,
    to: z.string().meta({ description: "收件地址。The recipient's address." }),
    user_name: z.string().nullable().meta({
      description:
        "收件人姓名；收件人不是本系统用户时为 null。The recipient's name; null when the message was to no account.",
    }),
    kind: z.string().meta({
      description:
        "邮件类别：通知类别，或 invitation、password_reset。A notification's kind, or invitation or password_reset.",
      examples: ["report_submitted", "invitation"],
    }),
    subject: z.string(),
    text: z.string().meta({ description: "纯文本正文。The plain-text body." }),
    html: z.string().meta({
      description:
        "HTML 正文（其中文本均已转义）。The HTML body (every text in it escaped); show it sandboxed.",
    }),
    status: z.enum(["sent", "failed"]).meta({
      description:
        "sent：已交给邮件服务；failed：发送失败，见 error。Handed to the e-mail service, or failed (see error).",
    }),
    error: z.string().nullable().meta({ description: "发送失败的原因。Why the send failed." }),
    created_at: instant,
  })
  .meta({ id: "OutboxMessage" });

export const outboxListSchema = z
  .object({
    items: z.array(outboxMessageSchema),
    total: count.meta({ description: "邮件总数。Messages in the outbox." }),
  })
  .meta({ id: "OutboxList" });
