/**
 * Hands a notice to its readers: always in the app, and by e-mail to each reader who has not
 * turned this kind off (each e-mail recorded in the outbox, see send-email.ts).
 */

import type { Database } from "../db/client";
import { insertNotifications, type Recipient } from "../db/queries/notifications";
import { emailBody } from "./email-body";
import type { Notice } from "./report-events";
import { appUrlOf, sendEmail, type MailSettings } from "./send-email";

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
  for (const recipient of recipients) {
    if (recipient.emailOff) continue;
    await sendEmail(
      db,
      mail,
      {
        userId: recipient.id,
        to: recipient.email,
        kind: notice.kind,
        ...emailBody(notice, appUrlOf(mail), recipient.name),
      },
      now,
    );
  }
}
