/** Escaping and text measuring for HTML and SVG written as strings. */

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text or an attribute value, safe inside elements and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * A link target, escaped; anything but http(s), a relative path or a fragment becomes "#" (no
 * `javascript:` from a name that reached a URL).
 */
export function safeHref(url: string): string {
  const trimmed = url.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== "http" && scheme !== "https") return "#";
  return escapeHtml(trimmed);
}

/**
 * The width of `text` in ems, estimated without a font: CJK and full-width characters are square,
 * Latin letters and digits about 0.6 em. Good enough to decide where to cut a name.
 */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/** `text` cut to fit `maxEm` ems, ending in "…" when cut; whole code points only. */
export function truncate(text: string, maxEm: number): string {
  if (textWidth(text) <= maxEm) return text;
  const budget = maxEm - charWidth("…");
  let width = 0;
  let out = "";
  for (const char of text) {
    width += charWidth(char);
    if (width > budget) break;
    out += char;
  }
  // An opening bracket or a space right before the ellipsis reads as a typo.
  return `${out.replace(/[\s（(【[「《·]+$/u, "")}…`;
}

function charWidth(char: string): number {
  const code = char.codePointAt(0)!;
  if (code >= 0x2e80 || char === "…") return 1;
  if (char === " " || char === "." || char === "," || char === "·") return 0.3;
  return 0.6;
}
