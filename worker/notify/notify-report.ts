/** Tells the readers of a report's hand-off (see report-events.ts) in the app and by e-mail. */

import type { Database } from "../db/client";
import { reviewersOf, submittersOf } from "../db/queries/notifications";
import { deliver } from "./deliver";
import type { MailSettings } from "./send-email";
import { reportEventNotice, type ReportEventFacts } from "./report-events";

export async function notifyReportMoved(
  db: Database,
  mail: MailSettings,
  facts: ReportEventFacts & { agencyPath: string },
  now: Date,
): Promise<void> {
  const notice = reportEventNotice(facts);
  const recipients =
    notice.audience === "reviewers"
      ? await reviewersOf(db, facts.agencyPath, notice.kind)
      : await submittersOf(db, facts.agency.id, notice.kind);
  await deliver(
    db,
    mail,
    recipients,
    notice,
    { agencyId: facts.agency.id, year: facts.year, actorName: facts.actorName },
    now,
  );
}
