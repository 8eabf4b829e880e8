/**
 * Narrative lines joined into one searchable string: PDF line wraps removed, whitespace dropped
 * (except between two digits), with each character's input line kept for provenance.
 */

import type { SourceLine } from "./source-lines";

export interface NarrativeText {
  text: string;
  /** Index into `lines` for each character of `text`. */
  origin: Int32Array;
  lines: readonly SourceLine[];
}

const DIGIT = /\d/;

export function joinNarrative(lines: readonly SourceLine[]): NarrativeText {
  const chars: string[] = [];
  const origin: number[] = [];
  lines.forEach((line, index) => {
    const text = line.text;
    for (let i = 0; i < text.length; i += 1) {
      const ch = text[i] ?? "";
      if (/\s/.test(ch)) {
        const prev = chars[chars.length - 1] ?? "";
        let j = i + 1;
        while (j < text.length && /\s/.test(text[j] ?? "")) j += 1;
        if (DIGIT.test(prev) && DIGIT.test(text[j] ?? "")) {
          chars.push(" ");
          origin.push(index);
        }
        i = j - 1;
        continue;
      }
      chars.push(ch);
      origin.push(index);
    }
    const prev = chars[chars.length - 1] ?? "";
    const next = lines[index + 1]?.text[0] ?? "";
    if (DIGIT.test(prev) && DIGIT.test(next)) {
      chars.push(" ");
      origin.push(index);
    }
  });
  return { text: chars.join(""), origin: Int32Array.from(origin), lines };
}

/** The input line a character of the joined text came from. */
export function lineAt(narrative: NarrativeText, offset: number): SourceLine | undefined {
  return narrative.lines[narrative.origin[offset] ?? -1];
}

/** A paragraph ends with a sentence: 。！？：; and their half-width forms, then closing marks. */
const PARAGRAPH_END = /[。！？：；!?:;][”’」』）)】》]*$/;
/** 一、 （一） (1) 1. 1、 ①: the start of a heading or of a numbered paragraph. */
const ENUMERATOR =
  /^(?:第?[一二三四五六七八九十]{1,3}(?:部分)?[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、．]|\d{1,2}\.(?!\d)|[①-⑳])/;
/** A heading: enumerated, short, and not a sentence (（一）主动公开情况). */
const HEADING_LENGTH = 30;
/** Chinese characters and the full-width punctuation set between them. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’—…·]/;
const WORD_CHAR = /[A-Za-z0-9]/;

/** A line as printed (full-width punctuation kept), without markdown marks or the spaces a PDF put between runs. */
function printedLine(raw: string): string {
  const text = raw
    .replace(/[\t\v\f\u00a0\u200b\u3000\ufeff]/g, " ")
    .replace(/\*\*/g, "")
    .replace(/^\s*#{1,6}\s+/, "")
    .trim();
  // A space stays only between two characters that are not Chinese (2024 年 → 2024年, a b → a b).
  return text.replace(/\s+/g, (space, at: number) => {
    const before = text[at - 1] ?? "";
    const after = text[at + space.length] ?? "";
    return CJK.test(before) || CJK.test(after) ? "" : " ";
  });
}

function isHeading(line: string): boolean {
  return ENUMERATOR.test(line) && line.length <= HEADING_LENGTH && !/[。，,；;]/.test(line);
}

/** A paragraph's first line indented (a web page's text-indent, or full-width spaces). */
const INDENTED = /^(?: {2,}|\u3000|\t)/;

/** A line under half the usual length of the block's lines: a title, not a wrapped sentence. */
function shortLineLength(lengths: readonly number[]): number {
  if (lengths.length < 4) return 0;
  const sorted = [...lengths].sort((a, b) => a - b);
  return (sorted[Math.floor(sorted.length * 0.75)] ?? 0) / 2;
}

/**
 * Narrative lines as paragraphs: the hard line breaks of a copy from a PDF or a web page joined
 * (Chinese without a space, two words with one). A paragraph ends where a line ends a sentence
 * (。！？：；), is a heading or a short line without an end (a title), or where the next line
 * starts with an enumerator (一、 （一） 1.) or is indented.
 *
 * @example
 * reflowProse(readSourceLines("一、总体情况\n2024年，我市坚持以\n人民为中心。"));
 * // "一、总体情况\n2024年，我市坚持以人民为中心。"
 */
export function reflowProse(lines: readonly SourceLine[]): string {
  const printed = lines.map((source) => printedLine(source.raw));
  const short = shortLineLength(printed.map((line) => line.length));
  const paragraphs: string[] = [];
  let open = "";
  printed.forEach((line, index) => {
    if (line === "") return;
    const last = open.at(-1) ?? "";
    open += WORD_CHAR.test(last) && WORD_CHAR.test(line[0] ?? "") ? ` ${line}` : line;
    const next = lines[index + 1];
    const ends =
      !next ||
      PARAGRAPH_END.test(line) ||
      isHeading(line) ||
      line.length < short ||
      ENUMERATOR.test(printed[index + 1] ?? "") ||
      INDENTED.test(next.raw);
    if (ends) {
      paragraphs.push(open);
      open = "";
    }
  });
  return paragraphs.join("\n");
}
