/**
 * Table 四 (reconsideration and litigation): fifteen numbers in a fixed order, three groups of
 * [维持, 纠正, 其他, 尚未审结, 总计]. The header is often scrambled, so only the values count.
 */

import type { Section4 } from "../report/document";
import { SECTION4_COLUMN_KEYS, SECTION4_GROUP_KEYS } from "../report/templates";
import { tokeniseLine, usesClosingPipes, textOf, type CellValue } from "./cell-tokens";
import { CELL_ISSUE_TEXT, countOf, type CellIssue } from "./count-cell";
import type { ImportLog } from "./import-warnings";
import { pickWindow, placeShort } from "./lost-cells";
import type { SourceLine } from "./source-lines";

const GROUP = 5;
const WIDTH = GROUP * SECTION4_GROUP_KEYS.length;
const MAX_LABEL_IN_ROW = 12;
const NARRATIVE_LENGTH = 30;

/** The table's values in printed order: from the lines that look like table rows. */
function collectValues(lines: readonly SourceLine[]): CellValue[] {
  const closer = usesClosingPipes(lines);
  const values: CellValue[] = [];
  for (const source of lines) {
    const line = tokeniseLine(source, closer);
    const label = textOf(line.tokens);
    if (values.length > 0 && label.length > NARRATIVE_LENGTH) break;
    let cells: CellValue[];
    if (line.pipe) {
      let lastText = -1;
      line.tokens.forEach((t, i) => {
        if (t.kind === "text") lastText = i;
      });
      cells = line.tokens.slice(lastText + 1).flatMap((t) => (t.kind === "value" ? [t.cell] : []));
      const figures = cells.some((c) => c.kind !== "blank");
      if (!figures && !(lastText === -1 && cells.length >= GROUP)) continue;
    } else {
      cells = line.tokens.flatMap((t) => (t.kind === "value" ? [t.cell] : []));
      if (cells.length === 0) continue;
      if (label.length > MAX_LABEL_IN_ROW && cells.length < 3) continue;
    }
    values.push(...cells);
    if (values.length >= WIDTH) break;
  }
  return values;
}

function r4Agreement(cells: readonly (CellValue | null)[]): number {
  let score = 0;
  for (let g = 0; g < SECTION4_GROUP_KEYS.length; g += 1) {
    const group = cells
      .slice(g * GROUP, g * GROUP + GROUP)
      .map((c) => (c ? countOf(c).value : null));
    const total = group[GROUP - 1] ?? null;
    const parts = group.slice(0, GROUP - 1);
    const partsSum = parts.reduce<number>((a, b) => a + (b ?? 0), 0);
    const lost = cells.slice(g * GROUP, g * GROUP + GROUP - 1).some((c) => c === null);
    if (total === null) continue;
    if (!lost) score += partsSum === total ? 1 : -1;
    else if (partsSum > total) score -= 1;
    // The printed parts already add up to a non-zero total: the last value is that total.
    else if (partsSum === total && total > 0) score += 1;
  }
  return score;
}

export function parseSection4(lines: readonly SourceLine[], log: ImportLog): Section4 | null {
  const found = collectValues(lines);
  if (found.length === 0) {
    log.warn("table4_empty", "表四：未找到任何数字", "Table 4: no figures found", {
      path: "section4",
    });
    return null;
  }
  let values = found;
  while (values.length > WIDTH && values[values.length - 1]?.kind === "blank") {
    values = values.slice(0, -1);
  }
  const placement =
    values.length < WIDTH
      ? placeShort(values, WIDTH, r4Agreement)
      : pickWindow(values, WIDTH, r4Agreement);
  const at = values[0]?.source.line;
  const where = { path: "section4", ...(at !== undefined ? { line: at } : {}) };
  if (placement.lost.length > 0) {
    log.warn(
      "table4_short",
      `表四只有${values.length}个数（应为15个），缺失的单元格记为空值`,
      `Table 4 has ${values.length} numbers instead of 15; the lost cells are kept as null`,
      where,
    );
  }
  if (placement.extra.length > 0) {
    log.warn(
      "table4_long",
      `表四有${values.length}个数（应为15个），多出的数已忽略`,
      `Table 4 has ${values.length} numbers instead of 15; the extra ones are ignored`,
      where,
    );
  }
  const groups: (number | null)[][] = SECTION4_GROUP_KEYS.map(() => []);
  SECTION4_GROUP_KEYS.forEach((group, g) => {
    const issues = new Map<CellIssue, string[]>();
    for (let c = 0; c < GROUP; c += 1) {
      const cell = placement.cells[g * GROUP + c] ?? null;
      const column = SECTION4_COLUMN_KEYS[c] ?? String(c);
      if (!cell) {
        groups[g]?.push(null);
        continue;
      }
      const read = countOf(cell);
      groups[g]?.push(read.value);
      if (read.issue) issues.set(read.issue, [...(issues.get(read.issue) ?? []), column]);
      log.source(`section4.${group}.${column}`, { line: cell.source.line, text: cell.source.raw });
    }
    for (const [issue, columns] of issues) {
      const [zh, en] = CELL_ISSUE_TEXT[issue];
      log.warn(
        `${issue}_cell`,
        `表四“${group}”（${columns.join(", ")}）${zh}`,
        `Table 4, "${group}" (${columns.join(", ")}): ${en}`,
        {
          path: `section4.${group}`,
          ...(at !== undefined ? { line: at } : {}),
        },
      );
    }
  });
  const [reconsideration = [], direct = [], after = []] = groups;
  return {
    reconsideration,
    litigation_direct: direct,
    litigation_after_reconsideration: after,
  };
}
