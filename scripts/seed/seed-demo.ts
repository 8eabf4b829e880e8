import { sql } from "drizzle-orm";
import { runBatch } from "../../worker/db/batch";
import type { Database } from "../../worker/db/client";
import { createAgency, type AgencyRow } from "../../worker/db/queries/agencies";
import { publishCurrent, setReportStatus } from "../../worker/db/queries/reports";
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
import { saveReport } from "../../worker/services/save-report";

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
  if (count > 0 && !options.reset) return { skipped: true, agencies: 0, reports: 0, published: 0 };
  if (count > 0) await clear(db);

  const synthetic = generateAgencies(demoProvinceOptions(options.seed));
  const demoAgencies: DemoAgency[] = [...FIXTURE_AGENCIES, ...synthetic];
  const years = options.small ? SMALL_YEARS : YEARS;
  const reports: PlannedReport[] = [
    ...fixtureReports(options.fixtures),
    ...syntheticReports(synthetic, years, options.seed),
  ];

  const ids = new Map<string, AgencyRow>();
  for (const agency of demoAgencies) {
    const parent = agency.parentKey === null ? null : ids.get(agency.parentKey)!;
    const row = await createAgency(
      db,
      {
        name: agency.name,
        level: agency.level,
        kind: agency.kind,
        scope: agency.scope,
        parentId: parent?.id ?? null,
        regionCode: agency.regionCode,
      },
      options.now,
    );
    ids.set(agency.key, row!);
  }
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
    const reportId = outcome.stored.report.id;
    if (planned.status === "approved") {
      await publishCurrent(db, reportId, options.now);
      published++;
    } else if (planned.status !== "draft") {
      await setReportStatus(db, reportId, planned.status, options.now);
    }
    if ((i + 1) % 250 === 0) options.log(`  ${i + 1}/${reports.length} 份报告`);
  }
  return { skipped: false, agencies: ids.size, reports: reports.length, published };
}

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
    sql`DELETE FROM section3_cells`,
    sql`DELETE FROM figure_values`,
    sql`DELETE FROM report_revisions`,
    sql`DELETE FROM reports`,
    sql`DELETE FROM agencies`,
  ]);
}
