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
