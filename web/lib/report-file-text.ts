/**
 * The text of a report file an agency drops into the import: a PDF (read with pdf.js, loaded on
 * demand) or plain text in UTF-8 or GB18030 (GBK), the two encodings Chinese text files come in.
 */

import { pdfToText } from "./pdf-text";

export class UnsupportedFileError extends Error {
  override name = "UnsupportedFileError";
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

function isPdf(head: Uint8Array): boolean {
  return PDF_MAGIC.every((byte, i) => head[i] === byte);
}

/** Plain text holds no NUL bytes; Word files, images and archives do. */
function looksBinary(head: Uint8Array): boolean {
  return head.includes(0);
}

/** UTF-8 when the bytes are valid UTF-8, GB18030 otherwise. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/**
 * The file's text, recognised by its content rather than its name. Throws `PdfTextError` for a PDF
 * without readable text and `UnsupportedFileError` for anything that is not text.
 */
export async function readReportFile(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const head = bytes.subarray(0, 1024);
  if (isPdf(head)) {
    return pdfToText(bytes.buffer);
  }
  if (looksBinary(head)) throw new UnsupportedFileError("not a PDF or a text file");
  return decodeText(bytes);
}
