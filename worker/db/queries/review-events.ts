import { and, asc, desc, eq } from "drizzle-orm";
import type { RuleExplanation } from "../../report/rule-explanation";
import type { Database } from "../client";
import { publications, reviewEvents } from "../schema";

export type ReviewEventRow = typeof reviewEvents.$inferSelect;

export const listReviewEvents = (db: Database, reportId: number) =>
  db
    .select()
    .from(reviewEvents)
    .where(eq(reviewEvents.reportId, reportId))
    .orderBy(asc(reviewEvents.id));

export const listPublications = (db: Database, reportId: number) =>
  db
    .select()
    .from(publications)
    .where(eq(publications.reportId, reportId))
    .orderBy(asc(publications.id));

/**
 * The explanations sent with the last submission of one revision: what the agency said of that
 * revision's findings (a later draft's submission explains other figures).
 */
export async function explanationsOfRevision(
  db: Database,
  reportId: number,
  revision: number,
): Promise<RuleExplanation[]> {
  const [submission] = await db
    .select({ explanations: reviewEvents.explanations })
    .from(reviewEvents)
    .where(
      and(
        eq(reviewEvents.reportId, reportId),
        eq(reviewEvents.action, "submit"),
        eq(reviewEvents.revision, revision),
      ),
    )
    .orderBy(desc(reviewEvents.id))
    .limit(1);
  return submission ? (JSON.parse(submission.explanations) as RuleExplanation[]) : [];
}
