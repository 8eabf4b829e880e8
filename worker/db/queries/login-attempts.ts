import { and, eq, gte } from "drizzle-orm";
import type { Database } from "../client";
import { loginAttempts } from "../schema";

export async function recordLoginAttempt(
  db: Database,
  input: { account: string; address: string; success: boolean },
  now: Date,
) {
  await db.insert(loginAttempts).values({ ...input, at: now.toISOString() });
}

/** Failed attempts since `since`, for one account and for one address. */
export async function recentFailures(db: Database, account: string, address: string, since: Date) {
  const from = since.toISOString();
  const [byAccount, byAddress] = await Promise.all([
    db
      .select({ at: loginAttempts.at })
      .from(loginAttempts)
      .where(
        and(
          eq(loginAttempts.account, account),
          eq(loginAttempts.success, false),
          gte(loginAttempts.at, from),
        ),
      ),
    db
      .select({ at: loginAttempts.at })
      .from(loginAttempts)
      .where(
        and(
          eq(loginAttempts.address, address),
          eq(loginAttempts.success, false),
          gte(loginAttempts.at, from),
        ),
      ),
  ]);
  return {
    account: byAccount.map((r) => new Date(r.at)),
    address: byAddress.map((r) => new Date(r.at)),
  };
}
