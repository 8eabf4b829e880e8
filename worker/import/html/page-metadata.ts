/**
 * What a government site says about the article around it: the metadata table before it (名称,
 * 索引号, 发布机构, 公开日期), the <meta> tags of the common site systems (ArticleTitle,
 * ContentSource, PubDate) and the page title. Used for the report's identity when the report's
 * own text does not state it.
 */

import { findAll, findAnywhere, type AnyNode, type Element } from "./dom";
import { textOnOneLine } from "./node-text";
import { isLayoutTable, tableGrid } from "./table-grid";

export interface PageMetadata {
  title: string | null;
  /** 发布机构 / 信息来源, as printed. */
  agency: string | null;
  /** The year of 公开日期 / 发布日期. */
  publishedYear: number | null;
  /** Metadata tables, left out of the report's text. */
  tables: Set<Element>;
}

const FIELDS = {
  title: /^(?:名称|标题|文件名称|信息名称)$/,
  agency: /^(?:发布机构|发文机关|发布单位|信息来源|来源|公开主体|发文单位)$/,
  date: /^(?:公开日期|发布日期|发布时间|成文日期|生成日期|公开时间)$/,
  other: /^(?:索引号|主题分类|分类|文号|发文字号|关键词|主题词|时效|有效性|文件下载|体裁分类)$/,
};

const META_NAMES: Record<string, keyof typeof FIELDS> = {
  articletitle: "title",
  contentsource: "agency",
  pubdate: "date",
};

function fieldOf(label: string): keyof typeof FIELDS | null {
  const text = label.replace(/[\s:：]/g, "");
  for (const [field, pattern] of Object.entries(FIELDS) as [keyof typeof FIELDS, RegExp][]) {
    if (pattern.test(text)) return field;
  }
  return null;
}

function yearOf(date: string): number | null {
  const match = /((?:19|20)\d{2})\s*[-年/.]/.exec(date);
  return match?.[1] ? Number(match[1]) : null;
}

interface Found {
  title?: string;
  agency?: string;
  date?: string;
}

function readMetaTags(root: AnyNode, found: Found): void {
  for (const meta of findAnywhere(root, "meta")) {
    const field = META_NAMES[(meta.attribs.name ?? "").toLowerCase()];
    const content = (meta.attribs.content ?? "").trim();
    if (field && field !== "other" && content !== "") found[field] ??= content;
  }
}

/** A table of label–value pairs with at least two metadata labels. */
function readMetadataTable(table: Element, found: Found): boolean {
  const pairs: [keyof typeof FIELDS, string][] = [];
  for (const row of tableGrid(table)) {
    row.own.forEach((cell, i) => {
      const field = fieldOf(textOnOneLine(cell.element));
      const next = row.own[i + 1];
      if (field && next) pairs.push([field, textOnOneLine(next.element)]);
    });
  }
  if (pairs.length < 2) return false;
  for (const [field, value] of pairs) {
    if (field !== "other" && value !== "") found[field] ??= value;
  }
  return true;
}

function pageTitle(root: AnyNode): string | null {
  const title = findAnywhere(root, "title")[0];
  if (!title) return null;
  // "报告标题-站点名" / "报告标题_栏目_站点名": the report's own title comes first.
  const text =
    textOnOneLine(title)
      .split(/\s*[-_|—–]\s*/)[0]
      ?.trim() ?? "";
  return text === "" ? null : text;
}

export function readPageMetadata(document: AnyNode): PageMetadata {
  const found: Found = {};
  const tables = new Set<Element>();
  readMetaTags(document, found);
  for (const table of findAll(document, "table")) {
    if (isLayoutTable(table)) continue;
    if (readMetadataTable(table, found)) tables.add(table);
  }
  return {
    title: found.title ?? pageTitle(document),
    agency: found.agency ?? null,
    publishedYear: found.date ? yearOf(found.date) : null,
    tables,
  };
}
