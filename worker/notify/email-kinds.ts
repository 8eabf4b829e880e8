/**
 * The kinds of notification each role can receive, and so can turn e-mail off for: a submitter
 * hears of its agency's report, a reviewer of its region's queue, an administrator only of the
 * nationwide digest (it sees everything, and is not told of each hand-off).
 */

import type { NotificationKind, UserRole } from "../db/schema";

export const RECEIVABLE_KINDS: Record<UserRole, readonly NotificationKind[]> = {
  submitter: [
    "report_returned",
    "report_approved",
    "deadline_reminder",
    "overdue_reminder",
    "chase",
  ],
  reviewer: ["report_submitted", "correction_submitted", "review_digest"],
  admin: ["review_digest"],
};
