/**
 * pdf.js's text runs as printed lines: runs whose baselines lie within half a font height of each
 * other form a line, read left to right; a gap of a font height or more between two runs separates
 * cells, a smaller one may be a word space.
 */

/** A run of text as pdf.js places it: `x`, `y` of its baseline start (PDF space, y grows up). */
export interface PositionedText {
  str: string;
  x: number;
  y: number;
  /** The font height; 0 when the PDF does not tell. */
  height: number;
  /** The advance width; estimated from the characters when absent. */
  width?: number;
}

/** A non-blank run with its extent known. */
export interface Piece {
  str: string;
  x: number;
  /** Right edge. */
  end: number;
  /** Baseline. */
  y: number;
  height: number;
  /** The text flows on through a word space printed after this run (one word split in runs). */
  spaced?: boolean;
}

export interface Line {
  /** The first run's baseline. */
  y: number;
  height: number;
  pieces: Piece[];
}

/** A table cell's figure: a count, an amount, a percentage, or a dash for "none". */
const FIGURE = /^(?:[+-]?\d[\d,]*(?:\.\d+)?(?:万元|元|件|个|项|人次|次|条|%)?|[-—–─―~/\\]{1,3})$/;

/** Items whose baselines differ by less than this share a line (in font heights). */
const SAME_LINE = 0.5;
/** A horizontal gap at least this wide separates table cells (in font heights). */
const CELL_GAP = 1;
/** A gap at least this wide, with no space printed, is a word space (in font heights). */
const WORD_GAP = 0.15;
/** A blank run at most this wide (in font heights) is a word space, not a stretch of layout. */
const MAX_SPACE = 1.5;
/** When no item tells its height. */
const DEFAULT_HEIGHT = 10;

function isWide(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0x2e80;
}

function estimatedWidth(str: string, height: number): number {
  let width = 0;
  for (const char of str) width += isWide(char) ? height : height / 2;
  return width;
}

function medianHeight(items: readonly PositionedText[]): number {
  const heights = items
    .map((item) => item.height)
    .filter((h) => h > 0)
    .sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? DEFAULT_HEIGHT;
}

/** Whether a blank run of a word space or two starts where a run ends, on its baseline. */
function spaceFollows(piece: Piece, blanks: readonly PositionedText[]): boolean {
  return blanks.some(
    (blank) =>
      Math.abs(blank.y - piece.y) < SAME_LINE * piece.height &&
      Math.abs(blank.x - piece.end) < WORD_GAP * piece.height &&
      (blank.width ?? 0) > 0 &&
      (blank.width ?? 0) <= MAX_SPACE * piece.height,
  );
}

/** The non-blank runs, top to bottom then left to right; a tab inside a run read as a space. */
export function piecesOf(items: readonly PositionedText[]): Piece[] {
  const fallback = medianHeight(items);
  const blanks = items.filter((item) => item.str !== "" && item.str.trim() === "");
  return items
    .filter((item) => item.str.trim() !== "")
    .map((item) => {
      const str = item.str.replace(/\t/g, " ");
      const height = item.height > 0 ? item.height : fallback;
      const width = item.width !== undefined && item.width > 0 ? item.width : undefined;
      const piece: Piece = {
        str,
        x: item.x,
        y: item.y,
        height,
        end: item.x + (width ?? estimatedWidth(str, height)),
      };
      if (spaceFollows(piece, blanks)) piece.spaced = true;
      return piece;
    })
    .sort((a, b) => b.y - a.y || a.x - b.x);
}

/** Pieces (sorted as `piecesOf` gives them) grouped into lines, top to bottom. */
export function linesOf(pieces: readonly Piece[]): Line[] {
  const lines: Line[] = [];
  for (const piece of pieces) {
    const line = lines.at(-1);
    if (line && line.y - piece.y < SAME_LINE * Math.max(line.height, piece.height)) {
      line.pieces.push(piece);
      line.height = Math.max(line.height, piece.height);
    } else {
      lines.push({ y: piece.y, height: piece.height, pieces: [piece] });
    }
  }
  return lines;
}

/** A line's text as its cells, left to right: split where a gap of a font height or more stands. */
export function lineCells(line: Line): string[] {
  const pieces = [...line.pieces].sort((a, b) => a.x - b.x);
  const cells: string[] = [];
  let previous: Piece | null = null;
  for (const piece of pieces) {
    const gap = previous ? piece.x - previous.end : Infinity;
    const height = Math.max(previous?.height ?? 0, piece.height);
    if (!previous || gap >= CELL_GAP * height) {
      cells.push(piece.str);
    } else {
      const text = cells.pop() ?? "";
      const space = gap >= WORD_GAP * height && !/\s$/.test(text) && !/^\s/.test(piece.str);
      cells.push(text + (space ? " " : "") + piece.str);
    }
    previous = piece;
  }
  return cells.map((cell) => cell.replace(/^ +| +$/g, ""));
}

/** A character's share of a run's width: a CJK character is about twice a Latin one or a digit. */
function weight(text: string): number {
  let sum = 0;
  for (const char of text) sum += isWide(char) ? 2 : 1;
  return sum;
}

/**
 * A run split at its spaces into words, each placed by its share of the run's characters: pdf.js
 * may give neighbouring cells' text as one run ("351 13"), a space where the border is.
 */
export function splitAtSpaces(piece: Piece): Piece[] {
  const parts = piece.str.match(/\S+|\s+/g) ?? [];
  if (parts.filter((part) => /\S/.test(part)).length < 2) return [piece];
  const scale = (piece.end - piece.x) / weight(piece.str);
  const out: Piece[] = [];
  let offset = 0;
  for (const part of parts) {
    const width = weight(part) * scale;
    if (/\S/.test(part)) {
      out.push({ ...piece, str: part, x: piece.x + offset, end: piece.x + offset + width });
    }
    offset += width;
  }
  return out;
}

/** Whether a cell's text is a figure (a table value) rather than a label. */
export function isFigure(text: string): boolean {
  return FIGURE.test(text.normalize("NFKC").replace(/\s+/g, ""));
}
