/**
 * A saved report page as the text the report importer reads: the report's region of the page,
 * its title first, paragraphs as lines, and each data table as `|`-separated rows with one cell
 * per `<td>`, so a blank cell stays a blank cell in its own column.
 */

import { parseDocument } from "htmlparser2";
import { tagOf, type AnyNode, type Element } from "./dom";
import { LineWriter, textOnOneLine, writeText } from "./node-text";
import { readPageMetadata, type PageMetadata } from "./page-metadata";
import { reportRegion } from "./report-region";
import { isLayoutTable, tableGrid } from "./table-grid";

/** Site furniture that follows an article inside the same container. */
const TRAILING_CHROME =
  /^(?:相关(?:链接|文章|附件|阅读|新闻|信息)|【?打印(?:本页|此页)?】?|【?关闭(?:窗口|本页)?】?|版权所有|主办单位|承办单位|网站标识码|.*ICP备|上一篇|下一篇|分享到|扫一扫|【?字号|【?大\s*中\s*小】?|附件下载|相关解读|网站地图)/;

export interface PageText {
  text: string;
  metadata: PageMetadata;
}

function cellText(cell: Element): string {
  // A `|` inside a cell would split it; U+4E28 looks alike and is not folded back by NFKC.
  return textOnOneLine(cell).replace(/\|/g, "丨");
}

function writeTable(table: Element, out: LineWriter): void {
  for (const row of tableGrid(table)) {
    const cells = row.own.map((cell) => cellText(cell.element));
    if (cells.every((c) => c === "")) continue;
    out.text(`| ${cells.join(" | ")} |`);
    out.break();
  }
}

function regionLines(region: AnyNode, skipTables: ReadonlySet<Element>): string[] {
  const out = new LineWriter();
  writeText(region, out, (element, writer) => {
    if (tagOf(element) !== "table" || isLayoutTable(element)) return false;
    if (!skipTables.has(element)) writeTable(element, writer);
    return true;
  });
  out.break();
  return out.lines;
}

function withoutTrailingChrome(lines: string[]): string[] {
  // Only the last third: a report's own text may mention 版权 or 打印 in passing.
  const from = Math.floor(lines.length * (2 / 3));
  const cut = lines.findIndex((line, i) => i >= from && TRAILING_CHROME.test(line));
  return cut >= 0 ? lines.slice(0, cut) : lines;
}

export function pageText(html: string): PageText {
  const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
  const metadata = readPageMetadata(document);
  const region = reportRegion(document, metadata.tables);
  const lines = withoutTrailingChrome(regionLines(region, metadata.tables));
  const title = metadata.title;
  if (title && !lines.slice(0, 5).some((line) => line.includes(title))) lines.unshift(title);
  return { text: lines.join("\n"), metadata };
}
