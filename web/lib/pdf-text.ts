/**
 * The text of a PDF, read in the browser with pdf.js: one line per printed line, table cells
 * separated by tabs, pages separated by a form feed on a line of its own.
 *
 * pdf.js (its main-thread half and the CMaps) is imported on first use only, and its worker is a
 * separate file the browser fetches then, so the pages that merely offer an import do not carry it.
 */

import type { TextItem, TextMarkedContent } from "pdfjs-dist/types/src/display/api";
// Bundled and served from this origin like any asset: no CDN.
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";
import { normalizeRadicals } from "./cjk-radicals";

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

/** Why a PDF gave no text. */
export type PdfTextFailure = "password" | "invalid" | "no_text" | "unreadable";

export class PdfTextError extends Error {
  override name = "PdfTextError";
  constructor(
    readonly reason: PdfTextFailure,
    detail?: string,
  ) {
    super(detail ?? reason);
  }
}

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return "str" in item;
}

function failure(error: unknown): PdfTextError {
  const name = error instanceof Error ? error.name : "";
  const message = error instanceof Error ? error.message : String(error);
  if (name === "PasswordException") return new PdfTextError("password", message);
  if (name === "InvalidPDFException") return new PdfTextError("invalid", message);
  return new PdfTextError("unreadable", message);
}

/**
 * The text of every page of a PDF, pages joined by "\n\f\n". Nothing leaves the browser: the file
 * is read here, by a pdf.js worker and CMaps bundled with the app (no CDN).
 * Throws a `PdfTextError`: `password`, `invalid`, `no_text` (a scan), or `unreadable`.
 */
export async function pdfToText(source: Blob | ArrayBuffer): Promise<string> {
  const [pdfjs, cmaps] = await Promise.all([import("pdfjs-dist"), import("./pdf-cmaps")]);
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  const bytes = source instanceof ArrayBuffer ? source.slice(0) : await source.arrayBuffer();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    // The CSP forbids eval; text extraction does not need it.
    isEvalSupported: false,
    // CMaps come from the bundle through the main thread, not from a URL the worker fetches.
    useWorkerFetch: false,
    BinaryDataFactory: cmaps.BundledBinaryData,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const pdf = await task.promise.catch((error: unknown) => {
      throw failure(error);
    });
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(
        itemsToLines(
          content.items.filter(isTextItem).map((item) => ({
            str: item.str,
            x: (item.transform[4] as number | undefined) ?? 0,
            y: (item.transform[5] as number | undefined) ?? 0,
            height: item.height,
            width: item.width,
          })),
        ),
      );
      page.cleanup();
    }
    if (pages.every((page) => page.trim() === "")) throw new PdfTextError("no_text");
    return normalizeRadicals(pages.join("\n\f\n"));
  } catch (error) {
    throw error instanceof PdfTextError ? error : failure(error);
  } finally {
    await task.destroy();
  }
}
