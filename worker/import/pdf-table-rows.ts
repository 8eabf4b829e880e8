/**
 * A ruled table of a PDF page as rows of cells, one per row of its grid, every cell in place — a
 * blank cell as an empty one — to be written as `|` rows. Plain text loses a blank cell ("26 26" does not say which of seven
 * columns the two numbers stood in), but the borders a table is drawn with do not: its horizontal
 * rules bound the rows, its vertical rules the cells of each row. The text importer reads blanks
 * from such rows (worker/import/cell-tokens.ts). Only tables with figures and a grid of two rows and
 * two columns at least are rewritten; anything less clear is left as lines.
 */

import type { Rule } from "./pdf-rules";
import { isFigure, lineCells, linesOf, splitAtSpaces, type Piece } from "./pdf-runs";

export interface RuledTable {
  /** The table's top edge (PDF y): where its rows go among the page's lines. */
  top: number;
  /** The cells' text of each row of the grid that prints anything, top to bottom. */
  rows: string[][];
  /** The runs of text the rows hold (the page's lines leave them out). */
  pieces: ReadonlySet<Piece>;
  /** A page break cuts the table above its first row (no border there) or below its last. */
  openTop: boolean;
  openBottom: boolean;
}

/** Rules whose ends come this close join one table (PDF units). */
const JOIN = 2;
/** Rule positions this close are one border (a border drawn twice, or a double line). */
const SAME_BORDER = 1.5;
/** Rows or cells narrower than this lie between two strokes of one border. */
const MIN_SPAN = 3;
/** More rules than this make a drawing (a chart, a map), not tables: read as lines. */
const MAX_RULES = 5000;
/** Where a run's body sits above its baseline, in font heights. */
const BODY = 0.3;

interface Box {
  left: number;
  right: number;
  bottom: number;
  top: number;
}

function isHorizontal(rule: Rule): boolean {
  return rule.y1 === rule.y2;
}

function touches(a: Rule, b: Rule): boolean {
  return a.x1 <= b.x2 + JOIN && b.x1 <= a.x2 + JOIN && a.y1 <= b.y2 + JOIN && b.y1 <= a.y2 + JOIN;
}

/** The rules in groups that touch one another: one group per drawn table. */
function connected(rules: readonly Rule[]): Rule[][] {
  const parent = rules.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let i = 0; i < rules.length; i += 1) {
    for (let j = i + 1; j < rules.length; j += 1) {
      if (touches(rules[i]!, rules[j]!)) parent[root(i)] = root(j);
    }
  }
  const groups = new Map<number, Rule[]>();
  rules.forEach((rule, i) => {
    const group = groups.get(root(i));
    if (group) group.push(rule);
    else groups.set(root(i), [rule]);
  });
  return [...groups.values()];
}

/** Distinct positions, close ones merged, ascending. */
function positions(values: readonly number[]): number[] {
  const out: number[] = [];
  for (const value of [...values].sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last !== undefined && value - last < SAME_BORDER) continue;
    out.push(value);
  }
  return out;
}

/** Consecutive positions as spans, those between two strokes of one border left out. */
function spans(edges: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 1; i < edges.length; i += 1) {
    if (edges[i]! - edges[i - 1]! >= MIN_SPAN) out.push([edges[i - 1]!, edges[i]!]);
  }
  return out;
}

interface Grid {
  box: Box;
  openTop: boolean;
  openBottom: boolean;
  /** Rows top to bottom, each with its cells' left and right edges. */
  rows: { bottom: number; top: number; cells: [number, number][] }[];
}

function gridOf(rules: readonly Rule[]): Grid | null {
  const horizontal = rules.filter(isHorizontal);
  const vertical = rules.filter((rule) => !isHorizontal(rule));
  if (horizontal.length === 0 || vertical.length < 2) return null;
  // A table cut by a page break is open there: its columns' rules end without a border.
  const columnEnds = [
    Math.min(...vertical.map((rule) => rule.y1)),
    Math.max(...vertical.map((rule) => rule.y2)),
  ];
  const borders = horizontal.map((rule) => rule.y1);
  const ys = positions([...borders, ...columnEnds]);
  if (ys.length < 3) return null;
  const rows = spans(ys)
    .reverse()
    .map(([bottom, top]) => {
      const middle = (bottom + top) / 2;
      const edges = positions(
        vertical.filter((rule) => rule.y1 <= middle && middle <= rule.y2).map((rule) => rule.x1),
      );
      return { bottom, top, cells: spans(edges) };
    })
    .filter((row) => row.cells.length > 0);
  if (rows.length < 2 || !rows.some((row) => row.cells.length >= 2)) return null;
  const xs = rules.flatMap((rule) => [rule.x1, rule.x2]);
  const box = {
    left: Math.min(...xs),
    right: Math.max(...xs),
    bottom: ys[0]!,
    top: ys.at(-1)!,
  };
  const openBottom = columnEnds[0]! < Math.min(...borders) - MIN_SPAN;
  const openTop = columnEnds[1]! > Math.max(...borders) + MIN_SPAN;
  return { box, rows, openTop, openBottom };
}

function bodyOf(piece: Piece): [number, number] {
  return [(piece.x + piece.end) / 2, piece.y + BODY * piece.height];
}

/** The index of the span containing a position, else of the nearest one. */
function nearest(spans: readonly (readonly [number, number])[], at: number): number {
  let best = 0;
  let distance = Infinity;
  spans.forEach(([low, high], i) => {
    const d = at < low ? low - at : at > high ? at - high : 0;
    if (d < distance) [best, distance] = [i, d];
  });
  return best;
}

/** A run that crosses a border, as its words: each stands in its own cell. */
function partsByCell(piece: Piece, cells: readonly (readonly [number, number])[]): Piece[] {
  const crossed = cells.filter(([left, right]) => piece.x < right && left < piece.end);
  return crossed.length < 2 ? [piece] : splitAtSpaces(piece);
}

/** A cell's runs as its text: its printed lines joined, as a wrapped label reads. */
function cellText(pieces: readonly Piece[]): string {
  const lines = linesOf([...pieces].sort((a, b) => b.y - a.y || a.x - b.x)).map((line) =>
    lineCells(line).join(" "),
  );
  const text = lines.reduce(
    (joined, line) =>
      joined + (/[A-Za-z]$/.test(joined) && /^[A-Za-z]/.test(line) ? " " : "") + line,
    "",
  );
  // A `|` inside a cell would split it.
  return text.replace(/[|｜]/g, "/");
}

/**
 * One table from its rules and the page's runs, or null when it holds no figures or its rows are
 * not ruled apart (a cell holding two figures on two lines).
 */
function tableOf(grid: Grid, pieces: readonly Piece[]): RuledTable | null {
  const { box } = grid;
  const inside = pieces.filter((piece) => {
    const [x, y] = bodyOf(piece);
    return x >= box.left && x <= box.right && y >= box.bottom && y <= box.top;
  });
  const cells = grid.rows.map((row) => row.cells.map((): Piece[] => []));
  const rowSpans = grid.rows.map((row) => [row.bottom, row.top] as const);
  for (const piece of inside) {
    const row = nearest(rowSpans, bodyOf(piece)[1]);
    const columns = grid.rows[row]!.cells;
    for (const part of partsByCell(piece, columns)) {
      cells[row]![nearest(columns, bodyOf(part)[0])]!.push(part);
    }
  }
  let figures = 0;
  for (const row of cells) {
    for (const cell of row) {
      const lines = linesOf([...cell].sort((a, b) => b.y - a.y || a.x - b.x));
      const values = lines.filter((line) => isFigure(lineCells(line).join(""))).length;
      if (values > 1) return null;
      figures += values;
    }
  }
  if (figures === 0) return null;
  const printed = (row: Piece[][] | undefined) => row?.some((cell) => cell.length > 0) === true;
  return {
    top: box.top,
    rows: cells.filter(printed).map((row) => row.map(cellText)),
    pieces: new Set(inside),
    openTop: grid.openTop && printed(cells[0]),
    openBottom: grid.openBottom && printed(cells.at(-1)),
  };
}

/** A row as the text importer reads it: its cells between `|`, a blank cell empty. */
export function pipeRow(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

/**
 * Joins the two halves of a row that a page break cuts (行政 | 0 at the foot of one page, 强制 |
 * at the head of the next): both tables open at the break, the rows of the same cells.
 */
export function joinRowAcrossPages(above: RuledTable, below: RuledTable): void {
  const last = above.rows.at(-1);
  const first = below.rows[0];
  if (!above.openBottom || !below.openTop || !last || !first || last.length !== first.length) {
    return;
  }
  above.rows[above.rows.length - 1] = last.map((cell, i) => cell + (first[i] ?? ""));
  below.rows.shift();
}

/**
 * The page's ruled tables with figures, top to bottom, each row as its cells' text.
 *
 * @example
 * // Table 三 of a report with every legal-person column blank, one of its rows:
 * // ["", "", "1.属于国家秘密", "0", "", "", "", "", "", "0"]
 */
export function ruledTables(rules: readonly Rule[], pieces: readonly Piece[]): RuledTable[] {
  const tables: RuledTable[] = [];
  if (rules.length > MAX_RULES) return tables;
  let free = pieces;
  for (const group of connected(rules)) {
    const grid = gridOf(group);
    const table = grid ? tableOf(grid, free) : null;
    if (!table) continue;
    tables.push(table);
    // A run belongs to one table, even where two boxes overlap.
    free = free.filter((piece) => !table.pieces.has(piece));
  }
  return tables.sort((a, b) => b.top - a.top);
}
