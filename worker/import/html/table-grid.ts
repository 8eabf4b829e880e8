/**
 * A <table> as a grid: each row's own cells (`<td>`/`<th>` directly under its `<tr>`, never a
 * nested table's), with rowspan and colspan expanded so every cell knows its column. Spans are
 * clamped: a page claiming rowspan=100000 gets at most the rows the table has.
 */

import { findAll, isTag, tagOf, type Element } from "./dom";

interface GridCell {
  element: Element;
  /** The row and column the cell's top-left corner sits in. */
  row: number;
  column: number;
  rowspan: number;
  colspan: number;
}

/** A grid row: the cells starting in this row (`own`) and the column each grid slot is covered by. */
export interface GridRow {
  own: GridCell[];
  slots: (GridCell | undefined)[];
}

const MAX_COLUMNS = 200;
const MAX_ROWS = 2000;
/** Slots filled per table: a hostile page's spans cannot make the expansion quadratic. */
const MAX_SLOTS = 200_000;

function span(value: string | undefined, limit: number): number {
  const n = Number.parseInt(value ?? "1", 10);
  if (!Number.isFinite(n) || n < 1) return 1;
  return Math.min(n, limit);
}

/** The table's rows, not descending into tables nested in its cells. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (!isTag(child)) continue;
      const tag = tagOf(child);
      if (tag === "tr") rows.push(child);
      else if (tag === "thead" || tag === "tbody" || tag === "tfoot") visit(child);
    }
  };
  visit(table);
  return rows.slice(0, MAX_ROWS);
}

function cellsOf(row: Element): Element[] {
  return row.children.filter(
    (c): c is Element => isTag(c) && (tagOf(c) === "td" || tagOf(c) === "th"),
  );
}

export function tableGrid(table: Element): GridRow[] {
  const rows = rowsOf(table);
  const grid: GridRow[] = rows.map(() => ({ own: [], slots: [] }));
  let budget = MAX_SLOTS;
  rows.forEach((tr, r) => {
    const slots = grid[r]!.slots;
    let column = 0;
    for (const element of cellsOf(tr)) {
      while (slots[column] !== undefined) column += 1;
      if (column >= MAX_COLUMNS) break;
      if (budget <= 0) break;
      const cell: GridCell = {
        element,
        row: r,
        column,
        rowspan: span(element.attribs.rowspan, rows.length - r),
        colspan: span(element.attribs.colspan, MAX_COLUMNS - column),
      };
      cell.rowspan = Math.max(1, Math.min(cell.rowspan, Math.floor(budget / cell.colspan)));
      grid[r]!.own.push(cell);
      for (let dr = 0; dr < cell.rowspan; dr += 1) {
        const target = grid[r + dr]!.slots;
        for (let dc = 0; dc < cell.colspan; dc += 1) target[column + dc] ??= cell;
      }
      budget -= cell.rowspan * cell.colspan;
      column += cell.colspan;
    }
  });
  return grid;
}

const layout = new WeakMap<Element, boolean>();

/** A table holding other tables is page layout, read as ordinary content. */
export function isLayoutTable(table: Element): boolean {
  let known = layout.get(table);
  if (known === undefined) {
    known = findAll(table, "table").length > 0;
    layout.set(table, known);
  }
  return known;
}
