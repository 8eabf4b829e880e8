/**
 * One line of a table as a sequence of label text and value cells. Handles `|`-separated rows
 * (markdown or not) and whitespace-separated PDF text, and tells a value from a label's ordinal
 * (`1.属于国家秘密`, `2、重复申请`).
 */

import { decimalValue, GROUPED_DIGITS } from "../report/format";
import type { SourceLine } from "./source-lines";

type CellKind = "number" | "dash" | "blank";

export interface CellValue {
  kind: CellKind;
  /** The cell as printed ("" for a blank cell). */
  raw: string;
  /** The number read (possibly negative or fractional: callers judge); null unless `number`. */
  value: number | null;
  unit: "" | "元" | "万元";
  source: SourceLine;
}

export type LineToken = { kind: "text"; text: string } | { kind: "value"; cell: CellValue };

export interface TokenisedLine {
  source: SourceLine;
  /** The line is a `|`-separated row: each cell is one token, blanks included. */
  pipe: boolean;
  tokens: LineToken[];
}

const NUMBER = new RegExp(
  String.raw`^([+-]?)(${GROUPED_DIGITS})(?:\.(\d+))?(万元|元|件|个|项|人次|次|条)?$`,
);
const DASH = /^(?:[/\\]|[-—–─―~]{1,3})$/;
const NOTHING = "无";
/** A number glued to the end of a label: `规章0`, `(七)总计2932`. */
const GLUED_TAIL = new RegExp(String.raw`^(.*[\u3400-\u9fff)”"])(${GROUPED_DIGITS})(?:\.(\d+))?$`);

function numberCell(match: RegExpExecArray, raw: string, source: SourceLine): CellValue {
  const [, sign = "", digits = "0", fraction, unit] = match;
  const magnitude = decimalValue(digits, fraction);
  return {
    kind: "number",
    raw,
    value: sign === "-" ? -magnitude : magnitude,
    unit: unit === "元" || unit === "万元" ? unit : "",
    source,
  };
}

/** A whole cell or chunk read as a value, or null when it is label text. */
function readValue(raw: string, source: SourceLine, allowNothing: boolean): CellValue | null {
  const text = raw.trim();
  if (text === "") return { kind: "blank", raw: "", value: null, unit: "", source };
  const match = NUMBER.exec(text);
  if (match) return numberCell(match, text, source);
  if (DASH.test(text) || (allowNothing && text === NOTHING)) {
    return { kind: "dash", raw: text, value: null, unit: "", source };
  }
  return null;
}

function pushText(tokens: LineToken[], text: string): void {
  if (text === "") return;
  const last = tokens[tokens.length - 1];
  if (last?.kind === "text") last.text += text;
  else tokens.push({ kind: "text", text });
}

function tokeniseChunks(text: string, source: SourceLine, tokens: LineToken[]): void {
  const chunks = text.split(/\s+/).filter((c) => c !== "");
  const hasOtherValue = chunks.some((c) => NUMBER.test(c) || DASH.test(c));
  for (const chunk of chunks) {
    const value = readValue(chunk, source, hasOtherValue);
    if (value) {
      tokens.push({ kind: "value", cell: value });
      continue;
    }
    const glued = GLUED_TAIL.exec(chunk);
    if (glued?.[1] && !/第$/.test(glued[1])) {
      pushText(tokens, glued[1]);
      const number = NUMBER.exec(chunk.slice(glued[1].length));
      if (number) tokens.push({ kind: "value", cell: numberCell(number, number[0], source) });
      continue;
    }
    pushText(tokens, chunk);
  }
}

/** Whether a `|` row ends with a closing pipe that does not open a last, blank cell. */
function closesWithPipe(text: string, closerStyle: boolean): boolean {
  if (!text.endsWith("|")) return false;
  return text.startsWith("|") || closerStyle;
}

function pipeCells(text: string, closerStyle: boolean): string[] {
  const cells = text.split("|");
  if (text.startsWith("|")) cells.shift();
  if (closesWithPipe(text, closerStyle) && cells.length > 0) cells.pop();
  return cells;
}

/**
 * A `|` table closes its rows with a pipe when most rows end `… | 12 |`; otherwise a trailing
 * `| ` opens a last, blank cell (`… | 1 | ` = a blank 总计).
 */
export function usesClosingPipes(lines: readonly SourceLine[]): boolean {
  let closed = 0;
  let open = 0;
  for (const { text } of lines) {
    if (!text.includes("|") || text.startsWith("|")) continue;
    if (/[^|\s]\s*\|$/.test(text)) closed += 1;
    else if (!text.endsWith("|")) open += 1;
  }
  return closed > open;
}

export function tokeniseLine(source: SourceLine, closerStyle: boolean): TokenisedLine {
  const tokens: LineToken[] = [];
  const text = source.text;
  if (!text.includes("|")) {
    tokeniseChunks(text, source, tokens);
    return { source, pipe: false, tokens };
  }
  for (const cell of pipeCells(text, closerStyle)) {
    const value = readValue(cell, source, true);
    if (value) tokens.push({ kind: "value", cell: value });
    else {
      const before = tokens.length;
      tokeniseChunks(cell, source, tokens);
      // A cell mixing a label and numbers ("行政许可 97") stays split; a pure label is one token.
      if (tokens.length > before + 1 && tokens.slice(before).every((t) => t.kind === "text")) {
        const merged = tokens.splice(before).map((t) => (t.kind === "text" ? t.text : ""));
        tokens.push({ kind: "text", text: merged.join("") });
      }
    }
  }
  return { source, pipe: true, tokens };
}

export function textOf(tokens: readonly LineToken[]): string {
  return tokens.map((t) => (t.kind === "text" ? t.text : "")).join("");
}
