/** What the CLI prints after a load: the counts, then one line per file. */

import { CONFIDENCE_NAMES } from "../../worker/import/import-confidence";
import { FORMAT_NAMES } from "../../worker/import/report-file";
import type { ImportOutcome } from "../../worker/services/import-report";
import type { FileReading } from "./read-report";

export interface FileOutcome {
  reading: FileReading;
  /** What saving it did; null for a file not read, or skipped as a duplicate. */
  outcome: ImportOutcome | null;
  /** The file loaded instead of this one, which holds the same agency's report for the year. */
  keptInstead: string | null;
}

function describeReading(reading: Extract<FileReading, { ok: true }>): string {
  const { level, reasons } = reading.confidence;
  const why = reasons.length > 0 ? `（${reasons.map((r) => r.message).join("；")}）` : "";
  const who = reading.parsed.agency ?? "未识别机构";
  return `${FORMAT_NAMES[reading.format][0]} · ${who} ${reading.parsed.document.year} · 把握：${CONFIDENCE_NAMES[level][0]}${why}`;
}

function lineOf({ reading, outcome, keptInstead }: FileOutcome): string {
  if (!reading.ok) {
    const format = reading.format ? `${FORMAT_NAMES[reading.format][0]} · ` : "";
    return `  ✗ ${reading.source} · ${format}${reading.reason}`;
  }
  const described = describeReading(reading);
  if (keptInstead) return `  = ${reading.source} · ${described} · 与 ${keptInstead} 重复，未导入`;
  if (!outcome) return `  ✗ ${reading.source} · ${described} · 未保存`;
  if (outcome.status === "failed")
    return `  ✗ ${reading.source} · ${described} · ${outcome.reason}`;
  const spelt = outcome.matchedName
    ? ` · 按「${outcome.matchedName}」匹配到机构 ${outcome.agencyId}`
    : "";
  const result =
    outcome.status === "imported_with_findings"
      ? `${outcome.errors} 处错误，${outcome.warnings} 处提示（第 ${outcome.revision} 版）`
      : `第 ${outcome.revision} 版`;
  const mark = outcome.status === "imported_with_findings" ? "!" : "✓";
  return `  ${mark} ${reading.source} · ${described}${spelt} · ${result}`;
}

/** Prints the summary; the exit code: 1 when any file failed. */
export function printSummary(files: readonly FileOutcome[]): number {
  const statuses = files.map((f) =>
    !f.reading.ok ? "failed" : f.keptInstead ? "duplicate" : (f.outcome?.status ?? "failed"),
  );
  const count = (status: string) => statuses.filter((s) => s === status).length;
  const duplicates = count("duplicate");
  console.log(
    `导入 ${count("imported")} 份，导入但有勾稽问题 ${count("imported_with_findings")} 份，失败 ${count("failed")} 份` +
      (duplicates > 0 ? `，重复未导入 ${duplicates} 份` : ""),
  );
  const created = new Set(
    files.flatMap((f) =>
      f.outcome && f.outcome.status !== "failed" && f.outcome.created ? [f.outcome.agencyId] : [],
    ),
  );
  // What a new agency is comes from its name (guessNewAgency); an unknown code ends in 99.
  if (created.size > 0) {
    console.log(
      `新建机构 ${created.size} 个：级别、范围和行政区划代码由名称推断，请在“机构管理”中核对（以99结尾的代码为待核实的占位）`,
    );
  }
  for (const file of files) console.log(lineOf(file));
  return count("failed") > 0 ? 1 : 0;
}
