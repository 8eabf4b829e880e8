import { sql } from "drizzle-orm";
import { runBatch } from "../../worker/db/batch";
import type { Database } from "../../worker/db/client";
import type { AgencyRow } from "../../worker/db/queries/agencies";
import { upsertDeadline, type Deadline } from "../../worker/db/queries/deadlines";
import type { StoredRevision } from "../../worker/db/queries/reports";
import type { ReportStatus } from "../../worker/db/schema";
import { FIXTURE_AGENCIES, type DemoAgency } from "../../worker/demo/fixture-agencies";
import { fixtureDocument } from "../../worker/demo/fixture-document";
import { createRng } from "../../worker/demo/random";
import {
  demoProvinceOptions,
  generateAgencies,
  type SyntheticAgency,
} from "../../worker/demo/synthetic-agencies";
import { generateReports } from "../../worker/demo/synthetic-reports";
import { notifyReportMoved } from "../../worker/notify/notify-report";
import { runScheduled, type ScheduledSettings } from "../../worker/notify/scheduled-run";
import type { ReportDocument } from "../../worker/report/document";
import type { Finding } from "../../worker/report/rules";
import { moveReport } from "../../worker/services/report-workflow";
import { saveReport } from "../../worker/services/save-report";
import { createAgencyTree } from "./agency-tree";
import { readOlderNotifications } from "./demo-reading";
import {
  demoPlaces,
  seedDemoUsers,
  type DemoCredential,
  type DemoPlaces,
  type DemoUser,
} from "./demo-users";
import {
  openSeasonDeadline,
  returnedYesterday,
  reviewSteps,
  type ReviewStep,
} from "./review-timeline";

const AUTHOR = "演示数据";
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
const SMALL_YEARS = [2023, 2024];
const HOUR_MS = 3_600_000;
/** The demo accounts were opened a day before the seed's clock: earlier hand-offs told no one. */
const ACCOUNTS_AGE_MS = 24 * HOUR_MS;
/** What reached them more than half a day before the seed's clock, the demo users have read. */
const READ_AGE_MS = 12 * HOUR_MS;

export interface SeedInput {
  reset: boolean;
  small: boolean;
  seed: number;
  /** The seed's clock (ISO 8601): the open season, its hand-offs and reminders are set around it. */
  now: string;
  /** The app's configuration of e-mail and reminders (wrangler.toml [vars]). */
  settings: Pick<ScheduledSettings, "EMAIL_FROM" | "APP_URL" | "REMINDER_DAYS">;
  /** The fixtures' expected.json documents, by file stem. */
  fixtures: Record<string, Record<string, unknown>>;
}

export interface SeedOptions extends Omit<SeedInput, "now" | "settings"> {
  now: Date;
  /** How the seed's notifications are e-mailed (and recorded in the outbox). */
  mail: ScheduledSettings;
  log: (line: string) => void;
}

export interface SeedSummary {
  skipped: boolean;
  agencies: number;
  reports: number;
  published: number;
  users: DemoCredential[];
  /** The open reporting year and its deadlines. */
  season: Deadline | null;
  notifications: number;
  emails: number;
}

interface PlannedReport {
  agencyKey: string;
  document: ReportDocument;
  status: ReportStatus;
}

/** One step of one report's review, as the seed replays it. */
interface HandOff {
  agency: AgencyRow;
  year: number;
  stored: StoredRevision;
  step: ReviewStep;
}

/**
 * Loads the demo: every year's reports, the latest year's season in progress (its deadlines days
 * away, reports submitted, returned, drafts and missing), and the demo users. The hand-offs are
 * replayed in date order through the Worker's own workflow and notifications, the demo users'
 * accounts opened a day before `now`; then the daily job runs once at `now`, so that each user
 * finds notifications (reminders, a digest) and the outbox the e-mails they were sent.
 */
export async function seedDemo(db: Database, options: SeedOptions): Promise<SeedSummary> {
  const [{ count }] = (await db.all<{ count: number }>(
    sql`SELECT count(*) AS count FROM agencies`,
  )) as [{ count: number }];
  if (count > 0 && !options.reset) {
    return {
      skipped: true,
      agencies: 0,
      reports: 0,
      published: 0,
      users: [],
      season: null,
      notifications: 0,
      emails: 0,
    };
  }
  if (count > 0) await clear(db);

  const synthetic = generateAgencies(demoProvinceOptions(options.seed));
  const demoAgencies: DemoAgency[] = [...FIXTURE_AGENCIES, ...synthetic];
  const years = options.small ? SMALL_YEARS : YEARS;
  const season = { year: Math.max(...years), now: options.now };
  const reports: PlannedReport[] = [
    ...fixtureReports(options.fixtures),
    ...syntheticReports(synthetic, years, options.seed),
  ];

  const ids = await createAgencyTree(db, demoAgencies, options.now);
  options.log(`  ${ids.size} 个机构`);
  const deadline = openSeasonDeadline(season);
  await upsertDeadline(db, deadline);
  const places = demoPlaces(ids, reports, season.year);

  // Years in order, so that each report's carry-over check sees last year's report.
  reports.sort((a, b) => a.document.year - b.document.year);
  const handOffs: HandOff[] = [];
  for (const [i, planned] of reports.entries()) {
    const agency = ids.get(planned.agencyKey)!;
    const year = planned.document.year;
    const outcome = await saveReport(db, {
      agency,
      year,
      baseRevision: 0,
      document: planned.document,
      author: AUTHOR,
      note: null,
      now: options.now,
    });
    if (outcome.kind !== "saved") throw new Error(`seed: ${agency.name} ${year} ${outcome.kind}`);
    const steps =
      agency.id === places.submitterAgency.id &&
      year === season.year &&
      planned.status === "returned"
        ? returnedYesterday(options.now)
        : reviewSteps(planned.status, year, agency.kind, createRng(options.seed + i), season);
    for (const step of steps) handOffs.push({ agency, year, stored: outcome.stored, step });
    if ((i + 1) % 250 === 0) options.log(`  ${i + 1}/${reports.length} 份报告`);
  }

  // Replayed in date order; the demo accounts are opened partway, at `joined`. Before it there is
  // nobody to tell, so those hand-offs skip the notifications' look-ups (2,000 empty queries).
  handOffs.sort((a, b) => a.step.at.getTime() - b.step.at.getTime());
  const joined = new Date(options.now.getTime() - ACCOUNTS_AGE_MS);
  const before = handOffs.filter((h) => h.step.at < joined).length;
  for (const handOff of handOffs.slice(0, before)) await replay(db, handOff, null);
  const users = await seedDemoUsers(db, places, joined);
  const accounts = { places, users, mail: options.mail };
  for (const handOff of handOffs.slice(before)) await replay(db, handOff, accounts);

  await runScheduled(db, options.mail, options.now);
  await readOlderNotifications(db, users, new Date(options.now.getTime() - READ_AGE_MS));
  const [sent] = (await db.all<{ notifications: number; emails: number }>(sql`
    SELECT (SELECT count(*) FROM notifications) AS notifications,
           (SELECT count(*) FROM email_outbox) AS emails`)) as [
    { notifications: number; emails: number },
  ];
  return {
    skipped: false,
    agencies: ids.size,
    reports: reports.length,
    published: reports.filter((r) => r.status === "approved").length,
    users: users.map(({ role, email, password, scope }) => ({ role, email, password, scope })),
    season: deadline,
    ...sent,
  };
}

/**
 * One hand-off as the route makes it: the move, then (once the demo accounts exist) its
 * notifications. The demo reviewer reviews its province's reports, the demo submitter submits
 * its agency's; the rest is the demo's own history.
 */
async function replay(
  db: Database,
  { agency, year, stored, step }: HandOff,
  opened: { places: DemoPlaces; users: DemoUser[]; mail: ScheduledSettings } | null,
) {
  const actor = opened ? actorOf(step, agency, opened.places, opened.users) : null;
  const actorName = actor?.name ?? AUTHOR;
  const message = step.transition === "return" ? "请核对表三数据后重新提交" : null;
  const moved = await moveReport(db, {
    agency,
    year,
    revision: stored.revision.number,
    transition: step.transition,
    actorName,
    message,
    comments: [],
    explanations: step.transition === "submit" ? explainEveryFailure(stored.findings) : [],
    audit: {
      actorKind: actor?.role ?? "system",
      actorId: actor?.id ?? null,
      actorName,
      action: `report.${step.transition}`,
      target: `agency:${agency.id}/year:${year}`,
      address: null,
      detail: null,
    },
    now: step.at,
  });
  if (!opened) return;
  await notifyReportMoved(
    db,
    opened.mail,
    {
      event: step.transition,
      agency,
      agencyPath: agency.path,
      year,
      actorName,
      message,
      correction: step.transition === "submit" && moved.report.publishedRevisionId !== null,
    },
    step.at,
  );
}

function actorOf(step: ReviewStep, agency: AgencyRow, places: DemoPlaces, users: DemoUser[]) {
  const role = (r: DemoUser["role"]) => users.find((u) => u.role === r)!;
  if (step.transition === "submit") {
    return agency.id === places.submitterAgency.id ? role("submitter") : null;
  }
  return agency.path.startsWith(places.province.path) ? role("reviewer") : null;
}

/** Published reports that break a rule are kept as printed; the demo says so for each rule. */
const explainEveryFailure = (findings: Finding[]) =>
  [...new Set(findings.filter((f) => f.severity === "error").map((f) => f.rule))].map((rule) => ({
    rule,
    text: "按已公开的原表录入，保留原数据",
  }));

function fixtureReports(fixtures: SeedInput["fixtures"]): PlannedReport[] {
  return FIXTURE_AGENCIES.flatMap((agency) => {
    const expected = agency.fixture ? fixtures[agency.fixture] : undefined;
    if (!expected) return [];
    return [
      { agencyKey: agency.key, document: fixtureDocument(expected), status: "approved" as const },
    ];
  });
}

/**
 * Past years are published; the latest year is the open season, a few days before its deadlines:
 * over half published, some waiting for review, some returned, some drafts and many not begun
 * (the share published is drawn first, so the published reports stay those of earlier seeds).
 */
function syntheticReports(
  agencies: SyntheticAgency[],
  years: number[],
  seed: number,
): PlannedReport[] {
  const rng = createRng(seed + 1);
  const latest = Math.max(...years);
  return generateReports(agencies, years, seed).flatMap((report) => {
    let status: ReportStatus = "approved";
    if (report.year === latest) {
      const roll = rng.float();
      if (roll >= 0.86) return [];
      status =
        roll < 0.55 ? "approved" : roll < 0.7 ? "submitted" : roll < 0.78 ? "returned" : "draft";
    }
    return [{ agencyKey: report.agencyKey, document: report.document, status }];
  });
}

async function clear(db: Database) {
  await runBatch(db, [
    sql`DELETE FROM notifications`,
    sql`DELETE FROM email_outbox`,
    sql`DELETE FROM email_opt_outs`,
    sql`DELETE FROM sent_once`,
    sql`DELETE FROM deadlines`,
    sql`DELETE FROM sessions`,
    sql`DELETE FROM one_time_links`,
    sql`DELETE FROM api_tokens`,
    sql`DELETE FROM users`,
    sql`DELETE FROM review_events`,
    sql`DELETE FROM publications`,
    sql`DELETE FROM section3_cells`,
    sql`DELETE FROM figure_values`,
    sql`DELETE FROM report_revisions`,
    sql`DELETE FROM reports`,
    sql`DELETE FROM agencies`,
  ]);
}
