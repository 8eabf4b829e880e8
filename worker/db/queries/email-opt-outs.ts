import { and, eq, inArray } from "drizzle-orm";
import { runBatch } from "../batch";
import type { Database } from "../client";
import { emailOptOuts, type NotificationKind } from "../schema";

/** The kinds a user has turned e-mail off for. */
export async function emailOffKinds(db: Database, userId: number): Promise<Set<NotificationKind>> {
  const rows = await db
    .select({ kind: emailOptOuts.kind })
    .from(emailOptOuts)
    .where(eq(emailOptOuts.userId, userId))
    .all();
  return new Set(rows.map((r) => r.kind));
}

/** Turns e-mail on or off for the kinds named, in one batch; kinds not named stay as they are. */
export async function setEmailChoices(
  db: Database,
  userId: number,
  choices: Partial<Record<NotificationKind, boolean>>,
) {
  const entries = Object.entries(choices) as [NotificationKind, boolean][];
  const on = entries.filter(([, email]) => email).map(([kind]) => kind);
  const off = entries.filter(([, email]) => !email).map(([kind]) => kind);
  const statements = [];
  if (on.length > 0)
    statements.push(
      db
        .delete(emailOptOuts)
        .where(and(eq(emailOptOuts.userId, userId), inArray(emailOptOuts.kind, on))),
    );
  if (off.length > 0)
    statements.push(
      db
        .insert(emailOptOuts)
        .values(off.map((kind) => ({ userId, kind })))
        .onConflictDoNothing(),
    );
  if (statements.length > 0) await runBatch(db, statements);
}
