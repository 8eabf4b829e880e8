/**
 * 催报: a reviewer or administrator reminds one agency, or every agency of a region that has not
 * submitted, in one click. The preview says what will be sent and to how many people; sending
 * reaches each such agency's submitters, at most once a day per agency and year (a second click
 * the same day is told, not sent).
 */

import type { Database } from "../db/client";
import { submittersUnder, unsubmittedUnder, type Unsubmitted } from "../db/queries/chase";
import { claimOnce, sentKeysWithPrefix } from "../db/queries/sent-once";
import type { Recipient } from "../db/queries/notifications";
import { deliver } from "./deliver";
import type { MailSettings } from "./send-email";
import { chinaDay } from "./reminder-plan";
import type { Notice } from "./report-events";

/** A region's 催报 reaches at most this many agencies at once. */
const MAX_CHASED = 2000;

export function chaseNotice(
  agency: { id: number; name: string },
  year: number,
  actorName: string,
  deadlineDay: string,
): Notice {
  return {
    kind: "chase",
    audience: "submitters",
    title: `催报：${agency.name} ${year} 年度报告尚未提交`,
    body: `${actorName} 提醒：截止日期为 ${deadlineDay}，报告尚未提交，请尽快完成填报并提交审核。`,
    link: `/reports/${agency.id}/${year}/edit`,
  };
}

export interface ChasePlan {
  agencies: Unsubmitted[];
  /** Each agency's active submitters: whom its reminder reaches. */
  people: ReadonlyMap<number, Recipient[]>;
  /** People who will be told (the submitters of the agencies not chased today). */
  recipients: number;
  /** Agencies with nobody to tell: no active submitter. */
  withoutSubmitter: number;
  /** Agencies already chased today. */
  chasedToday: number;
}

/** Keyed by year and day first, so that one range read finds what was chased today. */
const chasePrefix = (year: number, now: Date) => `chase/year:${year}/day:${chinaDay(now)}/`;
const chaseKey = (agencyId: number, year: number, now: Date) =>
  `${chasePrefix(year, now)}agency:${agencyId}`;

/** Three statements whatever the region's size: the unsubmitted, their submitters, today's 催报. */
export async function planChase(
  db: Database,
  rootPath: string,
  year: number,
  now: Date,
  only: number | null,
): Promise<ChasePlan> {
  const [found, submitters, chased] = await Promise.all([
    unsubmittedUnder(db, rootPath, year, MAX_CHASED),
    submittersUnder(db, rootPath),
    sentKeysWithPrefix(db, chasePrefix(year, now)),
  ]);
  const agencies = only === null ? found : found.filter((a) => a.id === only);
  const people = new Map<number, Recipient[]>();
  for (const s of submitters) {
    const list = people.get(s.agencyId) ?? [];
    list.push({ id: s.id, name: s.name, email: s.email, emailOff: s.emailOff === 1 });
    people.set(s.agencyId, list);
  }
  const chasedIds = new Set(chased.map((key) => key.slice(key.lastIndexOf(":") + 1)));
  let recipients = 0;
  let withoutSubmitter = 0;
  let chasedToday = 0;
  for (const agency of agencies) {
    const told = people.get(agency.id) ?? [];
    if (told.length === 0) withoutSubmitter += 1;
    if (chasedIds.has(String(agency.id))) chasedToday += 1;
    else recipients += told.length;
  }
  return { agencies, people, recipients, withoutSubmitter, chasedToday };
}

/** Sends the planned 催报; answers how many agencies and people it reached. */
export async function sendChase(
  db: Database,
  mail: MailSettings,
  plan: ChasePlan,
  year: number,
  actorName: string,
  deadlineFor: (agency: Unsubmitted) => string,
  now: Date,
): Promise<{ agencies: number; recipients: number }> {
  let agencies = 0;
  let recipients = 0;
  for (const agency of plan.agencies) {
    const people = plan.people.get(agency.id) ?? [];
    if (people.length === 0) continue;
    if (!(await claimOnce(db, chaseKey(agency.id, year, now), now))) continue;
    await deliver(
      db,
      mail,
      people,
      chaseNotice(agency, year, actorName, deadlineFor(agency)),
      { agencyId: agency.id, year, actorName },
      now,
    );
    agencies += 1;
    recipients += people.length;
  }
  return { agencies, recipients };
}
