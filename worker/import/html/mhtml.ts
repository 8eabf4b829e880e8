/**
 * MHTML (a page saved as one "web archive" file, .mhtml/.mht): a MIME multipart message whose
 * text/html part is the page. The part is quoted-printable or base64 in its own charset.
 */

import { decodeUnlabelled, decodeWith, declaredCharset } from "./charset";

const LATIN1 = new TextDecoder("latin1");

export function isMhtml(head: string): boolean {
  return /^(?:[\w-]+:.*\r?\n)*?content-type:\s*multipart\/related/im.test(head.slice(0, 2048));
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

function readHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  // Folded header lines continue with whitespace.
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function splitPart(raw: string): Part {
  const match = /\r?\n\r?\n/.exec(raw);
  if (!match) return { headers: new Map(), body: raw };
  return {
    headers: readHeaders(raw.slice(0, match.index)),
    body: raw.slice(match.index + match[0].length),
  };
}

function parameter(header: string, name: string): string | null {
  const match = new RegExp(`${name}\\s*=\\s*"?([^";]+)"?`, "i").exec(header);
  return match?.[1]?.trim() ?? null;
}

function bytesOf(latin1: string): Uint8Array {
  const out = new Uint8Array(latin1.length);
  for (let i = 0; i < latin1.length; i += 1) out[i] = latin1.charCodeAt(i) & 0xff;
  return out;
}

function quotedPrintable(body: string): Uint8Array {
  const text = body.replace(/=\r?\n/g, "");
  return bytesOf(
    text.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
  );
}

function base64(body: string): Uint8Array {
  try {
    return bytesOf(atob(body.replace(/[^A-Za-z0-9+/=]/g, "")));
  } catch {
    return new Uint8Array();
  }
}

function partBytes(part: Part): Uint8Array {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "").toLowerCase();
  if (encoding === "quoted-printable") return quotedPrintable(part.body);
  if (encoding === "base64") return base64(part.body);
  return bytesOf(part.body);
}

/** The page inside an MHTML archive; the whole archive as text when no HTML part is found. */
export function decodeMhtml(bytes: Uint8Array): string {
  const archive = LATIN1.decode(bytes);
  const top = splitPart(archive);
  const boundary = parameter(top.headers.get("content-type") ?? "", "boundary");
  const parts = boundary
    ? top.body
        .split(`--${boundary}`)
        .map((raw) => splitPart(raw.replace(/^\r?\n/, "").replace(/\r?\n$/, "")))
    : [];
  const html = parts.find((p) => /text\/html/i.test(p.headers.get("content-type") ?? ""));
  if (!html) return decodeUnlabelled(bytes);
  const body = partBytes(html);
  const charset =
    parameter(html.headers.get("content-type") ?? "", "charset") ??
    declaredCharset(LATIN1.decode(body.subarray(0, 4096)));
  const label = charset ? (declaredCharset(`<meta charset="${charset}">`) ?? charset) : null;
  return (label ? decodeWith(label, body) : null) ?? decodeUnlabelled(body);
}
