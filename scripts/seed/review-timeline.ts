import type { Deadline } from "../../worker/db/queries/deadlines";
import type { Transition } from "../../worker/db/queries/workflow";
import type { ReportStatus } from "../../worker/db/schema";
import type { Random } from "../../worker/demo/random";
import { chinaDay } from "../../worker/notify/reminder-plan";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface ReviewStep {
  transition: Transition;
  at: Date;
}

/** The reporting year the demo opens on, and the seed's clock it is placed around. */
export interface OpenSeason {
  year: number;
  now: Date;
}

/**
 * The open year's deadlines, set around the seed's clock so that whenever the demo is loaded the
 * departments' deadline is 3 days away and the governments' 10: every agency that has not
 * submitted is due a reminder (the thresholds are 14, 7, 3 and 1 days).
 */
export function openSeasonDeadline(season: OpenSeason): Deadline {
  const inDays = (days: number) => chinaDay(new Date(season.now.getTime() + days * DAY_MS));
  return { year: season.year, departmentDeadline: inDays(3), governmentDeadline: inDays(10) };
}

/** The review steps that bring a report to its planned status, dated as they would happen. */
export function reviewSteps(
  status: ReportStatus,
  year: number,
  kind: "government" | "department",
  rng: Random,
  season: OpenSeason,
): ReviewStep[] {
  if (status === "draft") return [];
  const [submitted, reviewed] =
    year === season.year ? duringSeason(rng, season.now) : afterPastYear(year, kind, rng);
  const steps: ReviewStep[] = [{ transition: "submit", at: submitted }];
  if (status === "approved") steps.push({ transition: "approve", at: reviewed });
  if (status === "returned") steps.push({ transition: "return", at: reviewed });
  return steps;
}

/**
 * A closed year: most submissions in January (departments) or March (governments) of the year
 * after, a few after the deadline, each reviewed within ten days.
 */
function afterPastYear(year: number, kind: "government" | "department", rng: Random): [Date, Date] {
  const month = kind === "government" ? 3 : 1;
  const day = rng.chance(0.08) ? 31 + rng.int(1, 20) : rng.int(5, 30);
  const submitted = new Date(Date.UTC(year + 1, month - 1, day, 2));
  return [submitted, new Date(submitted.getTime() + rng.int(1, 10) * DAY_MS)];
}

/** The open year: submitted in the four weeks before `now`, reviewed since (never after `now`). */
function duringSeason(rng: Random, now: Date): [Date, Date] {
  const submitted = now.getTime() - rng.int(1, 28 * 24) * HOUR_MS;
  const reviewed = submitted + rng.float(0.1, 1) * (now.getTime() - submitted);
  return [new Date(submitted), new Date(Math.floor(reviewed))];
}

/**
 * The demo submitter's report: submitted three days ago and returned 18 hours ago, after the demo
 * accounts were opened, so that its account opens on a return to act on (read) and a reminder.
 */
export const returnedYesterday = (now: Date): ReviewStep[] => [
  { transition: "submit", at: new Date(now.getTime() - 3 * DAY_MS) },
  { transition: "return", at: new Date(now.getTime() - 18 * HOUR_MS) },
];
