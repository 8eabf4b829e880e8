/**
 * The text of a saved web page from its bytes: a byte-order mark, else the charset its <meta> or
 * the MHTML part declares, else UTF-8 when the bytes are valid UTF-8 and GB18030 (a superset of
 * GBK and GB2312) when they are not, which is what undeclared Chinese pages are.
 */

import { declaredCharset, decodeUnlabelled, decodeWith } from "./charset";
import { decodeMhtml, isMhtml } from "./mhtml";

const SNIFF_BYTES = 4096;

function bomEncoding(bytes: Uint8Array): { label: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { label: "utf-8", skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: "utf-16le", skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: "utf-16be", skip: 2 };
  return null;
}

/** A saved page (.html, .htm, .shtml or .mhtml) as text. Never throws. */
export function decodeHtml(bytes: Uint8Array): string {
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom.label).decode(bytes.subarray(bom.skip));
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, SNIFF_BYTES));
  if (isMhtml(head)) return decodeMhtml(bytes);
  const declared = declaredCharset(head);
  return (declared ? decodeWith(declared, bytes) : null) ?? decodeUnlabelled(bytes);
}
