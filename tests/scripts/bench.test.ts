import { readFileSync, readdirSync } from "node:fs";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { sessionCookie } from "../../bench/dataset";
import { BENCH_ADMIN, writeDataset } from "../../bench/dataset-writer";
import { measurePair, percentile } from "../../bench/measure";
import { toJson, toTable } from "../../bench/report";
import { d1OverSqlite } from "../../bench/sqlite-d1";
import { hashSecret, newSecret } from "../../worker/auth/secrets";
import { createDatabase } from "../../worker/db/client";
import type { Transition } from "../../worker/db/queries/workflow";
import { rollup } from "../../worker/db/queries/rollup";
import type { ReportStatus } from "../../worker/db/schema";
import { generateAgencies } from "../../worker/demo/synthetic-agencies";
import { generateReports, generateReportsBottomUp } from "../../worker/demo/synthetic-reports";
import app from "../../worker/index";
import { createAgencyTree } from "../../scripts/seed/agency-tree";
import { moveReport } from "../../worker/services/report-workflow";
import { saveReport } from "../../worker/services/save-report";

/** A seed whose 2023 review draw gives every status, so the comparison covers each path. */
const SEED = 2;
const YEARS = [2020, 2021, 2022, 2023];
/**
 * Between the 2023 deadlines (departments 31 January, governments 31 March 2024), so that the
 * 2023 submissions are late for departments only and both values of `late` are compared.
 */
const NOW = new Date("2024-02-01T08:00:00.000Z");
const SECRET = newSecret();
const SESSION = { idHash: await hashSecret(SECRET) };
/** 1 province (government + 2 departments), 1 city, 2 counties with 2 townships. */
const AGENCIES = generateAgencies({
  seed: SEED,
  provinces: 1,
  citiesPerProvince: 1,
  countiesPerCity: 2,
  townshipsPerCounty: 2,
  departmentsPerGovernment: { province: 2, city: 1, county: 1 },
});
const INPUT = { agencies: AGENCIES, years: YEARS, seed: SEED, now: NOW, session: SESSION };

/** An empty database with the project's real migrations, as wrangler applies them. */
function migratedDatabase() {
  const sqlite = new Database(":memory:");
  for (const file of readdirSync("migrations")
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    for (const statement of readFileSync(`migrations/${file}`, "utf8").split(
      "--> statement-breakpoint",
    )) {
      if (statement.trim()) sqlite.exec(statement);
    }
  }
  return sqlite;
}

/**
 * The tables the cases read, and the region sums the Worker keeps. The review trail the workflow also leaves (`review_events`,
 * `publications`, `audit_log`) is not written by the bench and not compared.
 */
function tables(sqlite: Database.Database) {
  const dump = (query: string) => sqlite.prepare(query).all();
  return {
    agencies: dump("SELECT * FROM agencies ORDER BY id"),
    reports: dump("SELECT * FROM reports ORDER BY id"),
    revisions: dump("SELECT * FROM report_revisions ORDER BY id"),
    section3: dump("SELECT * FROM section3_cells ORDER BY revision_id, row_key"),
    figures: dump("SELECT * FROM figure_values ORDER BY revision_id, figure"),
    totals: dump("SELECT * FROM section3_totals ORDER BY revision_id"),
    // Sums kept step by step and summed at once differ in the last bits of decimals.
    regionSums: dump(
      `SELECT root_id, year, basis, scope, figure, round(total, 6) AS total, reported
       FROM region_sums ORDER BY root_id, year, basis, scope, figure`,
    ),
  };
}

/** The review steps that bring a saved report (a draft) to `status`. */
const STEPS: Record<ReportStatus, Transition[]> = {
  draft: [],
  submitted: ["submit"],
  returned: ["submit", "return"],
  approved: ["submit", "approve"],
};

describe("bench dataset writer", () => {
  it("writes the same rows as creating the agencies, saving each report and reviewing it through the Worker", async () => {
    const bulk = migratedDatabase();
    const summary = writeDataset(bulk, INPUT);
    expect(summary.reports).toBeGreaterThan(0);
    const statusOf = new Map(
      (
        bulk.prepare("SELECT agency_id, year, status FROM reports").all() as {
          agency_id: number;
          year: number;
          status: ReportStatus;
        }[]
      ).map((r) => [`${r.agency_id}/${r.year}`, r.status]),
    );

    const saved = migratedDatabase();
    const db = createDatabase(d1OverSqlite(saved));
    const rows = await createAgencyTree(db, AGENCIES, NOW);
    // In the writer's order (each agency after those its region report sums), so ids match.
    const generated = [...generateReportsBottomUp(AGENCIES, YEARS, SEED)].flatMap((a) => a.reports);
    for (const report of generated) {
      const agency = rows.get(report.agencyKey)!;
      const outcome = await saveReport(db, {
        agency,
        year: report.year,
        baseRevision: 0,
        document: report.document,
        author: "bench",
        note: null,
        now: NOW,
      });
      if (outcome.kind !== "saved") throw new Error(outcome.kind);
      // The status the writer drew, reached the way staff reach it.
      for (const transition of STEPS[statusOf.get(`${agency.id}/${report.year}`)!]) {
        const failing = outcome.stored.findings.filter((f) => f.severity === "error");
        await moveReport(db, {
          agency,
          year: report.year,
          revision: 1,
          transition,
          actorName: "bench",
          message: null,
          comments: [],
          explanations:
            transition === "submit"
              ? [...new Set(failing.map((f) => f.rule))].map((rule) => ({ rule, text: "bench" }))
              : [],
          audit: {
            actorKind: "system",
            actorId: null,
            actorName: "bench",
            action: `report.${transition}`,
            target: null,
            address: null,
            detail: null,
          },
          now: NOW,
        });
      }
    }

    const written = tables(bulk);
    expect(written).toEqual(tables(saved));
    // What the comparison covered: first revisions, every status, both values of `late`.
    expect(new Set(written.revisions.map((r) => (r as { changes: string }).changes))).toEqual(
      new Set(["[]"]),
    );
    const sums = written.regionSums as { basis: string }[];
    expect(new Set(sums.map((r) => r.basis))).toEqual(new Set(["current", "published"]));
    const reports = written.reports as { status: string; late: number }[];
    expect(new Set(reports.map((r) => r.status))).toEqual(
      new Set(["approved", "submitted", "returned", "draft"]),
    );
    expect(new Set(reports.filter((r) => r.status !== "draft").map((r) => r.late))).toEqual(
      new Set([0, 1]),
    );
  });

  it("publishes every past year and leaves the latest year under review", () => {
    const sqlite = migratedDatabase();
    writeDataset(sqlite, INPUT);
    const reports = sqlite
      .prepare(
        "SELECT year, status, current_revision_id, published_revision_id, submitted_at FROM reports",
      )
      .all() as {
      year: number;
      status: string;
      current_revision_id: number;
      published_revision_id: number | null;
      submitted_at: string | null;
    }[];
    for (const report of reports) {
      expect(report.published_revision_id).toBe(
        report.status === "approved" ? report.current_revision_id : null,
      );
      expect(report.submitted_at).toBe(report.status === "draft" ? null : NOW.toISOString());
      if (report.year < 2023) expect(report.status).toBe("approved");
    }
    expect(
      new Set(reports.filter((r) => r.year === 2023).map((r) => r.status)).size,
    ).toBeGreaterThan(1);
  });

  it("signs the bench's cookie in as an admin, whom the Worker answers basis=current", async () => {
    const sqlite = migratedDatabase();
    writeDataset(sqlite, INPUT);
    const env = { DB: d1OverSqlite(sqlite) };
    const ask = (path: string, headers: Record<string, string> = {}) =>
      app.request(`http://localhost${path}`, { headers }, env);
    const staff = { cookie: sessionCookie(SECRET) };

    const session = await ask("/api/auth/session", staff);
    expect(session.status).toBe(200);
    expect((await session.json<{ user: unknown }>()).user).toMatchObject({
      id: BENCH_ADMIN.id,
      role: "admin",
    });

    const rollupPath = "/api/rollup?year=2023&scope=self&basis=current";
    const comparePath =
      "/api/compare?figure=section3.new_received.total&years=2020-2023&basis=current";
    expect((await ask(rollupPath)).status).toBe(401);
    expect((await ask(comparePath)).status).toBe(401);
    expect((await ask(rollupPath, { cookie: sessionCookie(newSecret()) })).status).toBe(401);
    expect((await ask(rollupPath, staff)).status).toBe(200);
    expect((await ask(comparePath, staff)).status).toBe(200);
  });

  it("gives the Worker's rollup the table-三 totals of the generated documents", async () => {
    const sqlite = migratedDatabase();
    writeDataset(sqlite, INPUT);
    const year = 2023;
    const own = AGENCIES.filter((a) => a.scope === "self");
    const documents = generateReports(own, YEARS, SEED)
      .filter((r) => r.year === year)
      .map((r) => r.document);

    const result = await rollup(createDatabase(d1OverSqlite(sqlite)), {
      year,
      scope: "self",
      basis: "current",
    });

    const expected: Record<string, number | null> = {};
    for (const document of documents) {
      for (const [key, cells] of Object.entries(document.section3?.rows ?? {})) {
        const total = cells[6];
        expected[key] = total == null ? (expected[key] ?? null) : (expected[key] ?? 0) + total;
      }
    }
    const totals = Object.fromEntries(
      Object.entries(result.section3).map(([key, cells]) => [key, cells[6]]),
    );
    expect(totals).toEqual(expected);
    expect(result.ledger.total).toBe(own.length);
  });
});

describe("bench D1 adapter", () => {
  const sqlite = () => {
    const db = new Database(":memory:");
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
    return db;
  };

  it("runs a batch in order and answers each statement with its own results and meta", async () => {
    const d1 = d1OverSqlite(sqlite());
    const results = await d1.batch([
      d1.prepare("INSERT INTO t (v) VALUES (?), (?)").bind("a", "b"),
      d1.prepare("SELECT id, v FROM t WHERE v >= ? ORDER BY id").bind("a"),
      d1.prepare("UPDATE t SET v = 'c' WHERE id = ?").bind(2),
      d1.prepare("SELECT count(*) AS n, changes() AS last FROM t"),
    ]);
    expect(results.map((r) => r.results)).toEqual([
      [],
      [
        { id: 1, v: "a" },
        { id: 2, v: "b" },
      ],
      [],
      [{ n: 2, last: 1 }],
    ]);
    expect(results.map((r) => r.meta.changes)).toEqual([2, 0, 1, 0]);
    expect(results[0]!.meta.last_row_id).toBe(2);
  });

  it("rolls a failing batch back whole, as D1 does", async () => {
    const db = sqlite();
    const d1 = d1OverSqlite(db);
    await expect(
      d1.batch([
        d1.prepare("INSERT INTO t (v) VALUES (?)").bind("a"),
        d1.prepare("INSERT INTO t (v) VALUES (?)").bind(null),
      ]),
    ).rejects.toThrow(/NOT NULL/);
    expect(db.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 0 });
  });
});

describe("bench measurement", () => {
  it("reports nearest-rank percentiles, so every figure is a time that was measured", () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 95)).toBe(4);
    expect(percentile([7], 50)).toBe(7);
  });

  it("alternates two tasks and times each of them the asked number of times", async () => {
    const order: string[] = [];
    const [a, b] = await measurePair(
      async () => order.push("a"),
      async () => order.push("b"),
      { warmup: 1, iterations: 3 },
    );
    expect(a.samples).toHaveLength(3);
    expect(b.samples).toHaveLength(3);
    expect(order.join("")).toBe("ab" + "ab" + "ba" + "ab");
  });
});

describe("bench output", () => {
  const figures = [
    { name: "rollup.province.worker.p50", value: 61.234, unit: "ms", target: 50 },
    { name: "rollup.province.worker_over_sqlite", value: 1.5, unit: "x", target: 2 },
    { name: "dataset.reports", value: 114025, unit: "reports", target: null },
  ];

  it("prints one JSON object of value, unit and target per figure", () => {
    expect(JSON.parse(toJson(figures))).toEqual({
      "rollup.province.worker.p50": { value: 61.2, unit: "ms", target: 50 },
      "rollup.province.worker_over_sqlite": { value: 1.5, unit: "x", target: 2 },
      "dataset.reports": { value: 114025, unit: "reports", target: null },
    });
  });

  it("says MISSED beside a figure over its target and names it at the end", () => {
    const table = toTable(figures);
    expect(table).toMatch(/rollup\.province\.worker\.p50 +61\.2 +ms +≤ 50 +MISSED/);
    expect(table).toMatch(/worker_over_sqlite +1\.5 +x +≤ 2 +ok/);
    expect(table.trim().split("\n").at(-1)).toBe(
      "MISSED 1 of 2 targets: rollup.province.worker.p50",
    );
  });
});
