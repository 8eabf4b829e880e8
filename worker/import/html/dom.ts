/** The few DOM questions the page reader asks of htmlparser2's tree. */

import { isTag, isText, type AnyNode, type Element } from "domhandler";

export { isTag, isText };
export type { AnyNode, Element };

/** Tags whose content is never part of the report. */
const SKIPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "select",
  "option",
  "button",
  "input",
  "textarea",
  "iframe",
  "object",
  "embed",
  "svg",
  "math",
  "canvas",
  "map",
  "nav",
]);

/** Tags that end a line of text. */
const BLOCKS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "caption",
  "center",
  "dd",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
  "body",
  "html",
]);

/** The tag name; the parser is asked for lower-case names (see page-text.ts). */
export function tagOf(node: Element): string {
  return node.name;
}

const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function isHidden(node: Element): boolean {
  const { hidden, style } = node.attribs;
  if (hidden !== undefined) return true;
  return style !== undefined && style.length > 10 && HIDING_STYLE.test(style);
}

export function isSkipped(node: Element): boolean {
  return SKIPPED.has(tagOf(node)) || isHidden(node);
}

export function isBlock(node: Element): boolean {
  return BLOCKS.has(tagOf(node));
}

/** Every element of a tag below `node` in document order, not looking inside skipped ones. */
export function findAll(node: AnyNode, tag: string): Element[] {
  return collect(node, tag, true);
}

/** Every element of a tag anywhere below `node`, the page's <head> included. */
export function findAnywhere(node: AnyNode, tag: string): Element[] {
  return collect(node, tag, false);
}

/** Depth first with its own stack, so that no nesting depth overflows the call stack. */
function collect(root: AnyNode, tag: string, skipping: boolean): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== root && isTag(node)) {
      if (node.name === tag) out.push(node);
      if (skipping && isSkipped(node)) continue;
    }
    if (!("children" in node)) continue;
    for (let i = node.children.length - 1; i >= 0; i -= 1) {
      const child = node.children[i]!;
      if (isTag(child)) stack.push(child);
    }
  }
  return out;
}
