import { asc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { deadlines } from "../schema";

export interface Deadline {
  year: number;
  departmentDeadline: string;
  governmentDeadline: string;
}

/**
 * Art. 49: departments publish the year's report by 31 January, a government's whole-region
 * report follows by 31 March — both of the following year, unless an admin set other dates.
 */
export const defaultDeadline = (year: number): Deadline => ({
  year,
  departmentDeadline: `${year + 1}-01-31`,
  governmentDeadline: `${year + 1}-03-31`,
});

export async function deadlineFor(db: Database, year: number): Promise<Deadline> {
  return (
    (await db.select().from(deadlines).where(eq(deadlines.year, year)).get()) ??
    defaultDeadline(year)
  );
}

export const listDeadlines = (db: Database) =>
  db.select().from(deadlines).orderBy(asc(deadlines.year));

export async function upsertDeadline(db: Database, deadline: Deadline) {
  await db
    .insert(deadlines)
    .values(deadline)
    .onConflictDoUpdate({
      target: deadlines.year,
      set: {
        departmentDeadline: deadline.departmentDeadline,
        governmentDeadline: deadline.governmentDeadline,
      },
    });
}

/** A submission is late after the end (China Standard Time) of its deadline day. */
export function isLate(deadline: Deadline, kind: "government" | "department", at: Date): boolean {
  const day = kind === "government" ? deadline.governmentDeadline : deadline.departmentDeadline;
  return at.getTime() >= new Date(`${day}T24:00:00+08:00`).getTime();
}
