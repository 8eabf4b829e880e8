/**
 * The daily job (wrangler.toml `[triggers] crons`): for the open reporting year, remind every
 * agency without a submitted report at the thresholds before its deadline and weekly after it,
 * send each reviewer with reports waiting in their region a digest, and each administrator one
 * of every report waiting nationwide. Each message is claimed in `sent_once` before it is sent,
 * so a rerun, a retried cron or two overlapping runs never send one twice, and a report
 * submitted in the meantime is no longer among those reminded.
 */

import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { submittersOf } from "../db/queries/notifications";
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

/** Claims a message; false when it was claimed (sent) before. */
async function claim(db: Database, key: string, now: Date): Promise<boolean> {
  const rows = await db.all<{ key: string }>(sql`
    INSERT INTO sent_once (key, sent_at) VALUES (${key}, ${now.toISOString()})
    ON CONFLICT (key) DO NOTHING RETURNING key`);
  return rows.length > 0;
}

interface Unsubmitted {
  id: number;
  name: string;
  kind: "government" | "department";
}

/** Agencies whose report for the year is missing, a draft or returned. */
const unsubmitted = (db: Database, year: number) =>
  db.all<Unsubmitted>(sql`
    SELECT a.id, a.name, a.kind FROM agencies AS a
      LEFT JOIN reports AS r ON r.agency_id = a.id AND r.year = ${year}
     WHERE r.id IS NULL OR r.status IN ('draft', 'returned')
     ORDER BY a.id`);

interface Waiting {
  id: number;
  name: string;
  email: string;
  waiting: number;
  oldest: string;
}

/** Each active reviewer with submitted reports waiting in their region, and the oldest's date. */
const reviewersWithWaiting = (db: Database) =>
  db.all<Waiting>(sql`
    SELECT u.id, u.name, u.email, COUNT(r.id) AS waiting, MIN(r.submitted_at) AS oldest
      FROM users AS u
      JOIN agencies AS region ON region.id = u.region_agency_id
      JOIN agencies AS a ON substr(a.path, 1, length(region.path)) = region.path
      JOIN reports AS r ON r.agency_id = a.id AND r.status = 'submitted'
     WHERE u.role = 'reviewer' AND u.active = 1
     GROUP BY u.id ORDER BY u.id`);

/** Each active administrator, with every submitted report waiting nationwide (none: no rows). */
const adminsWithWaiting = (db: Database) =>
  db.all<Waiting>(sql`
    SELECT u.id, u.name, u.email, w.waiting, w.oldest
      FROM users AS u,
           (SELECT COUNT(*) AS waiting, MIN(submitted_at) AS oldest
              FROM reports WHERE status = 'submitted') AS w
     WHERE u.role = 'admin' AND u.active = 1 AND w.waiting > 0
     ORDER BY u.id`);

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
    for (const agency of await unsubmitted(db, season.year)) {
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
      if (!(await claim(db, key, now))) continue;
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
    if (!(await claim(db, `digest/user:${reader.id}/day:${today}`, now))) continue;
    const oldestDays = Math.max(
      0,
      Math.floor((now.getTime() - Date.parse(reader.oldest)) / 86_400_000),
    );
    await deliver(
      db,
      settings,
      await asRecipient(db, reader),
      digestNotice(reader.waiting, oldestDays),
      { agencyId: null, year: null, actorName: null },
      now,
    );
    summary.digests += 1;
  }
  return summary;
}

/** The reviewer or administrator as a digest's reader, with their e-mail choice for digests. */
async function asRecipient(db: Database, reader: Waiting) {
  const off = await db.all<{ n: number }>(sql`
    SELECT 1 AS n FROM email_opt_outs WHERE user_id = ${reader.id} AND kind = 'review_digest'`);
  return [{ id: reader.id, name: reader.name, email: reader.email, emailOff: off.length > 0 }];
}
