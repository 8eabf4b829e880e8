/**
 * The text of a report file an agency drops into the import: plain text (UTF-8 or GB18030), a
 * saved web page, a Word .docx or a PDF, recognised by content (worker/import/report-file.ts).
 * The readers (htmlparser2, pdf.js, mammoth) are loaded on demand, for the files that need them.
 */

import type { ReportFileText } from "../../worker/import/report-file";
import { pdfToText } from "./pdf-text";

/** A file the importers refuse, with a message for users and one for machines. */
export interface FileReadError extends Error {
  code: string;
  message_en: string;
}

export function isFileReadError(error: unknown): error is FileReadError {
  return (
    error instanceof Error && typeof (error as { message_en?: unknown }).message_en === "string"
  );
}

/**
 * The report text of a file. Throws `PdfTextError` for a PDF without readable text, and a
 * `FileReadError` for a Word file it cannot read or anything that is no report format (an image,
 * a .doc to be saved as .docx).
 */
export async function readReportFile(file: File): Promise<ReportFileText> {
  const [{ readReportBytes }, bytes] = await Promise.all([
    import("../../worker/import/report-file"),
    file.arrayBuffer(),
  ]);
  return readReportBytes(new Uint8Array(bytes), file.name, (pdf) => pdfToText(pdf.slice().buffer));
}
