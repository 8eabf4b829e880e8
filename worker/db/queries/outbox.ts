import { desc, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { emailOutbox, users } from "../schema";

/** A page of the outbox, newest first, each message with its recipient's name, and the total. */
export async function listOutbox(db: Database, page: { limit: number; offset: number }) {
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: emailOutbox.id,
        to: emailOutbox.toAddress,
        userName: users.name,
        kind: emailOutbox.kind,
        subject: emailOutbox.subject,
        text: emailOutbox.text,
        html: emailOutbox.html,
        status: emailOutbox.status,
        error: emailOutbox.error,
        createdAt: emailOutbox.createdAt,
      })
      .from(emailOutbox)
      .leftJoin(users, eq(users.id, emailOutbox.userId))
      .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: sql<number>`count(*)` }).from(emailOutbox),
  ]);
  return { rows, total: count?.total ?? 0 };
}

/** One message's HTML body, as its reader got it; undefined when there is no such message. */
export const outboxHtml = (db: Database, id: number) =>
  db
    .select({ html: emailOutbox.html })
    .from(emailOutbox)
    .where(eq(emailOutbox.id, id))
    .get()
    .then((row) => row?.html);
