/**
 * The daily job (wrangler.toml `[triggers] crons`): for the open reporting year, remind every
 * agency without a submitted report at the thresholds before its deadline and weekly after it,
 * send each reviewer with reports waiting in their region a digest, and each administrator one
 * of every report waiting nationwide. Each message is claimed in `sent_once` before it is sent,
 * so a rerun, a retried cron or two overlapping runs never send one twice, and a report
 * submitted in the meantime is no longer among those reminded.
 */

import type { Database } from "../db/client";
import { unsubmittedUnder } from "../db/queries/chase";
import { adminsWithWaiting, reviewersWithWaiting, type DigestReader } from "../db/queries/digests";
import { submittersOf } from "../db/queries/notifications";
import { claimOnce } from "../db/queries/sent-once";
import { openSeason } from "../db/queries/season";
import { deliver } from "./deliver";
import type { MailSettings } from "./send-email";
import { chinaDay, dueReminder, parseThresholds } from "./reminder-plan";
import { digestNotice, reminderNotice } from "./season-notices";

export interface ScheduledSettings extends MailSettings {
  /** "14,7,3,1": the days before a deadline on which agencies are reminded. */
  REMINDER_DAYS?: string;
}

export interface ScheduledSummary {
  year: number | null;
  reminders: number;
  digests: number;
}

export async function runScheduled(
  db: Database,
  settings: ScheduledSettings,
  now: Date,
): Promise<ScheduledSummary> {
  const summary: ScheduledSummary = { year: null, reminders: 0, digests: 0 };
  const season = await openSeason(db, now);
  if (season) {
    summary.year = season.year;
    const thresholds = parseThresholds(settings.REMINDER_DAYS);
    for (const agency of await unsubmittedUnder(db, "", season.year)) {
      const deadline =
        agency.kind === "government" ? season.government_deadline : season.department_deadline;
      const due = dueReminder(deadline, now, thresholds);
      if (!due) continue;
      const recipients = await submittersOf(
        db,
        agency.id,
        due.daysLeft >= 0 ? "deadline_reminder" : "overdue_reminder",
      );
      // An agency nobody reports for yet is left to the reviewers' 催报 (it has no one to tell).
      if (recipients.length === 0) continue;
      const key = `reminder/agency:${agency.id}/year:${season.year}/${due.threshold}`;
      if (!(await claimOnce(db, key, now))) continue;
      const notice = reminderNotice(agency, season.year, deadline, due.daysLeft);
      await deliver(
        db,
        settings,
        recipients,
        notice,
        { agencyId: agency.id, year: season.year, actorName: null },
        now,
      );
      summary.reminders += 1;
    }
  }
  const today = chinaDay(now);
  const readers = [...(await reviewersWithWaiting(db)), ...(await adminsWithWaiting(db))];
  for (const reader of readers) {
    if (!(await claimOnce(db, `digest/user:${reader.id}/day:${today}`, now))) continue;
    const oldestDays = Math.max(
      0,
      Math.floor((now.getTime() - Date.parse(reader.oldest)) / 86_400_000),
    );
    await deliver(
      db,
      settings,
      [asRecipient(reader)],
      digestNotice(reader.waiting, oldestDays),
      { agencyId: null, year: null, actorName: null },
      now,
    );
    summary.digests += 1;
  }
  return summary;
}

/** The reviewer or administrator as a digest's reader, with their e-mail choice for digests. */
const asRecipient = (reader: DigestReader) => ({
  id: reader.id,
  name: reader.name,
  email: reader.email,
  emailOff: reader.emailOff === 1,
});
