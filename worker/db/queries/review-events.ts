import { asc, eq } from "drizzle-orm";
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
