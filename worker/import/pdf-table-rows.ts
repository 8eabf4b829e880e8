/**
 * Table rows of a PDF's text with their blank cells kept. Plain text loses an empty cell: "26 26"
 * does not say which of seven columns the two numbers were in. pdf.js gives each cell's x position,
 * so where several printed lines share the same column positions (a table), each of its rows is
 * written as a `|` row with an empty cell for every column the row leaves blank — the form the
 * text importer reads blanks from (worker/import/cell-tokens.ts). Where the evidence is not that
 * clear, nothing is rewritten.
 */

/** A run of text on a line, between gaps wide enough to separate table cells. */
export interface PlacedCell {
  text: string;
  /** Left and right edge (PDF units). */
  x: number;
  end: number;
}

/** One printed line: its cells left to right. */
export interface PlacedLine {
  cells: readonly PlacedCell[];
  /** The line's font height. */
  height: number;
}

/** A table cell's figure: a count, an amount, a percentage, or a dash for "none". */
const VALUE =
  /^(?:[+-]?\d[\d,]*(?:\.\d+)?(?:万元|元|件|个|项|人次|次|条|%)?|[-—–─―~/\\]{1,3})$/;
/** Overlap tolerance, in font heights: edges this close count as touching. */
const TOUCH = 0.1;
/** A header line is looked for this many lines above a table's first row at most. */
const MAX_HEADER_LINES = 16;
/** A line with a cell this much of the table's width is prose or a title, not a header. */
const PROSE_SHARE = 0.8;

interface Span {
  x: number;
  end: number;
}

interface DataRow {
  index: number;
  label: readonly PlacedCell[];
  values: readonly PlacedCell[];
}

interface Table {
  rows: DataRow[];
  /** Spans of the value cells found so far, one per column, left to right. */
  columns: Span[];
  /** The right edge of the row labels (-Infinity when the rows have none). */
  labelEdge: number;
  tolerance: number;
}

function isValue(cell: PlacedCell): boolean {
  return VALUE.test(cell.text.normalize("NFKC").replace(/\s+/g, ""));
}

function overlaps(a: Span, b: Span, tolerance: number): boolean {
  return a.x < b.end + tolerance && b.x < a.end + tolerance;
}

/** A line that ends in figures: its label cells, then its value cells. */
function dataRow(line: PlacedLine, index: number): DataRow | null {
  const cells = line.cells;
  let first = cells.length;
  while (first > 0 && isValue(cells[first - 1]!)) first -= 1;
  const values = cells.slice(first);
  // A lone number without a label is a page number as often as a cell.
  if (values.length === 0 || (first === 0 && values.length < 2)) return null;
  return { index, label: cells.slice(0, first), values };
}

function labelEdge(row: DataRow): number {
  return row.label.reduce((edge, cell) => Math.max(edge, cell.end), -Infinity);
}

/** The column each value cell falls in (an index of `columns`, or -1 for none); null when two share one. */
function columnsOf(values: readonly Span[], columns: readonly Span[], tolerance: number) {
  const found: number[] = [];
  for (const value of values) {
    const hits = columns.flatMap((column, i) => (overlaps(value, column, tolerance) ? [i] : []));
    if (hits.length > 1) return null;
    found.push(hits[0] ?? -1);
  }
  const placed = found.filter((i) => i >= 0);
  return new Set(placed).size === placed.length ? found : null;
}

/** Adds spans to a set of disjoint columns, merging those they overlap. */
function withSpans(columns: readonly Span[], spans: readonly Span[], tolerance: number): Span[] {
  let out = [...columns];
  for (const span of spans) {
    const touching = out.filter((c) => overlaps(c, span, tolerance));
    const merged = touching.reduce(
      (a, c) => ({ x: Math.min(a.x, c.x), end: Math.max(a.end, c.end) }),
      { x: span.x, end: span.end },
    );
    out = [...out.filter((c) => !touching.includes(c)), merged];
  }
  return out.sort((a, b) => a.x - b.x);
}

function startTable(row: DataRow, height: number): Table {
  const tolerance = TOUCH * height;
  return {
    rows: [row],
    columns: withSpans([], row.values, tolerance),
    labelEdge: labelEdge(row),
    tolerance,
  };
}

/** Whether a row continues a table: its figures in the table's columns or beside them, never astride. */
function continues(table: Table, row: DataRow): boolean {
  const first = table.columns[0];
  if (!first || labelEdge(row) > first.x + table.tolerance) return false;
  if (row.values[0] && row.values[0].x < table.labelEdge - table.tolerance) return false;
  return columnsOf(row.values, table.columns, table.tolerance) !== null;
}

function extend(table: Table, row: DataRow): void {
  table.rows.push(row);
  table.columns = withSpans(table.columns, row.values, table.tolerance);
  table.labelEdge = Math.max(table.labelEdge, labelEdge(row));
}

/** A line between rows that reaches into the figures: a header, prose or a footer ends the table. */
function reachesFigures(line: PlacedLine, table: Table): boolean {
  const start = table.columns[0]?.x ?? Infinity;
  return line.cells.some((cell) => cell.end > start + table.tolerance);
}

/** The runs of lines that share column positions, in order. */
function findTables(lines: readonly PlacedLine[]): Table[] {
  const tables: Table[] = [];
  let current: Table | null = null;
  lines.forEach((line, index) => {
    const row = dataRow(line, index);
    if (row && current && continues(current, row)) {
      extend(current, row);
    } else if (row) {
      current = startTable(row, line.height);
      tables.push(current);
    } else if (current && reachesFigures(line, current)) {
      current = null;
    }
  });
  return tables;
}

/**
 * The header cells above a table's first row that stand over its figures: the lines up to the
 * previous table row or a line of prose.
 */
function headerLines(lines: readonly PlacedLine[], table: Table): PlacedLine[] {
  const columns = table.columns;
  const left = Math.min(columns[0]?.x ?? 0, ...table.rows.flatMap((r) => r.label.map((c) => c.x)));
  const width = (columns.at(-1)?.end ?? left) - left;
  const found: PlacedLine[] = [];
  const start = table.rows[0]?.index ?? 0;
  for (let i = start - 1; i >= 0 && i >= start - MAX_HEADER_LINES; i -= 1) {
    const line = lines[i]!;
    if (dataRow(line, i)) break;
    if (line.cells.some((c) => c.end - c.x > PROSE_SHARE * width)) break;
    found.push(line);
  }
  return found;
}

/**
 * Header cells that head one column each: a cell over two cells that do not overlap each other
 * (申请人情况 over 自然人 and 法人或其他组织) heads a group and says nothing about columns.
 */
function leafHeaders(cells: readonly Span[], values: readonly Span[], tolerance: number): Span[] {
  let kept = [...cells];
  for (;;) {
    const others = [...kept, ...values];
    const next = kept.filter((cell) => {
      const under = others.filter((o) => o !== cell && overlaps(cell, o, tolerance));
      return !under.some((a) => under.some((b) => !overlaps(a, b, tolerance)));
    });
    if (next.length === kept.length) return kept;
    kept = next;
  }
}

/**
 * The table's columns: those its figures stand in, and those only a header names (a column blank
 * in every row). Null unless two lines at least (rows, or a row and its header) share columns.
 */
function tableColumns(table: Table, header: readonly PlacedLine[]): Span[] | null {
  const { columns, tolerance } = table;
  const cells = header.flatMap((line) =>
    line.cells.filter((cell) => cell.x >= table.labelEdge - tolerance),
  );
  const leaves = leafHeaders(cells, columns, tolerance);
  const headed = leaves.filter((leaf) => columns.some((c) => overlaps(leaf, c, tolerance)));
  const blankOnly = leaves.filter((leaf) => !headed.includes(leaf));
  const all = [...columns, ...withSpans([], blankOnly, tolerance)].sort((a, b) => a.x - b.x);
  const evidence = table.rows.length + (headed.length >= 2 ? 1 : 0);
  return all.length >= 2 && evidence >= 2 ? all : null;
}

function pipeRow(row: DataRow, columns: readonly Span[], tolerance: number): string | null {
  const at = columnsOf(row.values, columns, tolerance);
  if (!at || at.includes(-1)) return null;
  const cells = columns.map(() => "");
  row.values.forEach((value, i) => (cells[at[i]!] = value.text.trim()));
  const label = row.label.map((c) => c.text.trim()).join(" ");
  return `| ${label === "" ? "" : `${label} | `}${cells.join(" | ")} |`;
}

/**
 * The lines (by index) that are rows of a table with blank cells, written as `|` rows: label, then
 * one cell per column, empty where the row prints nothing.
 *
 * @example
 * // Seven columns known from the header and the rows; this row fills the first and last:
 * // "| 一、本年新收政府信息公开申请数量 | 26 |  |  |  |  |  | 26 |"
 */
export function tableRows(lines: readonly PlacedLine[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const table of findTables(lines)) {
    const columns = tableColumns(table, headerLines(lines, table));
    if (!columns) continue;
    const hasBlank = table.rows.some((row) => row.values.length < columns.length);
    if (!hasBlank || table.rows.some((row) => row.label.some((c) => c.text.includes("|")))) {
      continue;
    }
    const rows = table.rows.map((row) => pipeRow(row, columns, table.tolerance));
    if (rows.some((row) => row === null)) continue;
    table.rows.forEach((row, i) => out.set(row.index, rows[i]!));
  }
  return out;
}
