/**
 * The input text as numbered lines, normalised for reading: full-width digits, brackets and
 * punctuation folded to half-width (NFKC), markdown and page furniture recognised.
 */

export interface SourceLine {
  /** 1-based line number in the input. */
  readonly line: number;
  /** The line as given, for provenance. */
  readonly raw: string;
  /** NFKC-normalised, trimmed, without markdown heading marks or bold markers. */
  readonly text: string;
  /** `text` without any whitespace: what labels are matched against. */
  readonly compact: string;
}

/** `# source: …`, `# NOTE (…): …`: an annotation someone added above the copied report. */
const ANNOTATION = /^#+\s*[A-Za-z][A-Za-z0-9 _()./-]{0,40}:/;
/** `[... truncated in the archived copy ...]` and similar editorial brackets. */
const ELISION = /^\[\s*(?:\.{3}|…).*\]$/;
/** Page footers: `- 3 -`, `— 3 —`, `第 3 页`, `第3页 共6页`, `3/6`. */
const PAGE_FOOTER =
  /^(?:[-—–~]\s*\d{1,4}\s*[-—–~]|第\s*\d{1,4}\s*页(?:\s*[,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4})$/i;
/** Markdown table separator rows: `|---|---|`, `| :--- | ---: |`. */
const TABLE_RULE = /^\|?(?:\s*:?-{2,}:?\s*\|)+\s*(?::?-{2,}:?\s*)?\|?$/;

function normalise(line: string): string {
  return line
    .normalize("NFKC")
    .replace(/[\f\t\v\u00a0\u200b\u3000\ufeff]/g, " ")
    .replace(/\*\*/g, "")
    .replace(/^\s*#{1,6}\s+/, "")
    .trim();
}

function isFurniture(text: string): boolean {
  return text === "" || PAGE_FOOTER.test(text) || TABLE_RULE.test(text) || ELISION.test(text);
}

/**
 * The content lines of a report text, blank lines, page footers, markdown rules and annotation
 * lines left out (their numbers are skipped, so `line` stays the input's own numbering).
 */
export function readSourceLines(input: string): SourceLine[] {
  const out: SourceLine[] = [];
  const rawLines = input.split(/\r\n|\r|\n/);
  rawLines.forEach((raw, index) => {
    if (ANNOTATION.test(raw.trim())) return;
    const text = normalise(raw);
    if (isFurniture(text)) return;
    out.push({ line: index + 1, raw, text, compact: text.replace(/\s+/g, "") });
  });
  return out;
}
