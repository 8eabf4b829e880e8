import type { Database } from "../db/client";
import { createAgency, findAgencyByName, getAgency } from "../db/queries/agencies";
import { loadCurrent } from "../db/queries/reports";
import { guessNewAgency } from "../import/agency-name";
import type { ReportDocument } from "../report/document";
import { saveReport } from "./save-report";

export interface ImportItem {
  source: string;
  agencyName: string;
  document: ReportDocument;
}

export type ImportOutcome =
  | {
      source: string;
      status: "imported" | "imported_with_findings";
      agencyId: number;
      revision: number;
      errors: number;
      warnings: number;
      created: boolean;
    }
  | { source: string; status: "failed"; reason: string };

/**
 * Saves an imported report as a new revision of its agency's report for the year: the agency is
 * found by its exact name, or created under `createUnder` when given. A report that already
 * exists gets a new revision (a correction, with the import as its reason, when published).
 */
async function importReport(
  db: Database,
  item: ImportItem,
  options: { createUnder: number | null; author: string; now: Date },
): Promise<ImportOutcome> {
  const name = item.agencyName.trim();
  if (!name) return { source: item.source, status: "failed", reason: "未能从标题识别机构名称" };
  let agency = await findAgencyByName(db, name);
  let created = false;
  if (!agency) {
    if (options.createUnder === null) {
      return {
        source: item.source,
        status: "failed",
        reason: `机构「${name}」不存在（用 --create-under 指定上级机构以新建）`,
      };
    }
    const parent = await getAgency(db, options.createUnder);
    if (!parent)
      return {
        source: item.source,
        status: "failed",
        reason: `上级机构 ${options.createUnder} 不存在`,
      };
    agency = (await createAgency(
      db,
      { name, ...guessNewAgency(name, parent), parentId: parent.id },
      options.now,
    ))!;
    created = true;
  }
  const current = await loadCurrent(db, agency.id, item.document.year);
  if (current?.report.status === "submitted") {
    return {
      source: item.source,
      status: "failed",
      reason: `${name} ${item.document.year} 年度报告正在审核，未导入`,
    };
  }
  const outcome = await saveReport(db, {
    agency,
    year: item.document.year,
    baseRevision: current?.revision.number ?? 0,
    document: item.document,
    author: options.author,
    note: `导入自 ${item.source}`,
    source: "import",
    now: options.now,
  });
  if (outcome.kind === "conflict")
    return { source: item.source, status: "failed", reason: "报告在导入时被修改，请重试" };
  const findings = outcome.stored.findings;
  const errors = findings.filter((f) => f.severity === "error").length;
  return {
    source: item.source,
    status: errors > 0 ? "imported_with_findings" : "imported",
    agencyId: agency.id,
    revision: outcome.stored.revision.number,
    errors,
    warnings: findings.length - errors,
    created,
  };
}

export interface ImportBatch {
  items: ImportItem[];
  createUnder: number | null;
}

/** Imports each item in turn; one that fails is reported and never stops the others. */
export async function importBatch(db: Database, batch: ImportBatch): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const item of batch.items) {
    try {
      outcomes.push(
        await importReport(db, item, {
          createUnder: batch.createUnder,
          author: "批量导入",
          now: new Date(),
        }),
      );
    } catch (error) {
      outcomes.push({ source: item.source, status: "failed", reason: (error as Error).message });
    }
  }
  return outcomes;
}
