/**
 * Table 三 as a sequence of row candidates: runs of values with the label text around them.
 * A `|` row is one candidate; in whitespace text, values are gathered across lines until a row's
 * seven are complete or a label interrupts them (one value per line, wrapped rows).
 */

import {
  textOf,
  tokeniseLine,
  usesClosingPipes,
  type CellValue,
  type TokenisedLine,
} from "./cell-tokens";
import { rowsNamedBy } from "./section3-labels";
import type { SourceLine } from "./source-lines";

export const ROW_WIDTH = 7;

export interface RowCandidate {
  cells: CellValue[];
  /** Label text printed before the values since the previous candidate. */
  before: string;
  /** Label text on the lines that hold the values. */
  inline: string;
  pipe: boolean;
}

/** Drops blank cells beyond the row's width: trailing first, then leading. */
function trimBlanks(cells: CellValue[], width: number): CellValue[] {
  const out = [...cells];
  while (out.length > width && out[out.length - 1]?.kind === "blank") out.pop();
  while (out.length > width && out[0]?.kind === "blank") out.shift();
  return out;
}

class CandidateBuilder {
  readonly candidates: RowCandidate[] = [];
  private pending = "";
  private acc: CellValue[] = [];
  private accBefore = "";
  private accLines = new Set<TokenisedLine>();

  text(text: string): void {
    this.flush();
    this.pending += text;
  }

  pipeRow(line: TokenisedLine): void {
    this.flush();
    const tokens = line.tokens;
    let lastText = -1;
    tokens.forEach((t, i) => {
      if (t.kind === "text") lastText = i;
    });
    const values = tokens.slice(lastText + 1).flatMap((t) => (t.kind === "value" ? [t.cell] : []));
    const label = textOf(tokens);
    const hasFigure = values.some((c) => c.kind !== "blank");
    const namesRow = label !== "" && rowsNamedBy(label).size > 0;
    if (hasFigure || (values.length >= ROW_WIDTH && namesRow)) {
      this.emit(trimBlanks(values, ROW_WIDTH), this.pending + label, label, true);
      this.pending = "";
    } else {
      this.pending += label;
    }
  }

  group(values: CellValue[], line: TokenisedLine): void {
    if (values.length === 0) return;
    if (this.acc.length + values.length <= ROW_WIDTH) {
      if (this.acc.length === 0) {
        this.accBefore = this.pending;
        this.pending = "";
      }
      this.acc.push(...values);
      this.accLines.add(line);
      if (this.acc.length === ROW_WIDTH) this.flush();
      return;
    }
    this.flush();
    if (values.length < ROW_WIDTH) {
      this.group(values, line);
      return;
    }
    const before = this.pending;
    this.pending = "";
    const inline = textOf(line.tokens);
    if (values.length % ROW_WIDTH === 0) {
      for (let i = 0; i < values.length; i += ROW_WIDTH) {
        this.emit(values.slice(i, i + ROW_WIDTH), i === 0 ? before : "", inline, false);
      }
    } else {
      this.emit(values, before, inline, false);
    }
  }

  flush(): void {
    if (this.acc.length === 0) return;
    const inline = [...this.accLines].map((l) => textOf(l.tokens)).join("");
    this.emit(this.acc, this.accBefore, inline, false);
    this.acc = [];
    this.accBefore = "";
    this.accLines = new Set();
  }

  private emit(cells: CellValue[], before: string, inline: string, pipe: boolean): void {
    this.candidates.push({ cells, before, inline, pipe });
  }
}

/** The row candidates of table 三's lines, in printed order. */
export function section3Candidates(lines: readonly SourceLine[]): RowCandidate[] {
  const closer = usesClosingPipes(lines);
  const builder = new CandidateBuilder();
  for (const source of lines) {
    const line = tokeniseLine(source, closer);
    if (line.pipe) {
      builder.pipeRow(line);
      continue;
    }
    let run: CellValue[] = [];
    for (const token of line.tokens) {
      if (token.kind === "value") {
        run.push(token.cell);
        continue;
      }
      builder.group(run, line);
      run = [];
      builder.text(token.text);
    }
    builder.group(run, line);
  }
  builder.flush();
  return builder.candidates;
}
