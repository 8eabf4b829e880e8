/** The visible text of a DOM subtree, as lines: block elements and <br> end a line. */

import { isBlock, isSkipped, isTag, isText, tagOf, type AnyNode, type Element } from "./dom";

const CJK_GAP = /([\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])/g;

/** Whitespace as a browser shows it, without the spaces a source line break puts between Chinese. */
export function collapseSpace(text: string): string {
  return text
    .replace(/[\s\u00a0]+/g, " ")
    .replace(CJK_GAP, "$1")
    .trim();
}

export class LineWriter {
  readonly lines: string[] = [];
  private current = "";

  text(value: string): void {
    this.current += value;
  }

  /** Ends the current line (if it holds anything). */
  break(): void {
    const line = collapseSpace(this.current);
    if (line !== "") this.lines.push(line);
    this.current = "";
  }
}

/** Writes a subtree's text; `onElement` may take over an element (returning true) such as a table. */
export function writeText(
  node: AnyNode,
  out: LineWriter,
  onElement?: (element: Element, out: LineWriter) => boolean,
): void {
  if (isText(node)) {
    out.text(node.data);
    return;
  }
  if (!isTag(node)) {
    if ("children" in node) for (const child of node.children) writeText(child, out, onElement);
    return;
  }
  if (isSkipped(node)) return;
  const tag = tagOf(node);
  if (tag === "br") {
    out.break();
    return;
  }
  const block = isBlock(node);
  if (block) out.break();
  if (!onElement?.(node, out)) {
    for (const child of node.children) writeText(child, out, onElement);
  }
  if (block) out.break();
}

/** A cell's or heading's text on one line: its own line breaks (one character per line) joined. */
export function textOnOneLine(node: AnyNode): string {
  const out = new LineWriter();
  writeText(node, out);
  out.break();
  return out.lines.join("").trim();
}
