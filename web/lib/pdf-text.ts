/**
 * The text of a PDF, read in the browser with pdf.js and grouped into lines and table rows as the
 * CLI does (worker/import/pdf-lines.ts).
 *
 * pdf.js (its main-thread half and the CMaps) is imported on first use only, and its worker is a
 * separate file the browser fetches then, so the pages that merely offer an import do not carry it.
 */

// Bundled and served from this origin like any asset: no CDN.
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";
import { pdfDocumentText } from "../../worker/import/pdf-lines";
import { normalizeRadicals } from "../../worker/import/cjk-radicals";

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
    const text = await pdfDocumentText(pdf, pdfjs.OPS);
    if (text.replace(/\f/g, "").trim() === "") throw new PdfTextError("no_text");
    return normalizeRadicals(text);
  } catch (error) {
    throw error instanceof PdfTextError ? error : failure(error);
  } finally {
    await task.destroy();
  }
}
