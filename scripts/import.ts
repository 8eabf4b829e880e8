// Reads published reports (text files; folders are walked) into canonical documents and either
// prints them (--json) or loads them into the local D1 (default) or the deployed one (--remote).
// One bad file never stops the others.
//
//   npm run import -- <files or folders> [--json] [--remote] [--create-under AGENCY_ID] [--persist-to DIR]
import { parseArgs } from "node:util";
import { parseReportText } from "../worker/import/parse-report";
import type { ImportBatch, ImportItem, ImportOutcome } from "../worker/services/import-report";
import { listSources, readText } from "./import/read-sources";
import { runInWorkerd } from "./lib/in-workerd";
import { saveRemotely } from "./import/save-remotely";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: "boolean", default: false },
    remote: { type: "boolean", default: false },
    "create-under": { type: "string" },
    "persist-to": { type: "string" },
  },
});

if (positionals.length === 0) {
  console.error(
    "用法：npm run import -- <文件或文件夹…> [--json] [--remote] [--create-under 机构ID]",
  );
  process.exit(2);
}

const sources = listSources(positionals);
const failures: ImportOutcome[] = [];
const items: ImportItem[] = [];
for (const source of sources) {
  if (source.toLowerCase().endsWith(".pdf")) {
    failures.push({
      source,
      status: "failed",
      reason: "PDF 请在网页中导入（在浏览器内转为文本），或先转为文本文件",
    });
    continue;
  }
  const parsed = parseReportText(readText(source));
  if (!parsed.ok) {
    failures.push({ source, status: "failed", reason: parsed.error.message });
    continue;
  }
  if (values.json) {
    // Only documents on stdout: one JSON object per file, one per line.
    process.stdout.write(JSON.stringify(parsed.document) + "\n");
    continue;
  }
  items.push({ source, agencyName: parsed.agency ?? "", document: parsed.document });
}

if (values.json) {
  for (const failure of failures)
    console.error(`✗ ${failure.source}: ${"reason" in failure ? failure.reason : ""}`);
  process.exit(failures.length > 0 && failures.length === sources.length ? 1 : 0);
}

const createUnder = values["create-under"] ? Number(values["create-under"]) : null;
const outcomes: ImportOutcome[] = [...failures];
const BATCH = 25;
for (let start = 0; start < items.length; start += BATCH) {
  const batch: ImportBatch = { items: items.slice(start, start + BATCH), createUnder };
  try {
    outcomes.push(
      ...(values.remote
        ? await saveRemotely(batch)
        : await runInWorkerd<ImportOutcome[]>(
            "scripts/import/import-worker.ts",
            batch,
            values["persist-to"],
          )),
    );
  } catch (error) {
    for (const item of batch.items)
      outcomes.push({ source: item.source, status: "failed", reason: (error as Error).message });
  }
  progress(Math.min(start + BATCH, items.length), items.length);
}
summarize(outcomes);

function progress(done: number, total: number) {
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  process.stderr.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`);
  if (done === total) process.stderr.write("\n");
}

function summarize(all: ImportOutcome[]) {
  const count = (status: ImportOutcome["status"]) => all.filter((o) => o.status === status).length;
  console.log(
    `导入 ${count("imported")} 份，导入但有勾稽问题 ${count("imported_with_findings")} 份，失败 ${count("failed")} 份`,
  );
  const created = new Set(
    all.flatMap((o) => (o.status !== "failed" && o.created ? [o.agencyId] : [])),
  );
  // What a new agency is comes from its name (guessNewAgency); an unknown code ends in 99.
  if (created.size > 0) {
    console.log(
      `新建机构 ${created.size} 个：级别、范围和行政区划代码由名称推断，请在“机构管理”中核对（以99结尾的代码为待核实的占位）`,
    );
  }
  for (const outcome of all) {
    if (outcome.status === "failed") console.log(`  ✗ ${outcome.source}：${outcome.reason}`);
    else if (outcome.status === "imported_with_findings")
      console.log(
        `  ! ${outcome.source}：${outcome.errors} 处错误，${outcome.warnings} 处提示（第 ${outcome.revision} 版）`,
      );
  }
  process.exitCode = count("failed") > 0 ? 1 : 0;
}
