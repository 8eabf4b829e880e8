/** Charset labels as Chinese web pages declare them, and decoding with a fallback. */

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;
const CHINESE_CHARSETS = new Set(["gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn"]);

/** The charset a page's <meta> declares, normalised to a label TextDecoder accepts. */
export function declaredCharset(head: string): string | null {
  const match = META_CHARSET.exec(head);
  const label = match?.[1]?.toLowerCase();
  if (!label) return null;
  if (CHINESE_CHARSETS.has(label)) return "gb18030";
  if (label === "utf8") return "utf-8";
  return label;
}

/** UTF-8 when the bytes are valid UTF-8, GB18030 otherwise. */
export function decodeUnlabelled(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

export function decodeWith(label: string, bytes: Uint8Array): string | null {
  try {
    const decoder = new TextDecoder(label);
    // A page labelled UTF-8 that is not (a GBK page saved with a wrong meta) is read as GB18030.
    if (decoder.encoding === "utf-8") return decodeUnlabelled(bytes);
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}
