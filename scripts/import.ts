// Reads published reports (text, saved web pages, Word .docx and PDF files; folders are walked)
// into canonical documents and either prints them (--json) or loads them into the local D1
// (default) or the deployed one (--remote). One bad file never stops the others; of several
// files holding the same agency's report for the same year, the surest reading is loaded.
//
//   npm run import -- <files or folders> [--json] [--year YYYY] [--agency ID|名称]
//                     [--remote] [--create-under AGENCY_ID] [--persist-to DIR]
import { parseArgs } from "node:util";
import { chooseAmongDuplicates } from "../worker/import/duplicate-reports";
import { flattenFigures } from "../worker/report/figures";
import type { AgencyHint, ImportBatch, ImportOutcome } from "../worker/services/import-report";
import { readReport, type FileReading } from "./import/read-report";
import { listSources } from "./import/read-sources";
import { printSummary, type FileOutcome } from "./import/summary";
import { runInWorkerd } from "./lib/in-workerd";
import { saveRemotely } from "./import/save-remotely";

const USAGE =
  "用法：npm run import -- <文件或文件夹…> [--json] [--year 年度] [--agency 机构ID或名称] [--remote] [--create-under 机构ID]";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: "boolean", default: false },
    remote: { type: "boolean", default: false },
    year: { type: "string" },
    agency: { type: "string" },
    "create-under": { type: "string" },
    "persist-to": { type: "string" },
  },
});

const yearHint = values.year === undefined ? undefined : Number(values.year);
if (positionals.length === 0 || (yearHint !== undefined && !Number.isInteger(yearHint))) {
  console.error(USAGE);
  process.exit(2);
}
const agencyHint: AgencyHint | null =
  values.agency === undefined
    ? null
    : /^\d+$/.test(values.agency)
      ? { id: Number(values.agency) }
      : { name: values.agency };
const hintedName = agencyHint && "name" in agencyHint ? agencyHint.name : undefined;

type Read = Extract<FileReading, { ok: true }>;
const readings: FileReading[] = [];
for (const source of listSources(positionals)) {
  readings.push(await readReport(source, { yearHint, agencyHint: hintedName }));
}
const failures = readings.filter((r): r is Extract<FileReading, { ok: false }> => !r.ok);
const read = readings.filter((r): r is Read => r.ok);

if (values.json) {
  // Only documents on stdout: one JSON object per file, one per line.
  for (const reading of read) process.stdout.write(JSON.stringify(reading.parsed.document) + "\n");
  for (const failure of failures) console.error(`✗ ${failure.source}: ${failure.reason}`);
  process.exit(failures.length > 0 && read.length === 0 ? 1 : 0);
}

const groups = chooseAmongDuplicates(
  read.map((reading) => ({
    ...reading,
    agency: reading.parsed.agency ?? hintedName ?? "",
    year: reading.parsed.document.year,
    confidence: reading.confidence.level,
    figures: [...flattenFigures(reading.parsed.document)].filter(([, v]) => v !== null).length,
  })),
);

const createUnder = values["create-under"] ? Number(values["create-under"]) : null;
const saved = new Map<string, ImportOutcome>();
const kept = groups.map((g) => g.kept);
const BATCH = 25;
for (let start = 0; start < kept.length; start += BATCH) {
  const slice = kept.slice(start, start + BATCH);
  const batch: ImportBatch = {
    items: slice.map((r) => ({
      source: r.source,
      agencyName: r.parsed.agency ?? "",
      document: r.parsed.document,
    })),
    createUnder,
    agencyHint,
  };
  try {
    const outcomes = values.remote
      ? await saveRemotely(batch)
      : await runInWorkerd<ImportOutcome[]>(
          "scripts/import/import-worker.ts",
          batch,
          values["persist-to"],
        );
    for (const outcome of outcomes) saved.set(outcome.source, outcome);
  } catch (error) {
    for (const r of slice)
      saved.set(r.source, { source: r.source, status: "failed", reason: (error as Error).message });
  }
  progress(Math.min(start + BATCH, kept.length), kept.length);
}

const keptInstead = new Map<string, string>();
for (const group of groups) {
  for (const skipped of group.skipped) keptInstead.set(skipped.source, group.kept.source);
}
const outcomes: FileOutcome[] = readings.map((reading) => ({
  reading,
  outcome: saved.get(reading.source) ?? null,
  keptInstead: keptInstead.get(reading.source) ?? null,
}));
process.exitCode = printSummary(outcomes);

function progress(done: number, total: number) {
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  process.stderr.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`);
  if (done === total) process.stderr.write("\n");
}
