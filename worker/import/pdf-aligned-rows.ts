/**
 * The rows of an unruled table as `|` rows with their blank cells in place, found from where the
 * figures stand. Several rows whose figures share column positions make a table; its header (the
 * lines just above it) names the columns, so that a column blank in every row is still counted.
 * A row is rewritten only when its table is that clear and the row leaves a cell blank; every
 * other line stays as the line it is.
 */

import { isFigure, lineCells, splitAtSpaces, type Line, type Piece } from "./pdf-runs";

/** Overlap tolerance, in font heights. */
const TOUCH = 0.1;
/** Edges this close (in font heights) are aligned. */
const ALIGNED = 0.1;
/** A header is looked for this many lines above a table's first row at most. */
const MAX_HEADER_LINES = 16;
/** A gap a printed word space bridges is at most this wide (in font heights). */
const SPACED = 1.5;
/** A line with a run this much of the table's width is prose or a title, not a header. */
const PROSE_SHARE = 0.8;

interface Span {
  x: number;
  end: number;
}

interface Row {
  index: number;
  label: string;
  /** Right edge of the label (-Infinity without one). */
  labelEnd: number;
  figures: Piece[];
}

interface Table {
  rows: Row[];
  /** Spans of the figures so far, merged where they overlap, left to right. */
  clusters: Span[];
  labelEdge: number;
  tolerance: number;
}

function overlaps(a: Span, b: Span, tolerance: number): boolean {
  return a.x < b.end + tolerance && b.x < a.end + tolerance;
}

/** A line that ends in figures: its label, then its figures (a run holding both is split). */
function rowOf(line: Line, index: number): Row | null {
  const parts = line.pieces.flatMap(splitAtSpaces).sort((a, b) => a.x - b.x);
  let first = parts.length;
  while (first > 0 && isFigure(parts[first - 1]!.str)) first -= 1;
  if (first === parts.length) return null;
  const labelParts = parts.slice(0, first);
  return {
    index,
    label: lineCells({ ...line, pieces: labelParts }).join(" "),
    labelEnd: labelParts.reduce((edge, part) => Math.max(edge, part.end), -Infinity),
    figures: parts.slice(first),
  };
}

/** Adds spans to disjoint clusters, merging what they overlap. */
function merged(clusters: readonly Span[], spans: readonly Span[], tolerance: number): Span[] {
  let out = [...clusters];
  for (const span of spans) {
    const hit = out.filter((c) => overlaps(c, span, tolerance));
    const union = hit.reduce((a, c) => ({ x: Math.min(a.x, c.x), end: Math.max(a.end, c.end) }), {
      x: span.x,
      end: span.end,
    });
    out = [...out.filter((c) => !hit.includes(c)), union];
  }
  return out.sort((a, b) => a.x - b.x);
}

/** The cluster each figure falls in (-1: none); null when one figure spans two or two share one. */
function clustersOf(figures: readonly Span[], clusters: readonly Span[], tolerance: number) {
  const found: number[] = [];
  for (const figure of figures) {
    const hits = clusters.flatMap((c, i) => (overlaps(figure, c, tolerance) ? [i] : []));
    if (hits.length > 1) return null;
    found.push(hits[0] ?? -1);
  }
  const placed = found.filter((i) => i >= 0);
  return new Set(placed).size === placed.length ? found : null;
}

function continues(table: Table, row: Row): boolean {
  const first = table.clusters[0];
  if (!first || row.labelEnd > first.x + table.tolerance) return false;
  if ((row.figures[0]?.x ?? 0) < table.labelEdge - table.tolerance) return false;
  const at = clustersOf(row.figures, table.clusters, table.tolerance);
  // A figure alone on its line (beside a label of several lines) must stand in a known column.
  if (row.label === "" && row.figures.length === 1) return at?.[0] !== undefined && at[0] >= 0;
  return at !== null;
}

/** A line between rows that reaches into the figures (a header, prose, a footer) ends the table. */
function reachesFigures(line: Line, table: Table): boolean {
  const start = table.clusters[0]?.x ?? Infinity;
  return line.pieces.some((piece) => piece.end > start + table.tolerance);
}

function findTables(lines: readonly Line[]): Table[] {
  const tables: Table[] = [];
  let current: Table | null = null;
  lines.forEach((line, index) => {
    const row = rowOf(line, index);
    if (row && current && continues(current, row)) {
      current.rows.push(row);
      current.clusters = merged(current.clusters, row.figures, current.tolerance);
      current.labelEdge = Math.max(current.labelEdge, row.labelEnd);
    } else if (row && (row.label !== "" || row.figures.length >= 2)) {
      const tolerance = TOUCH * line.height;
      current = {
        rows: [row],
        clusters: merged([], row.figures, tolerance),
        labelEdge: row.labelEnd,
        tolerance,
      };
      tables.push(current);
    } else if (current && reachesFigures(line, current)) {
      current = null;
    }
  });
  return tables;
}

/** The lines above a table's first row, bottom up, back to a table row or a line of prose. */
function headerLines(lines: readonly Line[], table: Table): Line[] {
  const left = Math.min(table.clusters[0]?.x ?? 0, table.labelEdge);
  const width = (table.clusters.at(-1)?.end ?? left) - left;
  const found: Line[] = [];
  const start = table.rows[0]?.index ?? 0;
  for (let i = start - 1; i >= 0 && i >= start - MAX_HEADER_LINES; i -= 1) {
    const line = lines[i]!;
    const row = rowOf(line, i);
    if (row && (row.label !== "" || row.figures.length >= 2)) break;
    if (line.pieces.some((piece) => piece.end - piece.x > PROSE_SHARE * width)) break;
    found.push(line);
  }
  return found;
}

/**
 * A header line's runs as its cells: runs that touch, or that a printed word space joins (社 会),
 * are one; runs a gap apart without one stand in different cells.
 */
function headerCells(line: Line, tolerance: number): Span[] {
  const cells: Span[] = [];
  let previous: Piece | null = null;
  for (const piece of [...line.pieces].sort((a, b) => a.x - b.x)) {
    const last = cells.at(-1);
    const gap = previous ? piece.x - previous.end : Infinity;
    const joined = gap <= tolerance || (previous?.spaced === true && gap <= SPACED * piece.height);
    if (last && joined) last.end = Math.max(last.end, piece.end);
    else cells.push({ x: piece.x, end: piece.end });
    previous = piece;
  }
  return cells;
}

/**
 * The header's columns: its cells over the figures, less those heading a group of columns (a cell
 * over two cells of the lines below that do not overlap each other: 申请人情况 over 自然人 and
 * 法人或其他组织), stacked cells of one heading joined.
 */
function headerColumns(header: readonly Line[], table: Table): Span[] {
  const { tolerance } = table;
  const levels = header.map((line) =>
    headerCells(line, tolerance).filter((cell) => (cell.x + cell.end) / 2 > table.labelEdge),
  );
  // Header lines are listed bottom up: the lines below a cell's are those listed before it.
  const leaves = levels.flatMap((cells, level) =>
    cells.filter((cell) => {
      const under = levels
        .slice(0, level)
        .flat()
        .filter((o) => overlaps(cell, o, tolerance));
      return !under.some((a) => under.some((b) => !overlaps(a, b, tolerance)));
    }),
  );
  return merged([], leaves, tolerance);
}

type Alignment = "start" | "end" | "unknown";

interface Votes {
  start: number;
  end: number;
}

/** How the figures of a table sit in their columns: by their left edges (or centres), or their right edges. */
function alignmentVotes(table: Table): Votes {
  const aligned = { start: 0, end: 0 };
  const close = ALIGNED * (table.tolerance / TOUCH);
  for (const cluster of table.clusters) {
    const inside = table.rows.flatMap((r) => r.figures).filter((f) => overlaps(f, cluster, 0));
    const widths = inside.map((f) => f.end - f.x);
    if (Math.max(...widths) - Math.min(...widths) < close) continue;
    const spread = (values: number[]) => Math.max(...values) - Math.min(...values);
    const starts = spread(inside.map((f) => f.x));
    const centres = spread(inside.map((f) => (f.x + f.end) / 2));
    const ends = spread(inside.map((f) => f.end));
    if (ends < close && ends < starts) aligned.end += 1;
    else if (Math.min(starts, centres) < close) aligned.start += 1;
  }
  return aligned;
}

function alignmentOf(votes: Votes): Alignment {
  if (votes.start > 0 && votes.end === 0) return "start";
  if (votes.end > 0 && votes.start === 0) return "end";
  return "unknown";
}

/**
 * The header column each figure cluster stands in, figures set one way; null unless every cluster
 * has its own. A figure starts inside its column, so left of the column's centre when it is set
 * left or centred: it stands under the first heading whose centre is not left of its start. Set
 * right, under the last heading whose centre is not right of its end.
 */
function headingsOf(table: Table, headings: readonly Span[], how: "start" | "end") {
  const centre = (s: Span) => (s.x + s.end) / 2;
  const at = table.clusters.map((cluster) =>
    how === "start"
      ? headings.findIndex((h) => centre(h) >= cluster.x - table.tolerance)
      : headings.findLastIndex((h) => centre(h) <= cluster.end + table.tolerance),
  );
  return at.every((i) => i >= 0) && new Set(at).size === at.length ? at : null;
}

/**
 * The table's columns: its header's where they account for every figure (either way of setting
 * figures that fits, when the figures do not tell), else its figures' own.
 */
function columnsOf(table: Table, header: readonly Line[], how: Alignment): Span[] | null {
  const headings = headerColumns(header, table);
  const ways = how === "unknown" ? (["start", "end"] as const) : [how];
  const fits = ways
    .map((way) => headingsOf(table, headings, way))
    .filter((at): at is number[] => at !== null);
  const at = fits[0];
  if (at && fits.every((other) => other.join() === at.join())) {
    // Each column as its heading and its figures together, so a figure falls in exactly one.
    return headings.map((heading, i) =>
      table.clusters
        .filter((_, c) => at[c] === i)
        .reduce((a, c) => ({ x: Math.min(a.x, c.x), end: Math.max(a.end, c.end) }), heading),
    );
  }
  return table.rows.length >= 2 ? table.clusters : null;
}

function pipeRow(row: Row, columns: readonly Span[], tolerance: number): string | null {
  const at = clustersOf(row.figures, columns, tolerance);
  if (!at || at.includes(-1)) return null;
  const cells = columns.map(() => "");
  row.figures.forEach((figure, i) => (cells[at[i]!] = figure.str.trim()));
  return `| ${row.label === "" ? "" : `${row.label.replace(/[|｜]/g, "/")} | `}${cells.join(" | ")} |`;
}

/**
 * The lines (by index) that are rows of an unruled table leaving cells blank, as `|` rows: label,
 * then one cell per column, empty where the row prints nothing.
 *
 * @example
 * // Seven columns named by the header, this row printing the first and the last:
 * // "| 一、本年新收政府信息公开申请数量 | 26 |  |  |  |  |  | 26 |"
 */
export function alignedRows(lines: readonly Line[]): Map<number, string> {
  const out = new Map<number, string>();
  const tables = findTables(lines);
  // One document sets its figures one way: a table whose own figures cannot tell (all of one
  // width) is read as the others are.
  const votes = tables.map(alignmentVotes);
  const usual = alignmentOf({
    start: votes.reduce((sum, v) => sum + v.start, 0),
    end: votes.reduce((sum, v) => sum + v.end, 0),
  });
  tables.forEach((table, t) => {
    const own = alignmentOf(votes[t]!);
    const columns = columnsOf(table, headerLines(lines, table), own === "unknown" ? usual : own);
    if (!columns || columns.length < 2) return;
    const evidence = table.rows.length + (columns === table.clusters ? 0 : 1);
    if (evidence < 2 || !table.rows.some((row) => row.figures.length < columns.length)) return;
    const rows = table.rows.map((row) => pipeRow(row, columns, table.tolerance));
    if (rows.some((row) => row === null)) return;
    table.rows.forEach((row, i) => out.set(row.index, rows[i]!));
  });
  return out;
}
