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

export function tagOf(node: Element): string {
  return node.name.toLowerCase();
}

function isHidden(node: Element): boolean {
  if (node.attribs.hidden !== undefined) return true;
  const style = (node.attribs.style ?? "").replace(/\s+/g, "").toLowerCase();
  return style.includes("display:none") || style.includes("visibility:hidden");
}

export function isSkipped(node: Element): boolean {
  return SKIPPED.has(tagOf(node)) || isHidden(node);
}

export function isBlock(node: Element): boolean {
  return BLOCKS.has(tagOf(node));
}

/** Every element below `node` (depth first), not descending into skipped ones. */
export function* elementsBelow(node: AnyNode): Generator<Element> {
  if (!("children" in node)) return;
  for (const child of node.children) {
    if (!isTag(child)) continue;
    yield child;
    if (!isSkipped(child)) yield* elementsBelow(child);
  }
}

export function findAll(node: AnyNode, tag: string): Element[] {
  const out: Element[] = [];
  for (const el of elementsBelow(node)) if (tagOf(el) === tag) out.push(el);
  return out;
}

/** Every element of a tag anywhere below `node`, the page's <head> included. */
export function findAnywhere(node: AnyNode, tag: string): Element[] {
  const out: Element[] = [];
  const visit = (n: AnyNode) => {
    if (!("children" in n)) return;
    for (const child of n.children) {
      if (!isTag(child)) continue;
      if (tagOf(child) === tag) out.push(child);
      visit(child);
    }
  };
  visit(node);
  return out;
}
