/**
 * Hands a notice to its readers: always in the app, and by e-mail to each reader who has not
 * turned this kind off. Every e-mail is recorded in the outbox with what became of it, so the
 * admin's outbox page shows the messages even where the binding sends nothing (locally).
 */

import type { Database } from "../db/client";
import { insertNotifications, type Recipient } from "../db/queries/notifications";
import { emailOutbox } from "../db/schema";
import { emailBody } from "./email-body";
import type { Notice } from "./report-events";

export interface MailSettings {
  EMAIL?: SendEmail;
  EMAIL_FROM?: string;
  APP_URL?: string;
}

/** "名字 <地址>" → the binding's address object. */
function sender(from: string): EmailAddress | string {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from);
  return match ? { name: match[1] ?? "", email: match[2] ?? "" } : from;
}

export async function deliver(
  db: Database,
  mail: MailSettings,
  recipients: readonly Recipient[],
  notice: Notice,
  about: { agencyId: number | null; year: number | null; actorName: string | null },
  now: Date,
): Promise<void> {
  await insertNotifications(
    db,
    recipients.map((r) => ({
      userId: r.id,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      link: notice.link,
      ...about,
    })),
    now,
  );
  const from = mail.EMAIL_FROM ?? "年报 Nianbao <noreply@nianbao.example.cn>";
  const appUrl = mail.APP_URL ?? "http://127.0.0.1:8787";
  for (const recipient of recipients) {
    if (recipient.emailOff) continue;
    const body = emailBody(notice, appUrl, recipient.name);
    let error: string | null = null;
    try {
      if (!mail.EMAIL) throw new Error("no EMAIL binding");
      await mail.EMAIL.send({ from: sender(from), to: recipient.email, ...body });
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
    }
    await db.insert(emailOutbox).values({
      userId: recipient.id,
      toAddress: recipient.email,
      kind: notice.kind,
      ...body,
      status: error === null ? "sent" : "failed",
      error,
      createdAt: now.toISOString(),
    });
  }
}
