/**
 * The text of a PDF's pages from pdf.js's text items: one line per printed line, table cells
 * separated by tabs, pages separated by a form feed on a line of its own. Pure: the browser
 * (web/lib/pdf-text.ts) and the CLI (scripts/import/read-pdf.ts) load pdf.js and call this.
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

/** What this module reads of a pdf.js `TextItem` (`page.getTextContent().items`). */
interface PdfJsTextItem {
  str: string;
  transform: readonly unknown[];
  width: number;
  height: number;
}

/** Between two pages' text. */
export const PAGE_BREAK = "\n\f\n";

/** Items whose baselines differ by less than this share a line (in font heights). */
const SAME_LINE = 0.5;
/** A horizontal gap at least this wide separates table cells (in font heights). */
const CELL_GAP = 1;
/** A gap at least this wide, with no space printed, is a word space (in font heights). */
const WORD_GAP = 0.15;
/** When no item tells its height. */
const DEFAULT_HEIGHT = 10;

interface Piece {
  str: string;
  x: number;
  y: number;
  height: number;
  end: number;
}

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

function joinLine(pieces: Piece[]): string {
  pieces.sort((a, b) => a.x - b.x);
  let text = "";
  let previous: Piece | null = null;
  for (const piece of pieces) {
    if (previous) {
      const gap = piece.x - previous.end;
      const height = Math.max(previous.height, piece.height);
      if (gap >= CELL_GAP * height) text = text.replace(/ +$/, "") + "\t";
      else if (gap >= WORD_GAP * height && !/\s$/.test(text) && !/^\s/.test(piece.str)) {
        text += " ";
      }
    }
    text += text.endsWith("\t") ? piece.str.replace(/^ +/, "") : piece.str;
    previous = piece;
  }
  return text.replace(/[ \t]+$/, "").replace(/^ +/, "");
}

/**
 * One page's text items as lines, top to bottom: items whose baselines lie within half a font
 * height of each other form a line, read left to right; a gap of a font height or more between
 * two items becomes a tab, so that the cells of a table row stay apart.
 *
 * @example
 * itemsToLines([
 *   { str: "行政许可", x: 72, y: 700, height: 12, width: 48 },
 *   { str: "447228", x: 300, y: 700, height: 12, width: 36 },
 * ]) // "行政许可\t447228"
 */
export function itemsToLines(items: readonly PositionedText[]): string {
  const fallback = medianHeight(items);
  const pieces: Piece[] = items
    .filter((item) => item.str.trim() !== "")
    .map((item) => {
      const str = item.str.replace(/\t/g, " ");
      const height = item.height > 0 ? item.height : fallback;
      const width = item.width !== undefined && item.width > 0 ? item.width : undefined;
      return {
        str,
        x: item.x,
        y: item.y,
        height,
        end: item.x + (width ?? estimatedWidth(str, height)),
      };
    })
    .sort((a, b) => b.y - a.y || a.x - b.x);

  const lines: { y: number; height: number; pieces: Piece[] }[] = [];
  for (const piece of pieces) {
    const line = lines.at(-1);
    if (line && line.y - piece.y < SAME_LINE * Math.max(line.height, piece.height)) {
      line.pieces.push(piece);
      line.height = Math.max(line.height, piece.height);
    } else {
      lines.push({ y: piece.y, height: piece.height, pieces: [piece] });
    }
  }
  return lines.map((line) => joinLine(line.pieces)).join("\n");
}

/**
 * The positioned text runs of one page's `getTextContent().items` (marked-content markers left out).
 */
export function positionedItems(items: readonly object[]): PositionedText[] {
  return items
    .filter((item): item is PdfJsTextItem => "str" in item)
    .map((item) => ({
      str: item.str,
      x: typeof item.transform[4] === "number" ? item.transform[4] : 0,
      y: typeof item.transform[5] === "number" ? item.transform[5] : 0,
      height: item.height,
      width: item.width,
    }));
}

/** The text of a document's pages, each given as its positioned items, pages joined by PAGE_BREAK. */
export function pdfPagesText(pages: readonly (readonly PositionedText[])[]): string {
  return pages.map((items) => itemsToLines(items)).join(PAGE_BREAK);
}
