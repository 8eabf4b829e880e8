/**
 * Text → GBK bytes, for renderings of pages served as GB2312/GBK. Node has no GBK encoder, so
 * the reverse of its gb18030 decoder is built once over every two-byte sequence.
 */

const ASCII_END = 0x80;
const LEAD_FIRST = 0x81;
const LEAD_LAST = 0xfe;
const TRAIL_RANGES: readonly [number, number][] = [
  [0x40, 0x7e],
  [0x80, 0xfe],
];

let reverse: Map<string, number> | null = null;

function gbkTable(): Map<string, number> {
  if (reverse) return reverse;
  const decoder = new TextDecoder("gb18030", { fatal: true });
  const table = new Map<string, number>();
  for (let lead = LEAD_FIRST; lead <= LEAD_LAST; lead += 1) {
    for (const [first, last] of TRAIL_RANGES) {
      for (let trail = first; trail <= last; trail += 1) {
        let char: string;
        try {
          char = decoder.decode(new Uint8Array([lead, trail]));
        } catch {
          continue;
        }
        if (char.length === 1 && !table.has(char)) table.set(char, (lead << 8) | trail);
      }
    }
  }
  reverse = table;
  return table;
}

/**
 * Encodes text as GBK: ASCII as is, every other character as its two-byte GBK code; a character
 * GBK lacks is written as an HTML numeric reference (&#12345;), as browsers do.
 *
 * @example
 * encodeGbk("年报"); // Uint8Array [0xc4, 0xea, 0xb1, 0xa8]
 */
export function encodeGbk(text: string): Uint8Array {
  const table = gbkTable();
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < ASCII_END) {
      out.push(code);
      continue;
    }
    const gbk = table.get(char);
    if (gbk !== undefined) {
      out.push(gbk >> 8, gbk & 0xff);
      continue;
    }
    for (const byte of `&#${code};`) out.push(byte.charCodeAt(0));
  }
  return Uint8Array.from(out);
}
