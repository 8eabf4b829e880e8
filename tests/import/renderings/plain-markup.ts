/** Clean semantic HTML of a rendering model: h1/h2/h3, p, and tables with th for labels. */

import type { Block, RenderingModel, TableCell } from "./fixture-model";

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The attributes of a merged cell. */
export function spanAttributes(cell: TableCell): string {
  const rowspan = cell.rowspan && cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : "";
  const colspan = cell.colspan && cell.colspan > 1 ? ` colspan="${cell.colspan}"` : "";
  return rowspan + colspan;
}

/** 一、 opens a section (h2); （一） a part of one (h3). */
function headingLevel(text: string): 2 | 3 {
  return /^[（(]/.test(text) ? 3 : 2;
}

/** A page's title where the report prints none: the kind of document, naming no year or agency. */
export function pageTitle(model: RenderingModel): string {
  return model.title === "" ? "政府信息公开工作年度报告" : model.title;
}

function isHeaderRow(row: readonly TableCell[]): boolean {
  return row.every((cell) => cell.header === true);
}

function plainCell(cell: TableCell, inHead: boolean): string {
  if (!cell.header) return `<td${spanAttributes(cell)}>${escapeHtml(cell.text)}</td>`;
  const scope = inHead || (cell.colspan ?? 1) > 1 ? "col" : "row";
  return `<th scope="${scope}"${spanAttributes(cell)}>${escapeHtml(cell.text)}</th>`;
}

function plainTable(rows: readonly TableCell[][]): string {
  const headCount = rows.findIndex((row) => !isHeaderRow(row));
  const split = headCount < 0 ? rows.length : headCount;
  const line = (row: readonly TableCell[], inHead: boolean): string =>
    `<tr>${row.map((cell) => plainCell(cell, inHead)).join("")}</tr>`;
  const head = rows.slice(0, split).map((row) => line(row, true));
  const body = rows.slice(split).map((row) => line(row, false));
  return [
    "<table>",
    head.length > 0 ? `<thead>\n${head.join("\n")}\n</thead>` : "",
    `<tbody>\n${body.join("\n")}\n</tbody>`,
    "</table>",
  ]
    .filter((part) => part !== "")
    .join("\n");
}

function plainBlock(block: Block): string {
  switch (block.kind) {
    case "heading": {
      const level = headingLevel(block.text);
      return `<h${level}>${escapeHtml(block.text)}</h${level}>`;
    }
    case "paragraph":
      return `<p>${escapeHtml(block.text)}</p>`;
    case "table":
      return plainTable(block.rows);
  }
}

/** The article alone: title and blocks. */
function plainArticle(model: RenderingModel): string {
  const title = model.title === "" ? [] : [`<h1>${escapeHtml(model.title)}</h1>`];
  return [...title, ...model.blocks.map(plainBlock)].join("\n");
}

export function plainPage(model: RenderingModel, charsetMeta: string): string {
  return [
    "<!doctype html>",
    '<html lang="zh-CN">',
    "<head>",
    charsetMeta,
    `<title>${escapeHtml(pageTitle(model))}</title>`,
    "</head>",
    "<body>",
    "<main>",
    "<article>",
    plainArticle(model),
    "</article>",
    "</main>",
    "</body>",
    "</html>",
  ]
    .filter((line) => line !== "")
    .join("\n");
}
