/**
 * The text of a PDF in Node, for the CLI import: pdf.js's legacy build (no DOM), its CMaps and
 * standard fonts read from node_modules, the same line grouping as the browser (worker/import/pdf-lines).
 */

import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument, OPS, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";
import { pdfDocumentText } from "../../worker/import/pdf-lines";
import { normalizeRadicals } from "../../worker/import/cjk-radicals";

/** Why a PDF gave no text, for the import's per-file summary. */
export class PdfReadError extends Error {
  override name = "PdfReadError";
}

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));

function readError(error: unknown): PdfReadError {
  const name = error instanceof Error ? error.name : "";
  const message = error instanceof Error ? error.message : String(error);
  if (name === "PasswordException")
    return new PdfReadError(`PDF 有密码保护，无法读取（${message}）`);
  if (name === "InvalidPDFException") return new PdfReadError(`不是有效的 PDF 文件（${message}）`);
  return new PdfReadError(`无法读取 PDF：${message}`);
}

/**
 * The text of every page of a PDF, pages joined by "\n\f\n", as the browser's import reads it.
 * Throws a `PdfReadError` (message in Chinese) for a locked, broken or text-less (scanned) PDF.
 */
export async function pdfToTextInNode(bytes: Uint8Array): Promise<string> {
  const task = getDocument({
    // pdf.js detaches the buffer it is given: the caller's bytes stay theirs.
    data: bytes.slice(),
    cMapUrl: join(PDFJS_DIR, "cmaps") + "/",
    cMapPacked: true,
    standardFontDataUrl: join(PDFJS_DIR, "standard_fonts") + "/",
    isEvalSupported: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const text = await pdfDocumentText(await task.promise, OPS);
    if (text.replace(/\f/g, "").trim() === "") {
      throw new PdfReadError("PDF 中没有可读的文字（可能是扫描件），请先转为文本");
    }
    return normalizeRadicals(text);
  } catch (error) {
    throw error instanceof PdfReadError ? error : readError(error);
  } finally {
    await task.destroy();
  }
}
