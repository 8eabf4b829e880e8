import type { Database } from "../db/client";
import { createAgency, getAgency, type AgencyRow } from "../db/queries/agencies";
import { loadCurrent } from "../db/queries/reports";
import { sameAgency } from "../import/agency-match";
import { guessNewAgency } from "../import/agency-name";
import type { ReportDocument } from "../report/document";
import { findAgencyByPrintedName } from "./agency-by-name";
import { saveReport } from "./save-report";

interface ImportItem {
  source: string;
  /** The agency as the report prints it ("" when it does not). */
  agencyName: string;
  document: ReportDocument;
}

/** The agency every item of a batch is for (`--agency`): its id, or its name as printed. */
export type AgencyHint = { id: number } | { name: string };

export type ImportOutcome =
  | {
      source: string;
      status: "imported" | "imported_with_findings";
      agencyId: number;
      revision: number;
      errors: number;
      warnings: number;
      created: boolean;
      /** The agency's name, when it is spelt otherwise in the report (简称, 办公厅/办公室). */
      matchedName?: string;
    }
  | { source: string; status: "failed"; reason: string };

/**
 * Saves an imported report as a new revision of its agency's report for the year (see
 * resolveAgency for which agency). A report that already exists gets a new revision (a
 * correction, with the import as its reason, when published), unless it is under review or its
 * document names another agency: history is kept, and nothing is written over another's report.
 */
async function importReport(
  db: Database,
  item: ImportItem,
  options: { createUnder: number | null; agencyHint: AgencyHint | null; author: string; now: Date },
): Promise<ImportOutcome> {
  const resolved = await resolveAgency(db, item, options);
  if ("reason" in resolved)
    return { source: item.source, status: "failed", reason: resolved.reason };
  const { agency, created } = resolved;
  const name = agency.name;
  const current = await loadCurrent(db, agency.id, item.document.year);
  if (current?.report.status === "submitted") {
    return {
      source: item.source,
      status: "failed",
      reason: `${name} ${item.document.year} 年度报告正在审核，未导入`,
    };
  }
  const printed = current?.document.agency;
  if (printed && !sameAgency(printed, agency.name)) {
    return {
      source: item.source,
      status: "failed",
      reason: `${name} ${item.document.year} 年度已有的报告写明是「${printed}」的报告，未覆盖`,
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
    ...(agency.name !== item.agencyName.trim() && item.agencyName.trim() !== ""
      ? { matchedName: item.agencyName.trim() }
      : {}),
  };
}

type Resolved = { agency: AgencyRow; created: boolean } | { reason: string };

/**
 * The agency an item is saved under: the batch's hinted agency (refusing a report that names
 * another one), else the agency its printed name means, else a new one under `createUnder`.
 */
async function resolveAgency(
  db: Database,
  item: ImportItem,
  options: { createUnder: number | null; agencyHint: AgencyHint | null; now: Date },
): Promise<Resolved> {
  const name = item.agencyName.trim();
  if (options.agencyHint) {
    const hinted = await hintedAgency(db, options.agencyHint);
    if ("reason" in hinted) return hinted;
    if (name !== "" && !sameAgency(name, hinted.agency.name)) {
      return {
        reason: `文本是「${name}」的报告，与 --agency 指定的「${hinted.agency.name}」不符，未导入`,
      };
    }
    return hinted;
  }
  if (!name) return { reason: "未能从标题识别机构名称（可用 --agency 指定）" };
  const match = await findAgencyByPrintedName(db, name);
  if (match.kind === "found") return { agency: match.agency, created: false };
  if (match.kind === "ambiguous") {
    const names = match.candidates.map((a) => `「${a.name}」(${a.id})`).join("、");
    return { reason: `「${name}」可指多个机构：${names}，请用 --agency 指定` };
  }
  if (options.createUnder === null) {
    return { reason: `机构「${name}」不存在（用 --create-under 指定上级机构以新建）` };
  }
  const parent = await getAgency(db, options.createUnder);
  if (!parent) return { reason: `上级机构 ${options.createUnder} 不存在` };
  const agency = (await createAgency(
    db,
    { name, ...guessNewAgency(name, parent), parentId: parent.id },
    options.now,
  ))!;
  return { agency, created: true };
}

async function hintedAgency(db: Database, hint: AgencyHint): Promise<Resolved> {
  if ("id" in hint) {
    const agency = await getAgency(db, hint.id);
    return agency
      ? { agency, created: false }
      : { reason: `--agency 指定的机构 ${hint.id} 不存在` };
  }
  const match = await findAgencyByPrintedName(db, hint.name);
  if (match.kind === "found") return { agency: match.agency, created: false };
  return match.kind === "ambiguous"
    ? { reason: `--agency「${hint.name}」可指多个机构，请改用机构 ID` }
    : { reason: `--agency 指定的机构「${hint.name}」不存在` };
}

export interface ImportBatch {
  items: ImportItem[];
  createUnder: number | null;
  agencyHint?: AgencyHint | null;
}

/** Imports each item in turn; one that fails is reported and never stops the others. */
export async function importBatch(db: Database, batch: ImportBatch): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const item of batch.items) {
    try {
      outcomes.push(
        await importReport(db, item, {
          createUnder: batch.createUnder,
          agencyHint: batch.agencyHint ?? null,
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
