import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { oneTimeLinks } from "../schema";

export type LinkPurpose = "invite" | "reset";

export async function insertLink(
  db: Database,
  input: {
    tokenHash: string;
    purpose: LinkPurpose;
    userId: number;
    createdBy: number | null;
    expiresAt: Date;
  },
  now: Date,
) {
  await db.insert(oneTimeLinks).values({
    ...input,
    createdAt: now.toISOString(),
    expiresAt: input.expiresAt.toISOString(),
  });
}

export const findLink = (db: Database, tokenHash: string) =>
  db.select().from(oneTimeLinks).where(eq(oneTimeLinks.tokenHash, tokenHash)).get();

/**
 * Marks a link used if, and only if, it is still unused and unexpired. The condition sits in
 * the UPDATE itself, so two simultaneous uses cannot both succeed.
 */
export async function consumeLink(db: Database, tokenHash: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const used = await db
    .update(oneTimeLinks)
    .set({ usedAt: at })
    .where(
      and(
        eq(oneTimeLinks.tokenHash, tokenHash),
        isNull(oneTimeLinks.usedAt),
        gt(oneTimeLinks.expiresAt, at),
      ),
    )
    .returning({ userId: oneTimeLinks.userId });
  return used.length === 1;
}
