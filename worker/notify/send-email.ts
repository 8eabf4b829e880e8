/**
 * Sends one e-mail through the EMAIL binding and records it in the outbox with what became of
 * it, so the admin's outbox page shows every message even where the binding sends nothing
 * (locally). A refusal by the binding is recorded as "failed", never thrown: the caller's work
 * (a hand-off, an invitation) stands whether or not the mail went out.
 */

import type { Database } from "../db/client";
import { emailOutbox, type NotificationKind } from "../db/schema";
import type { EmailBody } from "./email-body";

export interface MailSettings {
  EMAIL?: SendEmail;
  EMAIL_FROM?: string;
  APP_URL?: string;
}

/** What an outbox row says a message was: a notification's kind, or an account's one-time link. */
type EmailKind = NotificationKind | "invitation" | "password_reset";

export interface OutgoingEmail extends EmailBody {
  /** The recipient's account, when the message is to one. */
  userId: number | null;
  to: string;
  kind: EmailKind;
}

const DEFAULT_FROM = "年报 Nianbao <noreply@nianbao.example.cn>";
const DEFAULT_APP_URL = "http://127.0.0.1:8787";

/** Where the links in e-mails point: the configured address of the app. */
export const appUrlOf = (mail: MailSettings) => mail.APP_URL ?? DEFAULT_APP_URL;

/** "名字 <地址>" → the binding's address object. */
function sender(from: string): EmailAddress | string {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from);
  return match ? { name: match[1] ?? "", email: match[2] ?? "" } : from;
}

export async function sendEmail(
  db: Database,
  mail: MailSettings,
  message: OutgoingEmail,
  now: Date,
): Promise<void> {
  const { userId, to, kind, ...body } = message;
  let error: string | null = null;
  try {
    if (!mail.EMAIL) throw new Error("no EMAIL binding");
    await mail.EMAIL.send({ from: sender(mail.EMAIL_FROM ?? DEFAULT_FROM), to, ...body });
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  await db.insert(emailOutbox).values({
    userId,
    toAddress: to,
    kind,
    ...body,
    status: error === null ? "sent" : "failed",
    error,
    createdAt: now.toISOString(),
  });
}
