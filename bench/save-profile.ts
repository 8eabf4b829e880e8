// `npx tsx bench/save-profile.ts [--saves N]`: where one autosave's time goes.
//
// Runs the Worker's own save path (`saveReport`, the route's JSON parse and validation, the
// answer's serialisation) on the bench dataset's SQLite file with better-sqlite3, inside a
// transaction that is rolled back at the end, and times each part and each statement of the
// save's batch. No Worker may have the file open (stop `npm run bench` first). The D1 transport
// is not in these figures: `npm run bench -- --case deadline-day` measures the whole request.
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { createDatabase } from "../worker/db/client";
import { loadCurrent } from "../worker/db/queries/reports";
import { getAgency } from "../worker/db/queries/agencies";
import { presentStored } from "../worker/http/present";
import { reportDocumentSchema, type ReportDocument } from "../worker/report/document";
import { checkReport } from "../worker/report/rules";
import { diffDocuments } from "../worker/report/diff";
import { planSave, executeSave, type SavePlan } from "../worker/services/save-report";
import { NATIONAL, ensureDataset } from "./dataset";
import { d1OverSqlite } from "./sqlite-d1";

const { values: flags } = parseArgs({ options: { saves: { type: "string", default: "200" } } });
const saves = Number(flags.saves);
const log = (line: string) => process.stderr.write(`${line}\n`);
const dataset = await ensureDataset(NATIONAL, { fresh: false, now: new Date(), log });
const sqlite = new Database(dataset.file);
const year = Math.max(...dataset.years);

const times = new Map<string, number[]>();
const time = async <T>(label: string, task: () => T | Promise<T>): Promise<T> => {
  const started = performance.now();
  const result = await task();
  const list = times.get(label) ?? [];
  list.push(performance.now() - started);
  times.set(label, list);
  return result;
};

/** D1's surface over better-sqlite3, whose batches run their statements one by one, timed. */
const inner = d1OverSqlite(sqlite);
let batchIndex = 0;
const timedClient = new Proxy(inner, {
  get(target, property) {
    if (property === "batch") {
      return async (statements: D1PreparedStatement[]) => {
        const started = performance.now();
        const results = [];
        for (const [i, statement] of statements.entries()) {
          const sql = (statement as unknown as { query: string }).query;
          const label = `  batch ${batchIndex}.${i} ${sql.replace(/\s+/g, " ").slice(0, 70)}`;
          results.push(await time(label, () => statement.all()));
        }
        const list = times.get(`  batch ${batchIndex} in all`) ?? [];
        list.push(performance.now() - started);
        times.set(`  batch ${batchIndex} in all`, list);
        batchIndex++;
        return results;
      };
    }
    return Reflect.get(target, property) as unknown;
  },
});
const db = createDatabase(timedClient);

const agencyRow = sqlite
  .prepare(
    `SELECT a.id FROM agencies a JOIN reports r ON r.agency_id = a.id AND r.year = ?
     WHERE a.scope = 'self' AND a.level = 'county' AND a.path LIKE (
       SELECT path || '%' FROM agencies WHERE id = ?) AND r.status IN ('draft', 'returned')
     LIMIT 1`,
  )
  .get(year, dataset.province.governmentId) as { id: number } | undefined;
if (!agencyRow) throw new Error(`no draft ${year} own-agency report in the bench province`);
const agency = (await getAgency(db, agencyRow.id))!;
log(`› saving agency ${agency.id}'s ${year} draft ${saves} times, rolled back at the end`);

sqlite.exec("BEGIN");
try {
  const start = (await loadCurrent(db, agency.id, year))!;
  let document = start.document;
  let revision = start.revision.number;
  for (let i = 0; i < saves; i++) {
    batchIndex = 0;
    const edited = structuredClone<ReportDocument>(document);
    const rows = edited.section3!.rows as Record<string, (number | null)[]>;
    const key = Object.keys(rows).sort()[i % Object.keys(rows).length]!;
    rows[key]![i % 7] = ((rows[key]![i % 7] ?? 0) + 1) % 100_000;
    const body = JSON.stringify({ base_revision: revision, document: edited });
    const parsed = await time("JSON.parse of the request", () => JSON.parse(body) as unknown);
    const valid = await time("zod validation of the document", () =>
      reportDocumentSchema.parse((parsed as { document: unknown }).document),
    );
    const request = {
      agency,
      year,
      baseRevision: revision,
      document: valid,
      author: "bench",
      note: null,
      now: new Date(),
    };
    const plan = (await time("planSave (2 loadCurrent, diff, rules)", () =>
      planSave(db, request),
    )) as SavePlan;
    const outcome = await time("executeSave (batch + loadCurrent)", () => executeSave(db, plan));
    if (outcome.kind !== "saved") throw new Error(`save ${i}: ${outcome.kind}`);
    await time("JSON.stringify of the answer", () => JSON.stringify(presentStored(outcome.stored)));
    // The parts of planSave and executeSave, apart.
    await time("  loadCurrent (one read, parsed)", () => loadCurrent(db, agency.id, year));
    await time("  diffDocuments", () => diffDocuments(document, valid));
    await time("  checkReport", () => checkReport(valid, { previous: document }));
    document = outcome.stored.document;
    revision = outcome.stored.revision.number;
  }
} finally {
  sqlite.exec("ROLLBACK");
  sqlite.close();
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
for (const [label, list] of times) {
  process.stdout.write(`${median(list).toFixed(3).padStart(9)} ms  ${label}\n`);
}
