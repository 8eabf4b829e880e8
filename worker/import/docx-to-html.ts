/**
 * A Word .docx file → HTML for the HTML importer, through mammoth (merged cells keep their
 * rowspan/colspan). For the browser and the CLI only: a conversion costs tens of milliseconds of
 * CPU, too much for a Worker request.
 */

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const DOCX_MAIN_PART = new TextEncoder().encode("word/document.xml");
/** The stream name (UTF-16LE in the OLE2 directory) of a password-protected .docx. */
const ENCRYPTED_PACKAGE = new Uint8Array(
  [..."EncryptedPackage"].flatMap((c) => [c.charCodeAt(0), 0]),
);

type DocxErrorCode = "legacy_word" | "encrypted_docx" | "not_docx" | "docx_unreadable";

/** Why a file could not be read as .docx; `message` is for users, `message_en` for machines. */
export class DocxImportError extends Error {
  override readonly name = "DocxImportError";

  constructor(
    readonly code: DocxErrorCode,
    message: string,
    readonly message_en: string,
  ) {
    super(message);
  }
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let at = 0; at + needle.length <= bytes.length; at++) {
    for (let i = 0; i < needle.length; i++) if (bytes[at + i] !== needle[i]) continue outer;
    return true;
  }
  return false;
}

/**
 * A compound-document (OLE2) file: Word 97–2003 .doc and WPS .wps, which mammoth cannot read.
 * The first 8 bytes are enough.
 */
export function isLegacyWordFile(head: Uint8Array): boolean {
  return startsWith(head, OLE2_MAGIC);
}

/** A zip package holding word/document.xml, as every .docx does (the name is stored uncompressed). */
export function isDocxFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_LOCAL_HEADER) && contains(bytes, DOCX_MAIN_PART);
}

/**
 * Why these bytes cannot be read as .docx (for the message to show before loading mammoth), or
 * null when they look like a .docx package.
 */
export function wordFileProblem(bytes: Uint8Array): DocxImportError | null {
  // Word wraps a password-protected .docx in an OLE2 container, like a .doc.
  if (isLegacyWordFile(bytes) && contains(bytes, ENCRYPTED_PACKAGE)) {
    return new DocxImportError(
      "encrypted_docx",
      "这个 Word 文件设有打开密码，无法读取：请取消密码后另存为 .docx 或 PDF 再导入。",
      "Password-protected Word file: remove the password and save it as .docx or PDF.",
    );
  }
  if (isLegacyWordFile(bytes)) {
    return new DocxImportError(
      "legacy_word",
      "这是旧版 Word（.doc）或 WPS（.wps）文件，无法直接读取：请另存为 .docx 或 PDF 后再导入。",
      "Legacy Word (.doc) or WPS (.wps) file: save it as .docx or PDF and import that.",
    );
  }
  if (!isDocxFile(bytes)) {
    return new DocxImportError(
      "not_docx",
      "文件不是有效的 .docx 文档：请用 Word 或 WPS 另存为 .docx 或 PDF 后再导入。",
      "Not a .docx file (no zip package with word/document.xml).",
    );
  }
  return null;
}

function asArrayBuffer(bytes: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes;
  // A view may cover part of a larger (or shared) buffer: copy exactly its bytes.
  return new Uint8Array(bytes).buffer;
}

/**
 * The HTML mammoth writes for a .docx: paragraphs, headings and tables (merged cells as
 * rowspan/colspan, empty cells kept). Rejects with a DocxImportError for .doc/.wps, non-docx
 * bytes and damaged packages.
 *
 * @example
 * const html = await docxToHtml(await file.arrayBuffer());
 * const result = parseReportHtml(html);
 */
export async function docxToHtml(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const arrayBuffer = asArrayBuffer(bytes);
  const view = new Uint8Array(arrayBuffer);
  const problem = wordFileProblem(view);
  if (problem) throw problem;

  // Loaded on first use: mammoth is ~100 KB gzipped and only .docx files need it.
  const mammoth = (await import("mammoth")).default;
  // Bundlers pick mammoth's browser build (reads `arrayBuffer`) or its Node build (reads `buffer`,
  // which JSZip accepts as any Uint8Array): one input carrying both serves either.
  const input = { arrayBuffer, buffer: view } as unknown as Parameters<
    typeof mammoth.convertToHtml
  >[0];
  try {
    const result = await mammoth.convertToHtml(input);
    return result.value;
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new DocxImportError(
      "docx_unreadable",
      "无法读取这个 .docx 文件（文件可能已损坏）：请用 Word 或 WPS 打开后另存为 .docx 或 PDF 再导入。",
      `Could not read the .docx package: ${reason}`,
    );
  }
}
