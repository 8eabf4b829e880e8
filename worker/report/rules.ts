/**
 * The cross-checks of a report (勾稽关系, FORMAT §7): hard rules R1–R5 and soft checks.
 *
 * Blank cells: a blank (null) is read as 0, and every blank cell of a present row is reported
 * (S-blank, one warning per row). But an equation one of whose two sides is entirely blank is not
 * evaluated, because unknown is not zero: the 2019 layout leaves 总计 blank on outcome rows, and a
 * partial document may lack whole rows. Absent rows count as blank for that purpose.
 */

import { KIND_LABELS, LEVEL_LABELS, type AgencyKind, type AgencyLevel } from "./vocabulary";
import { hasAtMostFourDecimals, section3Variant, type Cell, type ReportDocument } from "./document";
import { figureDef, flattenFigures, type FigureKey } from "./figures";
import {
  readNarrativeFigures,
  type NarrativeFigureKey,
  type TextSection,
} from "./narrative-figures";
import {
  OUTCOME_ROW_KEYS,
  SECTION3_APPLICANT_COLUMN_COUNT,
  SECTION3_COLUMNS,
  SECTION3_ROWS,
  SECTION3_TOTAL_INDEX,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  SECTION4_TOTAL_INDEX,
  section2Rows,
  section3Row,
  section3RowFullLabel,
  section3RowKeys,
  section4GroupFullLabel,
  type Section3RowKey,
} from "./templates";

export type RuleId =
  | "R1"
  | "R2"
  | "R3"
  | "R4"
  | "R5"
  | "S-carry-over"
  | "S-made-le-valid"
  | "S-valid-continuity"
  | "S-regulations-scope"
  | "S-narrative"
  | "S-blank"
  | "S-missing-rows";

export type Severity = "error" | "warning";
type FindingTable = "二" | "三" | "四" | "metrics";

export interface Finding {
  rule: RuleId;
  severity: Severity;
  table: FindingTable | null;
  /** Row key (table 三 row, table 二 row, table 四 group, metric), or null for a column rule. */
  row: string | null;
  /** Column key; null for a whole-row finding (or an S-blank warning over several columns). */
  column: string | null;
  /** What the other figures say the value should be (for R1–R4, the sum of the parts). */
  expected: number | null;
  /** The figure as printed (for R1–R4, the printed total). */
  actual: number | null;
  message: string;
  message_en: string;
}

export interface RuleDef {
  id: RuleId;
  severity: Severity;
  description: string;
  descriptionEn: string;
}

export const RULES: readonly RuleDef[] = [
  {
    id: "R1",
    severity: "error",
    description: "表三每一行：六类申请人之和等于总计",
    descriptionEn: "Table 3, each row: the six applicant columns add up to the total",
  },
  {
    id: "R2",
    severity: "error",
    description: "表三每一列（含总计）：一+二=三(七)总计+四",
    descriptionEn: "Table 3, each column (total included): 1 + 2 = 3(7) total + 4",
  },
  {
    id: "R3",
    severity: "error",
    description: "表三每一列：三(七)总计等于各办理结果行之和",
    descriptionEn: "Table 3, each column: 3(7) total equals the sum of the outcome rows",
  },
  {
    id: "R4",
    severity: "error",
    description: "表四每一组：维持+纠正+其他+尚未审结=总计",
    descriptionEn: "Table 4, each group: upheld + corrected + other + pending = total",
  },
  {
    id: "R5",
    severity: "error",
    description: "数量为非负整数；收费为非负金额（最多4位小数）",
    descriptionEn:
      "Counts are non-negative integers; fees are non-negative amounts (at most 4 decimals)",
  },
  {
    id: "S-carry-over",
    severity: "warning",
    description: "本年“上年结转”应等于上年报告的“结转下年度”",
    descriptionEn: "This year's carried-over equals last year's carried-forward",
  },
  {
    id: "S-made-le-valid",
    severity: "warning",
    description: "表二：本年制发件数不应大于现行有效件数",
    descriptionEn: "Table 2: made this year should not exceed currently in force",
  },
  {
    id: "S-valid-continuity",
    severity: "warning",
    description: "表二：现行有效件数应约等于上年现行有效+本年制发−本年废止",
    descriptionEn: "Table 2: in force ≈ last year's in force + made − repealed",
  },
  {
    id: "S-regulations-scope",
    severity: "warning",
    description: "只有省级和设区的市级政府制定规章：其他机关报告规章值得核实",
    descriptionEn: "Only provincial and prefecture-level city governments make rules (guizhang)",
  },
  {
    id: "S-narrative",
    severity: "warning",
    description: "正文所述的收到申请数、行政复议和行政诉讼件数应与表三、表四一致",
    descriptionEn:
      "Applications received and reconsideration and litigation cases stated in the text agree with tables 3 and 4",
  },
  {
    id: "S-blank",
    severity: "warning",
    description: "空白单元格按0计算",
    descriptionEn: "Blank cells are read as 0",
  },
  {
    id: "S-missing-rows",
    severity: "warning",
    description: "表三缺少行，相关勾稽关系无法完整核对",
    descriptionEn: "Table 3 lacks rows, so its checks are incomplete",
  },
];

const RULE_SEVERITY: ReadonlyMap<RuleId, Severity> = new Map(RULES.map((r) => [r.id, r.severity]));

export interface CheckContext {
  /** The same agency's report of the year before; ignored unless its year is `doc.year - 1`. */
  previous?: ReportDocument;
  /**
   * The agency as registered. `name` tells a government's general office (…人民政府办公厅), which
   * prints its government's 规章, from other departments; without it an office counts as one.
   */
  agency?: { level: AgencyLevel; kind: AgencyKind; name?: string };
}

type MaybeCell = Cell | undefined;

function isBlank(cell: MaybeCell): cell is null | undefined {
  return cell === null || cell === undefined;
}

function allBlank(cells: readonly MaybeCell[]): boolean {
  return cells.every(isBlank);
}

function sum(cells: readonly MaybeCell[]): number {
  return cells.reduce<number>((total, cell) => total + (cell ?? 0), 0);
}

function finding(
  rule: RuleId,
  fields: Omit<Finding, "rule" | "severity" | "expected" | "actual"> &
    Partial<Pick<Finding, "expected" | "actual">>,
): Finding {
  return {
    rule,
    severity: RULE_SEVERITY.get(rule) ?? "error",
    table: fields.table,
    row: fields.row,
    column: fields.column,
    expected: fields.expected ?? null,
    actual: fields.actual ?? null,
    message: fields.message,
    message_en: fields.message_en,
  };
}

/** `section3.granted.total` → row "granted", column "total"; `section2.fees_wan_yuan` → row only. */
function rowAndColumn(key: FigureKey): { row: string | null; column: string | null } {
  const [, row, column] = key.split(".");
  return { row: row ?? null, column: column ?? null };
}

function checkR5(doc: ReportDocument): Finding[] {
  const out: Finding[] = [];
  for (const [key, value] of flattenFigures(doc)) {
    if (value === null) continue;
    const def = figureDef(key);
    let zh: string | null = null;
    let en: string | null = null;
    if (!Number.isFinite(value)) {
      zh = "不是有效数字";
      en = "is not a valid number";
    } else if (def.kind === "count" && !Number.isSafeInteger(value)) {
      zh = "不是整数";
      en = "is not an integer";
    } else if (value < 0 && !def.signed) {
      zh = "为负数";
      en = "is negative";
    } else if (def.kind === "amount" && !hasAtMostFourDecimals(value)) {
      zh = "小数超过4位";
      en = "has more than 4 decimal places";
    }
    if (zh === null || en === null) continue;
    out.push(
      finding("R5", {
        table: def.table,
        ...rowAndColumn(key),
        actual: value,
        message: `${def.label}：${value}${zh}`,
        message_en: `${def.labelEn}: ${value} ${en}`,
      }),
    );
  }
  return out;
}

function rowCells(doc: ReportDocument, key: Section3RowKey): readonly MaybeCell[] | undefined {
  return doc.section3?.rows[key];
}

function columnCell(doc: ReportDocument, key: Section3RowKey, index: number): MaybeCell {
  return rowCells(doc, key)?.[index];
}

function checkR1(doc: ReportDocument): Finding[] {
  const out: Finding[] = [];
  for (const { key } of SECTION3_ROWS) {
    const cells = rowCells(doc, key);
    if (!cells) continue;
    const parts = cells.slice(0, SECTION3_APPLICANT_COLUMN_COUNT);
    const total = cells[SECTION3_TOTAL_INDEX];
    if (isBlank(total) || allBlank(parts)) continue;
    const partsSum = sum(parts);
    if (partsSum === total) continue;
    const label = section3RowFullLabel(key);
    const diff = Math.abs(partsSum - total);
    out.push(
      finding("R1", {
        table: "三",
        row: key,
        column: "total",
        expected: partsSum,
        actual: total,
        message: `表三 “${label.label}”行：各申请人列合计=${partsSum}，总计=${total}，相差${diff}`,
        message_en: `Table 3, row "${label.labelEn}": the applicant columns add up to ${partsSum} but the total is ${total} (difference ${diff})`,
      }),
    );
  }
  return out;
}

function checkR2(doc: ReportDocument): Finding[] {
  if (!doc.section3) return [];
  const out: Finding[] = [];
  SECTION3_COLUMNS.forEach((column, index) => {
    const left = [columnCell(doc, "new_received", index), columnCell(doc, "carried_over", index)];
    const right = [
      columnCell(doc, "total_processed", index),
      columnCell(doc, "carried_forward", index),
    ];
    if (allBlank(left) || allBlank(right)) return;
    const l = sum(left);
    const r = sum(right);
    if (l === r) return;
    const diff = Math.abs(l - r);
    out.push(
      finding("R2", {
        table: "三",
        row: null,
        column: column.key,
        expected: l,
        actual: r,
        message: `表三 “${column.label}”列：一+二=${l}，三(七)+四=${r}，相差${diff}`,
        message_en: `Table 3, column "${column.labelEn}": 1+2 = ${l} but 3(7)+4 = ${r} (difference ${diff})`,
      }),
    );
  });
  return out;
}

function checkR3(doc: ReportDocument): Finding[] {
  if (!doc.section3) return [];
  const outcomeRows = OUTCOME_ROW_KEYS(section3Variant(doc));
  const out: Finding[] = [];
  SECTION3_COLUMNS.forEach((column, index) => {
    const outcomes = outcomeRows.map((key) => columnCell(doc, key, index));
    const total = columnCell(doc, "total_processed", index);
    if (isBlank(total) || allBlank(outcomes)) return;
    const outcomeSum = sum(outcomes);
    if (outcomeSum === total) return;
    const diff = Math.abs(outcomeSum - total);
    out.push(
      finding("R3", {
        table: "三",
        row: "total_processed",
        column: column.key,
        expected: outcomeSum,
        actual: total,
        message: `表三 “${column.label}”列：三(一)至三(六)各项合计=${outcomeSum}，三(七)总计=${total}，相差${diff}`,
        message_en: `Table 3, column "${column.labelEn}": outcome rows 3(1)–3(6) add up to ${outcomeSum} but the 3(7) total is ${total} (difference ${diff})`,
      }),
    );
  });
  return out;
}

function checkR4(doc: ReportDocument): Finding[] {
  const section4 = doc.section4;
  if (!section4) return [];
  const out: Finding[] = [];
  for (const group of SECTION4_GROUPS) {
    const cells = section4[group.key];
    const parts = cells.slice(0, SECTION4_TOTAL_INDEX);
    const total = cells[SECTION4_TOTAL_INDEX];
    if (isBlank(total) || allBlank(parts)) continue;
    const partsSum = sum(parts);
    if (partsSum === total) continue;
    const label = section4GroupFullLabel(group.key);
    const diff = Math.abs(partsSum - total);
    out.push(
      finding("R4", {
        table: "四",
        row: group.key,
        column: "total",
        expected: partsSum,
        actual: total,
        message: `表四 “${label.label}”：维持+纠正+其他+尚未审结=${partsSum}，总计=${total}，相差${diff}`,
        message_en: `Table 4, "${label.labelEn}": upheld + corrected + other + pending = ${partsSum} but the total is ${total} (difference ${diff})`,
      }),
    );
  }
  return out;
}

function checkMissingRows(doc: ReportDocument): Finding[] {
  const section3 = doc.section3;
  if (!section3) return [];
  const missing = section3RowKeys(section3Variant(doc)).filter(
    (key) => section3.rows[key] === undefined,
  );
  if (missing.length === 0) return [];
  const refs = missing.map((key) => section3Row(key).ref).join("、");
  const refsEn = missing.map((key) => section3Row(key).refEn).join(", ");
  return [
    finding("S-missing-rows", {
      table: "三",
      row: null,
      column: null,
      message: `表三 缺少${missing.length}行（${refs}），相关勾稽关系未能完整核对`,
      message_en: `Table 3 lacks ${missing.length} rows (${refsEn}), so its checks are incomplete`,
    }),
  ];
}

interface BlankLine {
  table: FindingTable;
  row: string;
  label: string;
  labelEn: string;
  columns: { key: string | null; label: string; labelEn: string; cell: MaybeCell }[];
}

function blankFinding(line: BlankLine): Finding | null {
  const blank = line.columns.filter((c) => isBlank(c.cell));
  if (blank.length === 0) return null;
  const tableEn = { 二: "Table 2", 三: "Table 3", 四: "Table 4", metrics: "Metrics" }[line.table];
  const isRow = line.table === "三";
  const where = `表${line.table} “${line.label}”${isRow ? "行" : ""}`;
  const whereEn = `${tableEn}, ${isRow ? "row " : ""}"${line.labelEn}"`;
  const whole = blank.length === line.columns.length;
  const single = line.columns.length === 1;
  const names = blank.map((c) => `“${c.label}”`).join("、");
  const namesEn = blank.map((c) => `"${c.labelEn}"`).join(", ");
  return finding("S-blank", {
    table: line.table,
    row: line.row,
    column: blank.length === 1 ? (blank[0]?.key ?? null) : null,
    message: single || whole ? `${where}：空白，按0计算` : `${where}：${names}为空白，按0计算`,
    message_en:
      single || whole
        ? `${whereEn}: blank, read as 0`
        : `${whereEn}: blank ${blank.length === 1 ? "cell" : "cells"} ${namesEn} read as 0`,
  });
}

function blankLines(doc: ReportDocument): BlankLine[] {
  const lines: BlankLine[] = [];
  const section2 = doc.section2 as Record<string, unknown> | null | undefined;
  if (section2) {
    for (const row of section2Rows(doc.template)) {
      const value: unknown = section2[row.key];
      const columns =
        row.shape === "scalar"
          ? [
              {
                key: null,
                label: row.column.label,
                labelEn: row.column.labelEn,
                cell: asCell(value),
              },
            ]
          : row.columns.map((c) => ({
              key: c.key,
              label: c.label,
              labelEn: c.labelEn,
              cell: asCell(
                value !== null && typeof value === "object"
                  ? (value as Record<string, unknown>)[c.key]
                  : undefined,
              ),
            }));
      lines.push({ table: "二", row: row.key, label: row.label, labelEn: row.labelEn, columns });
    }
  }
  const rows = doc.section3?.rows;
  if (rows) {
    for (const { key } of SECTION3_ROWS) {
      const cells = rows[key];
      if (!cells) continue;
      const label = section3RowFullLabel(key);
      lines.push({
        table: "三",
        row: key,
        ...label,
        columns: SECTION3_COLUMNS.map((c, i) => ({ ...c, cell: cells[i] })),
      });
    }
  }
  const section4 = doc.section4;
  if (section4) {
    for (const group of SECTION4_GROUPS) {
      const cells = section4[group.key];
      lines.push({
        table: "四",
        row: group.key,
        ...section4GroupFullLabel(group.key),
        columns: SECTION4_COLUMNS.map((c, i) => ({ ...c, cell: cells[i] })),
      });
    }
  }
  return lines;
}

function asCell(value: unknown): MaybeCell {
  return typeof value === "number" ? value : null;
}

function checkBlanks(doc: ReportDocument): Finding[] {
  return blankLines(doc).flatMap((line) => blankFinding(line) ?? []);
}

function previousOf(doc: ReportDocument, context: CheckContext): ReportDocument | null {
  const previous = context.previous;
  return previous && previous.year === doc.year - 1 ? previous : null;
}

function checkCarryOver(doc: ReportDocument, context: CheckContext): Finding[] {
  const previous = previousOf(doc, context);
  if (!previous?.section3 || !doc.section3) return [];
  const out: Finding[] = [];
  SECTION3_COLUMNS.forEach((column, index) => {
    const before = columnCell(previous, "carried_forward", index);
    const now = columnCell(doc, "carried_over", index);
    if (isBlank(before) || isBlank(now) || before === now) return;
    const diff = Math.abs(now - before);
    out.push(
      finding("S-carry-over", {
        table: "三",
        row: "carried_over",
        column: column.key,
        expected: before,
        actual: now,
        message: `表三 “${column.label}”列：二、上年结转=${now}，${previous.year}年报告四、结转下年度=${before}，相差${diff}`,
        message_en: `Table 3, column "${column.labelEn}": carried over ${now} but the ${previous.year} report carried forward ${before} (difference ${diff})`,
      }),
    );
  });
  return out;
}

const MADE_VALID_ROWS = ["regulations", "normative_documents"] as const;

function rowLabel2021(key: (typeof MADE_VALID_ROWS)[number]): { label: string; labelEn: string } {
  const row = section2Rows("2021").find((r) => r.key === key);
  return { label: row?.label ?? key, labelEn: row?.labelEn ?? key };
}

function checkMadeLeValid(doc: ReportDocument): Finding[] {
  if (doc.template !== "2021" || !doc.section2) return [];
  const out: Finding[] = [];
  for (const key of MADE_VALID_ROWS) {
    const { made, valid } = doc.section2[key];
    if (isBlank(made) || isBlank(valid) || made <= valid) continue;
    const label = rowLabel2021(key);
    out.push(
      finding("S-made-le-valid", {
        table: "二",
        row: key,
        column: "made",
        expected: valid,
        actual: made,
        message: `表二 “${label.label}”：本年制发件数=${made}，大于现行有效件数=${valid}`,
        message_en: `Table 2, "${label.labelEn}": made this year ${made} exceeds currently in force ${valid}`,
      }),
    );
  }
  return out;
}

/**
 * FORMAT §7 says 现行有效 ≈ last year's + 制发 − 废止, not =: documents also lapse when their own
 * validity period ends (有效期届满, never 废止), a 修订 may count as made without its old text
 * counted as repealed, and the stock is recounted at each 清理. A drift of two documents, or of 5%
 * of last year's stock where that is more, is such bookkeeping; beyond it the figures deserve a
 * look.
 */
function validDriftTolerance(lastYearValid: number): number {
  return Math.max(2, 0.05 * lastYearValid);
}

function checkValidContinuity(doc: ReportDocument, context: CheckContext): Finding[] {
  const previous = previousOf(doc, context);
  if (doc.template !== "2021" || !doc.section2) return [];
  if (previous?.template !== "2021" || !previous.section2) return [];
  const out: Finding[] = [];
  for (const key of MADE_VALID_ROWS) {
    const before = previous.section2[key].valid;
    const { made, repealed, valid } = doc.section2[key];
    if (isBlank(before) || isBlank(made) || isBlank(repealed) || isBlank(valid)) continue;
    const expected = before + made - repealed;
    if (Math.abs(expected - valid) <= validDriftTolerance(before)) continue;
    const label = rowLabel2021(key);
    const diff = Math.abs(expected - valid);
    out.push(
      finding("S-valid-continuity", {
        table: "二",
        row: key,
        column: "valid",
        expected,
        actual: valid,
        message: `表二 “${label.label}”：上年现行有效${before}+本年制发${made}−本年废止${repealed}=${expected}，本年现行有效件数=${valid}，相差${diff}`,
        message_en: `Table 2, "${label.labelEn}": last year's ${before} in force + ${made} made − ${repealed} repealed = ${expected}, but ${valid} are in force (difference ${diff})`,
      }),
    );
  }
  return out;
}

/** 上海市人民政府办公厅, 洛阳市人民政府办公室, 北京市政府办公厅 — not 人民政府外事办公室. */
const GENERAL_OFFICE = /(?:人民)?政府办公[厅室]$/;

/** A government's general office, named as such (a trailing （…） aside). */
function isGovernmentGeneralOffice(name: string): boolean {
  return GENERAL_OFFICE.test(name.replace(/[（(][^（()）]*[)）]\s*$/, "").trim());
}

function checkRegulationsScope(doc: ReportDocument, context: CheckContext): Finding[] {
  const agency = context.agency;
  if (!agency || !doc.section2) return [];
  const rulesLevel = agency.level === "province" || agency.level === "city";
  // The general office of a government that makes 规章 publishes them for it (上海市人民政府办公厅).
  const printsGovernmentRules =
    rulesLevel &&
    agency.kind === "department" &&
    agency.name !== undefined &&
    isGovernmentGeneralOffice(agency.name);
  if ((agency.kind === "government" && rulesLevel) || printsGovernmentRules) return [];
  const [made, valid] =
    doc.template === "2021"
      ? [doc.section2.regulations.made, doc.section2.regulations.valid]
      : [doc.section2.regulations.new_made, doc.section2.regulations.total_published];
  if ((made ?? 0) <= 0 && (valid ?? 0) <= 0) return [];
  const level = LEVEL_LABELS[agency.level];
  const kind = KIND_LABELS[agency.kind];
  const row = section2Rows(doc.template).find((r) => r.key === "regulations");
  return [
    finding("S-regulations-scope", {
      table: "二",
      row: "regulations",
      column: null,
      actual: (valid ?? 0) > 0 ? valid : made,
      message: `表二 “${row?.label ?? "规章"}”：${level.zh}${kind.zh}一般不制定规章，却报告本年制发${made ?? 0}件、现行有效${valid ?? 0}件`,
      message_en: `Table 2, "${row?.labelEn ?? "rules"}": a ${level.enAdjective} ${kind.en.toLowerCase()} does not normally make rules (guizhang), yet reports ${made ?? 0} made and ${valid ?? 0} in force`,
    }),
  ];
}

const SECTION_NAMES: Record<TextSection, [string, string]> = {
  overview: ["总体情况", "overview"],
  problems: ["存在的主要问题及改进情况", "problems and improvements"],
  other: ["其他需要报告的事项", "other matters"],
};

/** What the tables hold for one narrative figure, and the values the narrative may state. */
interface TableSide {
  table: "三" | "四";
  row: string | null;
  column: string | null;
  value: number;
  accepted: number[];
  /** How the table's value is made up, e.g. "（未经复议直接起诉2+复议后起诉13）". */
  where: string;
  whereEn: string;
}

function applicationsSide(doc: ReportDocument): TableSide | null {
  const received = columnCell(doc, "new_received", SECTION3_TOTAL_INDEX);
  if (isBlank(received)) return null;
  const carried = columnCell(doc, "carried_over", SECTION3_TOTAL_INDEX);
  const label = section3RowFullLabel("new_received");
  const withCarried = isBlank(carried) || carried === 0 ? null : received + carried;
  return {
    table: "三",
    row: "new_received",
    column: "total",
    value: received,
    // 共受理 sometimes counts last year's carried-over applications too.
    accepted: withCarried === null ? [received] : [received, withCarried],
    where: `表三 “${label.label}”总计=${received}${withCarried === null ? "" : `（加上年结转为${withCarried}）`}`,
    whereEn: `Table 3, row "${label.labelEn}": total ${received}${withCarried === null ? "" : ` (${withCarried} with those carried over)`}`,
  };
}

function reconsiderationSide(doc: ReportDocument): TableSide | null {
  const total = doc.section4?.reconsideration[SECTION4_TOTAL_INDEX];
  if (isBlank(total)) return null;
  const label = section4GroupFullLabel("reconsideration");
  return {
    table: "四",
    row: "reconsideration",
    column: "total",
    value: total,
    accepted: [total],
    where: `表四 “${label.label}”总计=${total}`,
    whereEn: `Table 4, "${label.labelEn}": total ${total}`,
  };
}

function litigationSide(doc: ReportDocument): TableSide | null {
  const direct = doc.section4?.litigation_direct[SECTION4_TOTAL_INDEX];
  const after = doc.section4?.litigation_after_reconsideration[SECTION4_TOTAL_INDEX];
  if (isBlank(direct) && isBlank(after)) return null;
  const total = (direct ?? 0) + (after ?? 0);
  // Some texts count only one of the two groups.
  const accepted = [total, ...[direct, after].filter((n): n is number => !isBlank(n))];
  return {
    table: "四",
    // Two groups: no single figure to point at.
    row: null,
    column: null,
    value: total,
    accepted,
    where: `表四 “行政诉讼”总计=${total}（未经复议直接起诉${direct ?? "空白"}+复议后起诉${after ?? "空白"}）`,
    whereEn: `Table 4, "administrative litigation": total ${total} (${direct ?? "blank"} filed directly + ${after ?? "blank"} after reconsideration)`,
  };
}

const NARRATIVE_SIDES: readonly [NarrativeFigureKey, (doc: ReportDocument) => TableSide | null][] =
  [
    ["applications", applicationsSide],
    ["reconsideration", reconsiderationSide],
    ["litigation", litigationSide],
  ];

/**
 * The narrative's count of applications, 行政复议 or 行政诉讼 against the tables' (FORMAT §7: real
 * reports disagree often, so a warning). A figure stated several times is fine when any statement
 * matches: a report may also give one office's or one period's share.
 */
function checkNarrative(doc: ReportDocument): Finding[] {
  if (!doc.text || (!doc.section3 && !doc.section4)) return [];
  const stated = readNarrativeFigures(doc.text, doc.year);
  const out: Finding[] = [];
  for (const [key, sideOf] of NARRATIVE_SIDES) {
    const readings = stated.filter((f) => f.key === key);
    if (readings.length === 0) continue;
    const side = sideOf(doc);
    if (!side || readings.some((r) => side.accepted.includes(r.value))) continue;
    const first = readings[0]!;
    const [sectionZh, sectionEn] = SECTION_NAMES[first.section];
    out.push(
      finding("S-narrative", {
        table: side.table,
        row: side.row,
        column: side.column,
        expected: first.value,
        actual: side.value,
        message: `${side.where}，正文（${sectionZh}）却称“${first.printed}”，相差${Math.abs(first.value - side.value)}`,
        message_en: `${side.whereEn}, but the text (${sectionEn}) says "${first.printed}" (${first.value}; difference ${Math.abs(first.value - side.value)})`,
      }),
    );
  }
  return out;
}

/**
 * All findings for a document, hard rules first, in the order of `RULES`.
 *
 * R5 is enforced at the boundary by `reportDocumentSchema`; it is checked again here so that a
 * document built in code (never parsed) is held to the same rule.
 */
export function checkReport(doc: ReportDocument, context: CheckContext = {}): Finding[] {
  return [
    ...checkR5(doc),
    ...checkR1(doc),
    ...checkR2(doc),
    ...checkR3(doc),
    ...checkR4(doc),
    ...checkCarryOver(doc, context),
    ...checkMadeLeValid(doc),
    ...checkValidContinuity(doc, context),
    ...checkRegulationsScope(doc, context),
    ...checkNarrative(doc),
    ...checkBlanks(doc),
    ...checkMissingRows(doc),
  ];
}
