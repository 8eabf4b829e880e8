import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { runBatch } from "../batch";
import type { Database } from "../client";
import { agencies, emailOptOuts, notifications, users, type NotificationKind } from "../schema";

/** A reader of a notification: who, and where the e-mail copy goes (if they want it). */
export interface Recipient {
  id: number;
  name: string;
  email: string;
  /** E-mail turned off for this kind. */
  emailOff: boolean;
}

async function withOptOuts(
  db: Database,
  rows: { id: number; name: string; email: string }[],
  kind: NotificationKind,
): Promise<Recipient[]> {
  if (rows.length === 0) return [];
  const off = await db
    .select({ userId: emailOptOuts.userId })
    .from(emailOptOuts)
    .where(
      and(
        eq(emailOptOuts.kind, kind),
        inArray(
          emailOptOuts.userId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .all();
  const offIds = new Set(off.map((o) => o.userId));
  return rows.map((r) => ({ ...r, emailOff: offIds.has(r.id) }));
}

/** The active submitters of an agency: who hears of its report's returns, approvals and reminders. */
export async function submittersOf(db: Database, agencyId: number, kind: NotificationKind) {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.role, "submitter"), eq(users.agencyId, agencyId), eq(users.active, true)))
    .all();
  return withOptOuts(db, rows, kind);
}

/**
 * The active reviewers whose region holds the agency (its path starts with their region's path):
 * who hears of its submissions. Admins see everything and are not told of each one.
 */
export async function reviewersOf(db: Database, agencyPath: string, kind: NotificationKind) {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.regionAgencyId))
    .where(
      and(
        eq(users.role, "reviewer"),
        eq(users.active, true),
        sql`substr(${agencyPath}, 1, length(${agencies.path})) = ${agencies.path}`,
      ),
    )
    .all();
  return withOptOuts(db, rows, kind);
}

export interface NewNotification {
  userId: number;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  agencyId: number | null;
  year: number | null;
  actorName: string | null;
}

/** D1 binds at most 100 parameters a statement; a notification row takes 9. */
const ROWS_PER_INSERT = 11;

/** Inserts the notifications in one batch (one transaction), a few rows a statement. */
export async function insertNotifications(db: Database, rows: NewNotification[], now: Date) {
  if (rows.length === 0) return;
  const createdAt = now.toISOString();
  const statements = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT).map((r) => ({ ...r, createdAt }));
    statements.push(db.insert(notifications).values(chunk));
  }
  await runBatch(db, statements);
}

export function listNotifications(
  db: Database,
  userId: number,
  page: { limit: number; offset: number; unreadOnly: boolean },
) {
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        page.unreadOnly ? isNull(notifications.readAt) : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
}

export async function unreadCount(db: Database, userId: number): Promise<number> {
  const row = await db
    .select({ n: sql<number>`count(*)` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .get();
  return row?.n ?? 0;
}

/** Marks the user's own notification read; false when it is not theirs (or does not exist). */
export async function markRead(db: Database, userId: number, id: number, now: Date) {
  const updated = await db
    .update(notifications)
    .set({ readAt: now.toISOString() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id })
    .all();
  return updated.length > 0;
}

export async function markAllRead(db: Database, userId: number, now: Date) {
  await db
    .update(notifications)
    .set({ readAt: now.toISOString() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}
