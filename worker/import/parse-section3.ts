/**
 * Table 三 (applications) from its lines: row candidates → rows by fixed order (labels only to
 * confirm or re-align) → lost or extra cells resolved by the table's sums (R1–R3).
 */

import type { Section3 } from "../report/document";
import {
  SECTION3_COLUMN_KEYS,
  section3Row,
  section3RowKeys,
  type Section3RowKey,
  type Section3Variant,
  type Template,
} from "../report/templates";
import type { CellValue } from "./cell-tokens";
import { CELL_ISSUE_TEXT, countOf, type CellIssue } from "./count-cell";
import type { ImportLog } from "./import-warnings";
import { pickWindow, placeShort } from "./lost-cells";
import { alignCandidates } from "./section3-align";
import { agreement, expectedRow, numbers, type Rows } from "./section3-sums";
import { ROW_WIDTH, section3Candidates, type RowCandidate } from "./section3-candidates";
import { layoutEvidence, rowsNamedBy } from "./section3-labels";
import type { SourceLine } from "./source-lines";

function chooseVariant(
  candidates: readonly RowCandidate[],
  regionText: string,
  template: Template,
): Section3Variant {
  const evidence = layoutEvidence(regionText);
  if (evidence) return evidence;
  const full = candidates.filter((c) => c.cells.length >= 3).length;
  if (full === section3RowKeys("single").length) return "single";
  if (full === section3RowKeys("split").length) return "split";
  return template === "2019" ? "single" : "split";
}

function columnNames(indexes: readonly number[]): string {
  return indexes.map((i) => SECTION3_COLUMN_KEYS[i] ?? String(i)).join(", ");
}

export function parseSection3(
  lines: readonly SourceLine[],
  template: Template,
  log: ImportLog,
): { section3: Section3; variant: Section3Variant } | null {
  const candidates = section3Candidates(lines);
  if (candidates.length === 0) {
    const where = lines[0]?.line;
    log.warn("table3_empty", "表三：未找到任何数字", "Table 3: no figures found", {
      path: "section3",
      ...(where !== undefined ? { line: where } : {}),
    });
    return null;
  }
  const regionText = lines.map((l) => l.compact).join("");
  const variant = chooseVariant(candidates, regionText, template);
  const keys = section3RowKeys(variant);
  const alignment = alignCandidates(candidates, keys);

  for (const i of alignment.stray) {
    const c = candidates[i];
    const at = c?.cells[0]?.source;
    log.warn(
      "stray_numbers",
      `表三：忽略无法归入任何一行的数字（${c?.cells.map((x) => x.raw || "空").join(" ")}）`,
      `Table 3: ignored numbers that fit no row (${c?.cells.map((x) => x.raw || "blank").join(" ")})`,
      { path: "section3", ...(at ? { line: at.line } : {}) },
    );
  }

  const placed: Partial<Record<Section3RowKey, (CellValue | null)[]>> = {};
  const rows: Rows = {};
  // Rows printed whole first: they are what lost cells are checked against.
  keys.forEach((key, r) => {
    const c = candidates[alignment.rows[r] ?? -1];
    if (c && c.cells.length === ROW_WIDTH) {
      placed[key] = c.cells;
      rows[key] = numbers(c.cells);
    }
  });
  keys.forEach((key, r) => {
    const c = candidates[alignment.rows[r] ?? -1];
    if (!c || c.cells.length === ROW_WIDTH) return;
    const expected = expectedRow(key, rows, variant);
    const score = (cells: readonly (CellValue | null)[]) => agreement(cells, expected);
    const placement =
      c.cells.length < ROW_WIDTH
        ? placeShort(c.cells, ROW_WIDTH, score)
        : pickWindow(c.cells, ROW_WIDTH, score);
    placed[key] = placement.cells;
    rows[key] = numbers(placement.cells);
    const label = section3Row(key).label;
    const at = c.cells[0]?.source.line;
    if (placement.lost.length > 0) {
      log.warn(
        "row_short",
        `表三“${label}”行只有${c.cells.length}个数，缺失的单元格（${columnNames(placement.lost)}）记为空值`,
        `Table 3, row "${key}": ${c.cells.length} numbers printed; the lost cells (${columnNames(placement.lost)}) are kept as null`,
        { path: `section3.${key}`, ...(at !== undefined ? { line: at } : {}) },
      );
    }
    if (placement.extra.length > 0) {
      log.warn(
        "row_long",
        `表三“${label}”行有${c.cells.length}个数，多出的数（${placement.extra.map((x) => x.raw).join(" ")}）已忽略`,
        `Table 3, row "${key}": ${c.cells.length} numbers printed; the extra ones (${placement.extra.map((x) => x.raw).join(" ")}) are ignored`,
        { path: `section3.${key}`, ...(at !== undefined ? { line: at } : {}) },
      );
    }
  });

  const lastFound = alignment.rows.reduce<number>((last, c, r) => (c !== null ? r : last), -1);
  const out: Section3["rows"] = {};
  keys.forEach((key, r) => {
    const label = section3Row(key).label;
    const cells = placed[key];
    if (!cells) {
      if (r > lastFound) return;
      out[key] = SECTION3_COLUMN_KEYS.map(() => null);
      log.warn(
        "row_missing",
        `表三“${label}”行未找到数字，整行记为空值`,
        `Table 3, row "${key}": no figures found; the row is kept blank`,
        { path: `section3.${key}` },
      );
      return;
    }
    const values: (number | null)[] = [];
    const issues = new Map<CellIssue, number[]>();
    cells.forEach((cell, c) => {
      if (!cell) {
        values.push(null);
        return;
      }
      const read = countOf(cell);
      values.push(read.value);
      if (read.issue) issues.set(read.issue, [...(issues.get(read.issue) ?? []), c]);
      log.source(`section3.${key}.${SECTION3_COLUMN_KEYS[c]}`, {
        line: cell.source.line,
        text: cell.source.raw,
      });
    });
    out[key] = values;
    const at = cells.find((c) => c !== null)?.source.line;
    for (const [issue, columns] of issues) {
      const [zh, en] = CELL_ISSUE_TEXT[issue];
      log.warn(
        `${issue}_cell`,
        `表三“${label}”行（${columnNames(columns)}）${zh}`,
        `Table 3, row "${key}" (${columnNames(columns)}): ${en}`,
        { path: `section3.${key}`, ...(at !== undefined ? { line: at } : {}) },
      );
    }
    const c = candidates[alignment.rows[r] ?? -1];
    const named = c ? rowsNamedBy(c.inline) : new Set<Section3RowKey>();
    if (named.size > 0 && !named.has(key)) {
      log.warn(
        "label_mismatch",
        `表三：按行序此行为“${label}”，但同一行印的标签像是另一行`,
        `Table 3: by row order this is "${key}", but the label printed beside it names ${[...named].join(", ")}`,
        { path: `section3.${key}`, ...(at !== undefined ? { line: at } : {}) },
      );
    }
  });
  if (lastFound >= 0 && lastFound < keys.length - 1) {
    const missing = keys.slice(lastFound + 1);
    const first = missing[0];
    log.warn(
      "table3_incomplete",
      `表三不完整：缺少${missing.length}行（自“${first ? section3Row(first).label : ""}”起）`,
      `Table 3 is incomplete: ${missing.length} rows missing (from "${first ?? ""}")`,
      { path: "section3" },
    );
  }
  return { section3: { rows: out }, variant };
}
