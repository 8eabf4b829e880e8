// `npm run bench [-- --json] [--fresh] [--quick] [--iterations N] [--case NAME …]`
//
// Builds (or reuses) a national-scale synthetic dataset in a local D1 under .bench/, serves the
// built Worker on it with `wrangler dev`, and times each case in bench/cases.ts through the Worker
// (signed in as the dataset's admin) and directly on the same SQLite file. Figures go to stdout
// (a table, or one JSON object with --json); progress goes to stderr. A missed target still
// exits 0 (this is a measurement); a case that fails exits 1 after printing the figures of the
// others.
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { createDatabase } from "../worker/db/client";
import type { BenchContext, Figure } from "./bench-case";
import { CASES } from "./cases";
import { NATIONAL, QUICK, ensureDataset } from "./dataset";
import { toJson, toTable } from "./report";
import { d1OverSqlite } from "./sqlite-d1";
import { buildApp, checkAdminSession, startWorker, type WorkerServer } from "./worker-server";

const { values: flags } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    iterations: { type: "string" },
    case: { type: "string", multiple: true },
  },
});

const log = (line: string) => process.stderr.write(`${line}\n`);
const profile = flags.quick ? QUICK : NATIONAL;
const iterations = flags.iterations ? Number(flags.iterations) : flags.quick ? 10 : 50;
if (!Number.isInteger(iterations) || iterations < 1) {
  throw new RangeError(`--iterations must be a positive integer, got ${flags.iterations}`);
}
const cases = flags.case ? CASES.filter((c) => flags.case!.includes(c.name)) : CASES;
if (flags.case && cases.length !== flags.case.length) {
  throw new RangeError(`--case takes one of: ${CASES.map((c) => c.name).join(", ")}`);
}

const dataset = await ensureDataset(profile, { fresh: flags.fresh, now: new Date(), log });
log("› building the Worker (vite build)");
await buildApp();

const sqlite = new Database(dataset.file, { readonly: true });
let server: WorkerServer | null = null;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(1));
  });
}

const figures: Figure[] = [
  { name: "dataset.agencies", value: dataset.agencies, unit: "agencies", target: null },
  { name: "dataset.reports", value: dataset.reports, unit: "reports", target: null },
  { name: "dataset.generation", value: dataset.generationSeconds, unit: "s", target: null },
  { name: "dataset.size", value: dataset.sizeBytes / 1024 ** 2, unit: "MB", target: null },
];
const failed: string[] = [];
try {
  server = await startWorker({ persistTo: dataset.stateDir, log });
  await checkAdminSession(server.url, dataset.headers);
  const context: BenchContext = {
    dataset,
    sqlite: createDatabase(d1OverSqlite(sqlite)),
    worker: server.url,
    timing: { warmup: Math.max(2, Math.ceil(iterations / 10)), iterations },
    log,
  };
  log(
    `› ${dataset.province.name} (code ${dataset.province.code}, agency ${dataset.province.governmentId}); ` +
      `${context.timing.warmup} warm-up + ${iterations} timed runs per measurement`,
  );
  for (const benchCase of cases) {
    try {
      figures.push(...(await benchCase.run(context)));
    } catch (error) {
      failed.push(benchCase.name);
      log(`✗ ${benchCase.name} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
} finally {
  await server?.stop();
  sqlite.close();
}

process.stdout.write(flags.json ? `${toJson(figures)}\n` : toTable(figures));
if (failed.length > 0) {
  log(`✗ failed: ${failed.join(", ")} (their figures are missing above)`);
  process.exitCode = 1;
}
