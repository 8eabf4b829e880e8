import { sql } from "drizzle-orm";
import { runBatch } from "../../worker/db/batch";
import type { Database } from "../../worker/db/client";
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
import type { ReportDocument } from "../../worker/report/document";
import type { Finding } from "../../worker/report/rules";
import type { Transition } from "../../worker/db/queries/workflow";
import { moveReport } from "../../worker/services/report-workflow";
import { saveReport } from "../../worker/services/save-report";
import { createAgencyTree } from "./agency-tree";
import { seedDemoUsers, type DemoCredential } from "./demo-users";

const AUTHOR = "演示数据";
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
const SMALL_YEARS = [2023, 2024];

export interface SeedInput {
  reset: boolean;
  small: boolean;
  seed: number;
  /** The fixtures' expected.json documents, by file stem. */
  fixtures: Record<string, Record<string, unknown>>;
}

export interface SeedOptions extends SeedInput {
  now: Date;
  log: (line: string) => void;
}

export interface SeedSummary {
  skipped: boolean;
  agencies: number;
  reports: number;
  published: number;
  users: DemoCredential[];
}

interface PlannedReport {
  agencyKey: string;
  document: ReportDocument;
  status: ReportStatus;
}

export async function seedDemo(db: Database, options: SeedOptions): Promise<SeedSummary> {
  const [{ count }] = (await db.all<{ count: number }>(
    sql`SELECT count(*) AS count FROM agencies`,
  )) as [{ count: number }];
  if (count > 0 && !options.reset) {
    return { skipped: true, agencies: 0, reports: 0, published: 0, users: [] };
  }
  if (count > 0) await clear(db);

  const synthetic = generateAgencies(demoProvinceOptions(options.seed));
  const demoAgencies: DemoAgency[] = [...FIXTURE_AGENCIES, ...synthetic];
  const years = options.small ? SMALL_YEARS : YEARS;
  const reports: PlannedReport[] = [
    ...fixtureReports(options.fixtures),
    ...syntheticReports(synthetic, years, options.seed),
  ];

  const ids = await createAgencyTree(db, demoAgencies, options.now);
  options.log(`  ${ids.size} 个机构`);

  let published = 0;
  // Years in order, so that each report's carry-over check sees last year's report.
  reports.sort((a, b) => a.document.year - b.document.year);
  for (const [i, planned] of reports.entries()) {
    const agency = ids.get(planned.agencyKey)!;
    const outcome = await saveReport(db, {
      agency,
      year: planned.document.year,
      baseRevision: 0,
      document: planned.document,
      author: AUTHOR,
      note: null,
      now: options.now,
    });
    if (outcome.kind !== "saved")
      throw new Error(`seed: ${agency.name} ${planned.document.year} ${outcome.kind}`);
    const rng = createRng(options.seed + i);
    for (const [transition, at] of reviewSteps(planned, agency.kind, rng)) {
      await moveReport(db, {
        agency,
        year: planned.document.year,
        revision: 1,
        transition,
        actorName: AUTHOR,
        message: transition === "return" ? "请核对表三数据后重新提交" : null,
        comments: [],
        explanations: transition === "submit" ? explainEveryFailure(outcome.stored.findings) : [],
        audit: {
          actorKind: "system",
          actorId: null,
          actorName: AUTHOR,
          action: `report.${transition}`,
          target: `agency:${agency.id}/year:${planned.document.year}`,
          address: null,
          detail: null,
        },
        now: at,
      });
    }
    if (planned.status === "approved") published++;
    if ((i + 1) % 250 === 0) options.log(`  ${i + 1}/${reports.length} 份报告`);
  }
  const users = await seedDemoUsers(db, ids, reports, options.now);
  return { skipped: false, agencies: ids.size, reports: reports.length, published, users };
}

/**
 * The review steps that bring a report to its planned status, dated as they would happen:
 * most submissions in January (departments) or March (governments), a few after the deadline.
 */
function reviewSteps(
  planned: PlannedReport,
  kind: "government" | "department",
  rng: ReturnType<typeof createRng>,
): [Transition, Date][] {
  if (planned.status === "draft") return [];
  const year = planned.document.year + 1;
  const month = kind === "government" ? 3 : 1;
  const day = rng.chance(0.08) ? 31 + rng.int(1, 20) : rng.int(5, 30);
  const submitted = new Date(Date.UTC(year, month - 1, day, 2));
  const reviewed = new Date(submitted.getTime() + rng.int(1, 10) * 86_400_000);
  const steps: [Transition, Date][] = [["submit", submitted]];
  if (planned.status === "approved") steps.push(["approve", reviewed]);
  if (planned.status === "returned") steps.push(["return", reviewed]);
  return steps;
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

/** Past years are published; the latest year is mid-review, as in February. */
function syntheticReports(
  agencies: SyntheticAgency[],
  years: number[],
  seed: number,
): PlannedReport[] {
  const rng = createRng(seed + 1);
  const latest = Math.max(...years);
  return generateReports(agencies, years, seed).map((report) => {
    let status: ReportStatus = "approved";
    if (report.year === latest) {
      const roll = rng.float();
      status =
        roll < 0.55 ? "approved" : roll < 0.75 ? "submitted" : roll < 0.85 ? "returned" : "draft";
    }
    return { agencyKey: report.agencyKey, document: report.document, status };
  });
}

async function clear(db: Database) {
  await runBatch(db, [
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
