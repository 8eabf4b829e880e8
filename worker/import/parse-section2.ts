/**
 * Table 二 (proactive disclosure) by its row labels, in either template: the 2021 layout
 * (规章 / 规范性文件 made–repealed–valid, then 许可 / 处罚 / 强制 decisions and the fee in 万元) or
 * the 2019 trial layout (its own columns, 其他对外管理服务事项 and 政府集中采购).
 */

import type { Section2_2019, Section2_2021 } from "../report/document";
import { section2Rows, type Section2RowDef, type Template } from "../report/templates";
import {
  textOf,
  tokeniseLine,
  usesClosingPipes,
  type CellValue,
  type TokenisedLine,
} from "./cell-tokens";
import { amountOf, CELL_ISSUE_TEXT, countOf, type ReadCount } from "./count-cell";
import type { ImportLog } from "./import-warnings";
import { similarity } from "./section3-labels";
import type { SourceLine } from "./source-lines";

const LAYOUT_2019 =
  /新制作|新公开数量|对外公开总数|上一年项目数量|本年增\/减|其他对外管理服务|政府集中采购|采购项目数量/;

export function isTable2Layout2019(lines: readonly SourceLine[]): boolean {
  return lines.some((l) => LAYOUT_2019.test(l.compact));
}

function labelsOf(row: Section2RowDef): string[] {
  return [row.label, ...(row.aliases ?? [])];
}

function cleanLabel(text: string): string {
  return text.replace(/^[\d.、()一二三四五六七八九十]*[、.)]/, "").replace(/[|:：]/g, "");
}

/** The table-二 row a line's label names, if any. */
function rowNamed(label: string, rows: readonly Section2RowDef[]): Section2RowDef | null {
  const text = cleanLabel(label);
  if (text.length < 2 || text.length > 20) return null;
  for (const row of rows) {
    if (
      labelsOf(row).some((l) => text === l || (text.endsWith(l) && text.length <= l.length + 3))
    ) {
      return row;
    }
  }
  let best: Section2RowDef | null = null;
  let bestScore = 0.7;
  for (const row of rows) {
    for (const l of labelsOf(row)) {
      if (Math.abs(l.length - text.length) > 2) continue;
      const s = similarity(text, l);
      if (s >= bestScore) [best, bestScore] = [row, s];
    }
  }
  return best;
}

function columnKeys(row: Section2RowDef): (string | null)[] {
  return row.shape === "scalar" ? [null] : row.columns.map((c) => c.key);
}

interface FoundRow {
  row: Section2RowDef;
  cells: CellValue[];
  line: SourceLine;
}

/** Each labelled row with the values after its label (continuing on value-only lines). */
function findRows(lines: readonly SourceLine[], rows: readonly Section2RowDef[]): FoundRow[] {
  const closer = usesClosingPipes(lines);
  const tokenised: TokenisedLine[] = lines.map((l) => tokeniseLine(l, closer));
  const found: FoundRow[] = [];
  const seen = new Set<string>();
  tokenised.forEach((line, index) => {
    const firstValue = line.tokens.findIndex((t) => t.kind === "value");
    const labelTokens = firstValue === -1 ? line.tokens : line.tokens.slice(0, firstValue);
    const row = rowNamed(textOf(labelTokens), rows);
    if (!row || seen.has(row.key)) return;
    const needed = columnKeys(row).length;
    const cells = line.tokens
      .slice(firstValue === -1 ? line.tokens.length : firstValue)
      .flatMap((t) => (t.kind === "value" ? [t.cell] : []));
    for (let next = index + 1; next < tokenised.length; next += 1) {
      if (cells.filter((c) => c.kind !== "blank").length >= needed) break;
      const more = tokenised[next];
      if (!more || more.tokens.length === 0 || more.tokens.some((t) => t.kind === "text")) break;
      cells.push(...more.tokens.flatMap((t) => (t.kind === "value" ? [t.cell] : [])));
    }
    if (cells.length === 0) return;
    seen.add(row.key);
    found.push({ row, cells, line: line.source });
  });
  return found;
}

type Reader = (
  cell: CellValue,
  row: Section2RowDef,
  column: string | null,
) => ReadCount & { converted?: boolean };

function signedCount(cell: CellValue): ReadCount {
  if (cell.kind === "number" && cell.value !== null && Number.isSafeInteger(cell.value)) {
    return { value: cell.value, issue: null };
  }
  return countOf(cell);
}

function readerFor(template: Template, lines: readonly SourceLine[]): Reader {
  const procurementInWan = lines.some((l) => /采购总金额\(?(?:单位:)?万元/.test(l.compact));
  return (cell, row, column) => {
    if (column === "change") return signedCount(cell);
    if (template === "2021" && row.key === "fees_wan_yuan") {
      // The column is headed 万元; a cell printed with 元 is converted.
      return amountOf(cell.unit === "" ? { ...cell, unit: "万元" } : cell, "万元");
    }
    if (column === "amount_yuan") {
      const unit =
        cell.unit === "" && procurementInWan ? "万元" : cell.unit === "" ? "元" : cell.unit;
      return amountOf({ ...cell, unit }, "元");
    }
    return countOf(cell);
  };
}

function isAmount(template: Template, row: Section2RowDef, column: string | null): boolean {
  return (template === "2021" && row.key === "fees_wan_yuan") || column === "amount_yuan";
}

function blankSection2(template: Template): Record<string, unknown> {
  return Object.fromEntries(
    section2Rows(template).map((row) => [
      row.key,
      row.shape === "scalar" ? null : Object.fromEntries(row.columns.map((c) => [c.key, null])),
    ]),
  );
}

export type Section2 =
  { template: "2021"; section2: Section2_2021 } | { template: "2019"; section2: Section2_2019 };

export function parseSection2(
  lines: readonly SourceLine[],
  template: Template,
  log: ImportLog,
): Section2 | null {
  const rows = section2Rows(template);
  const found = findRows(lines, rows);
  if (found.length === 0) {
    log.warn("table2_empty", "表二：未找到任何一行", "Table 2: no rows found", {
      path: "section2",
    });
    return null;
  }
  const read = readerFor(template, lines);
  const out = blankSection2(template);
  for (const { row, cells, line } of found) {
    const columns = columnKeys(row);
    const values = cells.slice(0, columns.length);
    const extra = cells.slice(columns.length).filter((c) => c.kind !== "blank");
    const at = { line: line.line, text: line.raw };
    columns.forEach((column, i) => {
      const path = column === null ? `section2.${row.key}` : `section2.${row.key}.${column}`;
      const cell = values[i];
      if (!cell) {
        log.warn(
          "cell_missing",
          `表二“${row.label}”缺少数字，记为空值`,
          `Table 2, "${row.key}": figure missing, kept as null`,
          {
            path,
            line: line.line,
          },
        );
        return;
      }
      let result = read(cell, row, column);
      if (
        result.value !== null &&
        !isAmount(template, row, column) &&
        !Number.isInteger(result.value)
      ) {
        result = { value: null, issue: "unreadable" };
      }
      if (column === null) out[row.key] = result.value;
      else (out[row.key] as Record<string, number | null>)[column] = result.value;
      log.source(path, at);
      if (result.issue) {
        const [zh, en] = CELL_ISSUE_TEXT[result.issue];
        log.warn(
          `${result.issue}_cell`,
          `表二“${row.label}”${zh}`,
          `Table 2, "${row.key}": ${en}`,
          {
            path,
            line: line.line,
          },
        );
      }
      if (result.converted) {
        log.warn(
          "unit_converted",
          `表二“${row.label}”的单位与表头不同，已换算`,
          `Table 2, "${row.key}": printed in another unit than the heading's, converted`,
          {
            path,
            line: line.line,
          },
        );
      }
    });
    if (extra.length > 0) {
      log.warn(
        "row_long",
        `表二“${row.label}”多出的数（${extra.map((c) => c.raw).join(" ")}）已忽略`,
        `Table 2, "${row.key}": extra numbers (${extra.map((c) => c.raw).join(" ")}) ignored`,
        { path: `section2.${row.key}`, line: line.line },
      );
    }
  }
  const missing = rows.filter((r) => !found.some((f) => f.row.key === r.key));
  for (const row of missing) {
    log.warn(
      "row_missing",
      `表二未找到“${row.label}”行，记为空值`,
      `Table 2: row "${row.key}" not found, kept as null`,
      {
        path: `section2.${row.key}`,
      },
    );
  }
  // The object was built from this template's own rows, so it has the template's shape.
  return template === "2021"
    ? { template, section2: out as Section2_2021 }
    : { template, section2: out as Section2_2019 };
}
