/**
 * One archive file → the parsed report, with the format it was read as and how sure the reading
 * is. The CLI's half of worker/import/report-file.ts: PDFs are read with pdf.js in Node.
 */

import { importConfidence, type ImportConfidence } from "../../worker/import/import-confidence";
import {
  parseReportText,
  type ParseOptions,
  type ParseResult,
} from "../../worker/import/parse-report";
import { readReportBytes, type ReportFormat } from "../../worker/import/report-file";
import { fileName, readBytes } from "./read-sources";

export type FileReading =
  | {
      ok: true;
      source: string;
      format: ReportFormat;
      parsed: Extract<ParseResult, { ok: true }>;
      confidence: ImportConfidence;
    }
  | { ok: false; source: string; format: ReportFormat | null; reason: string };

/** pdf.js is loaded only when an archive holds a PDF. */
async function pdfToText(bytes: Uint8Array): Promise<string> {
  const { pdfToTextInNode } = await import("./read-pdf");
  return pdfToTextInNode(bytes);
}

export async function readReport(source: string, hints: ParseOptions): Promise<FileReading> {
  let format: ReportFormat | null = null;
  try {
    const file = await readReportBytes(readBytes(source), fileName(source), pdfToText);
    format = file.format;
    const parsed = parseReportText(file.text, {
      ...file.hints,
      ...hints,
      fileName: fileName(source),
    });
    if (!parsed.ok) return { ok: false, source, format, reason: parsed.error.message };
    return { ok: true, source, format, parsed, confidence: importConfidence(parsed) };
  } catch (error) {
    return {
      ok: false,
      source,
      format,
      reason: error instanceof Error ? error.message : String(error),
    };
  }
}
