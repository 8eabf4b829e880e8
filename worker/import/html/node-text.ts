/** The visible text of a DOM subtree, as lines: block elements and <br> end a line. */

import { isBlock, isSkipped, isTag, isText, tagOf, type AnyNode, type Element } from "./dom";

const CJK_GAP = /([\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])/g;

/** Whitespace as a browser shows it, without the spaces a source line break puts between Chinese. */
function collapseSpace(text: string): string {
  const spaced = text.replace(/[\s\u00a0]+/g, " ").trim();
  return spaced.includes(" ") ? spaced.replace(CJK_GAP, "$1") : spaced;
}

export class LineWriter {
  readonly lines: string[] = [];
  private current = "";

  text(value: string): void {
    this.current += value;
  }

  /** Ends the current line (if it holds anything). */
  break(): void {
    if (this.current === "") return;
    const line = collapseSpace(this.current);
    if (line !== "") this.lines.push(line);
    this.current = "";
  }
}

/**
 * Writes a subtree's text; `onElement` may take over an element (returning true) such as a table.
 * Walks with its own stack: a page nested thousands of levels deep must not overflow the call stack.
 */
export function writeText(
  root: AnyNode,
  out: LineWriter,
  onElement?: (element: Element, out: LineWriter) => boolean,
): void {
  // An entry is a node to visit, or the block element whose end is due (a line break).
  const stack: (AnyNode | { end: Element })[] = [root];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    if ("end" in entry) {
      out.break();
      continue;
    }
    const node = entry;
    if (isText(node)) {
      out.text(node.data);
      continue;
    }
    if (isTag(node)) {
      if (isSkipped(node)) continue;
      if (tagOf(node) === "br") {
        out.break();
        continue;
      }
      const block = isBlock(node);
      if (block) {
        out.break();
        stack.push({ end: node });
      }
      if (onElement?.(node, out)) continue;
    }
    if ("children" in node) {
      for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]!);
    }
  }
}

/** A cell's or heading's text on one line: its own line breaks (one character per line) joined. */
export function textOnOneLine(node: AnyNode): string {
  const out = new LineWriter();
  writeText(node, out);
  out.break();
  return out.lines.join("").trim();
}
