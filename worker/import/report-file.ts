/**
 * Any file a report is published in, as the text the importer reads: plain text (UTF-8 or
 * GB18030), a saved web page (.html/.htm/.shtml/.mhtml, any encoding), Word .docx (through
 * mammoth's HTML) or PDF (through pdf.js, which each platform loads its own way). Recognised by
 * content first and by name second. Used by the browser's import dialog and by the CLI alike.
 */

import { decodeUnlabelled } from "./html/charset";
import { decodeHtml } from "./html/decode-html";
import { readReportPage } from "./html/parse-report-html";
import { docxToHtml, isDocxFile, isLegacyWordFile, wordFileProblem } from "./docx-to-html";
import type { ParseOptions } from "./parse-report";

export type ReportFormat = "text" | "html" | "docx" | "pdf";

/** What each format is called for users. */
export const FORMAT_NAMES: Record<ReportFormat, readonly [string, string]> = {
  text: ["文本", "text"],
  html: ["网页", "web page"],
  docx: ["Word 文档", "Word document"],
  pdf: ["PDF", "PDF"],
};

export interface ReportFileText {
  format: ReportFormat;
  /** The text the importer reads (for a page or a Word file: its report region, tables as rows). */
  text: string;
  /** What the file says about the report besides its text (a page's 发布机构 and 公开日期). */
  hints: ParseOptions;
}

class ReportFileError extends Error {
  override readonly name = "ReportFileError";
  constructor(
    readonly code: "legacy_word" | "unsupported" | "docx_unreadable",
    message: string,
    readonly message_en: string,
  ) {
    super(message);
  }
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const HTML_NAME = /\.(?:html?|shtml|xhtml|mhtml?|jsp|aspx?|php)$/i;
const HTML_START =
  /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|table|div|p[\s>])/i;
const MHTML_START = /^(?:[\w-]+:.*\r?\n)*?content-type:\s*multipart\/related/im;

function isPdf(head: Uint8Array): boolean {
  return PDF_MAGIC.every((byte, i) => head[i] === byte);
}

/** Which format the bytes are, or null when they are no report format (an image, an archive). */
function detectReportFormat(bytes: Uint8Array, name = ""): ReportFormat | "legacy_word" | null {
  const head = bytes.subarray(0, 4096);
  if (isPdf(head)) return "pdf";
  // The same container holds old Excel and PowerPoint files: only a Word name says it is Word.
  if (isLegacyWordFile(head))
    return /\.(?:xls|xlsx|ppt|pptx|msg)$/i.test(name) ? null : "legacy_word";
  if (isDocxFile(bytes)) return "docx";
  if (head.includes(0)) return null;
  const start = new TextDecoder("latin1").decode(head);
  if (HTML_NAME.test(name) || HTML_START.test(start) || MHTML_START.test(start)) return "html";
  return "text";
}

/**
 * The report text of a file's bytes. `pdfToText` is the platform's pdf.js reader (the browser's
 * web/lib/pdf-text.ts, the CLI's scripts/import/read-pdf.ts); its errors pass through.
 */
export async function readReportBytes(
  bytes: Uint8Array,
  name: string,
  pdfToText: (bytes: Uint8Array) => Promise<string>,
): Promise<ReportFileText> {
  const format = detectReportFormat(bytes, name);
  switch (format) {
    case "pdf":
      return { format, text: await pdfToText(bytes), hints: {} };
    case "html": {
      const page = readReportPage(decodeHtml(bytes));
      return { format, text: page.text, hints: page.hints };
    }
    case "docx": {
      const page = readReportPage(await docxToHtml(bytes));
      return { format, text: page.text, hints: page.hints };
    }
    case "text":
      return { format, text: decodeUnlabelled(bytes), hints: {} };
    case "legacy_word": {
      const problem = wordFileProblem(bytes);
      throw new ReportFileError(
        "legacy_word",
        problem?.message ?? "请另存为 .docx 或 PDF 后再导入",
        problem?.message_en ?? "Save it as .docx or PDF and import that",
      );
    }
    case null:
      throw new ReportFileError(
        "unsupported",
        "无法识别的文件：请导入文本、网页（.html）、Word（.docx）或 PDF 文件",
        "Not a text, web page, Word (.docx) or PDF file",
      );
  }
}
