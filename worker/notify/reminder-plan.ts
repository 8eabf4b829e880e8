/**
 * Which reminder is due for an agency that has not submitted, on a given day: before its deadline
 * the nearest threshold it has reached (14, 7, 3, 1 days by default), after it one a week. A run
 * that missed days still sends the reminder now due, and never an earlier one it has passed.
 * Days are counted in China Standard Time, where deadlines are set.
 */

const DEFAULT_THRESHOLDS = [14, 7, 3, 1] as const;

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;

/** The calendar day (YYYY-MM-DD) of an instant in China Standard Time. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

function daysBetween(fromDay: string, toDay: string): number {
  return Math.round(
    (Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / DAY_MS,
  );
}

export interface DueReminder {
  /** "before:7" or "after:2" (the second week after the deadline): part of the sent-once key. */
  threshold: string;
  /** Days to the deadline (0: it is today), or negative days past it. */
  daysLeft: number;
}

/** The thresholds from configuration ("14,7,3,1"), or the defaults when it is missing or wrong. */
export function parseThresholds(text: string | undefined): number[] {
  const days = (text ?? "")
    .split(",")
    .map((part) => part.trim())
    // An empty part is no threshold (Number("") would be 0, the deadline day).
    .filter((part) => part !== "")
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 0 && n <= 366);
  return days.length > 0 ? [...new Set(days)].sort((a, b) => b - a) : [...DEFAULT_THRESHOLDS];
}

export function dueReminder(
  deadlineDay: string,
  now: Date,
  thresholds: readonly number[],
): DueReminder | null {
  const daysLeft = daysBetween(chinaDay(now), deadlineDay);
  if (daysLeft >= 0) {
    const reached = thresholds.filter((t) => daysLeft <= t);
    if (reached.length === 0) return null;
    return { threshold: `before:${Math.min(...reached)}`, daysLeft };
  }
  const week = Math.ceil(-daysLeft / 7);
  return { threshold: `after:${week}`, daysLeft };
}
