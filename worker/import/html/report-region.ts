/**
 * Where the report sits in a saved page: the smallest element holding both the report's first
 * heading (一、总体情况) and its tables, so the site's menus, search box and related links around
 * the article are left out.
 */

import { findAll, findAnywhere, isBlock, isTag, type AnyNode, type Element } from "./dom";
import { textOnOneLine } from "./node-text";
import { isLayoutTable } from "./table-grid";

const OVERVIEW_HEADING = /^(?:[一1][、.．,，]?)?\s*(?:总体情况|总体概述|概述)/;
const REPORT_TABLE = /制发件数|行政许可|自然人|商业企业|行政复议|行政诉讼|结果维持|新制作数量/;
const MAX_HEADING = 30;

function ancestors(node: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  for (let n: AnyNode | null = node; n; n = n.parent) out.push(n);
  return out.reverse();
}

function commonAncestor(nodes: readonly AnyNode[]): AnyNode | null {
  const chains = nodes.map(ancestors);
  const first = chains[0];
  if (!first) return null;
  let common: AnyNode | null = null;
  for (let i = 0; i < first.length; i += 1) {
    const candidate = first[i];
    if (!candidate || !chains.every((chain) => chain[i] === candidate)) break;
    common = candidate;
  }
  return common;
}

/** The report's own tables: data tables (no nested table) that print a report table's labels. */
function reportTables(root: AnyNode, exclude: ReadonlySet<Element>): Element[] {
  return findAll(root, "table").filter(
    (t) => !exclude.has(t) && !isLayoutTable(t) && REPORT_TABLE.test(textOnOneLine(t)),
  );
}

function overviewHeading(root: AnyNode): Element | null {
  for (const el of leafBlocks(root)) {
    const text = textOnOneLine(el).normalize("NFKC");
    if (text.length <= MAX_HEADING && OVERVIEW_HEADING.test(text)) return el;
  }
  return null;
}

/**
 * Block elements with no block inside them (a heading's <p>, a cell), in document order. One
 * pass: a page nested thousands deep is walked once, not once per level.
 */
function leafBlocks(root: AnyNode): Element[] {
  const order: Element[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== root && isTag(node)) order.push(node);
    if (!("children" in node)) continue;
    for (let i = node.children.length - 1; i >= 0; i -= 1) {
      const child = node.children[i]!;
      if (isTag(child)) stack.push(child);
    }
  }
  const holdsBlock = new Set<AnyNode>();
  // Children come after their parents in `order`: walking it backwards sees them first.
  for (let i = order.length - 1; i >= 0; i -= 1) {
    const el = order[i]!;
    if ((holdsBlock.has(el) || isBlock(el)) && el.parent) holdsBlock.add(el.parent);
  }
  return order.filter((el) => isBlock(el) && !holdsBlock.has(el));
}

/** The element to read the report from: the page's <body> when the report cannot be located. */
export function reportRegion(document: AnyNode, metadataTables: ReadonlySet<Element>): AnyNode {
  const body = findAnywhere(document, "body")[0] ?? document;
  const anchors: AnyNode[] = reportTables(body, metadataTables);
  const heading = overviewHeading(body);
  if (heading) anchors.push(heading);
  if (anchors.length === 0) return body;
  if (anchors.length === 1) return anchors[0]!.parent ?? body;
  return commonAncestor(anchors) ?? body;
}
