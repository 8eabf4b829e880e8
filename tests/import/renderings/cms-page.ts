/**
 * A rendering model inside a government site's page, as a crawler or "Save page as" keeps it:
 * scripts, header menus, a search form and a breadcrumb before; a metadata table (索引号, 发布机构,
 * 公开日期, 名称) and the article; related links (other years' reports), print/close buttons and the
 * copyright footer after.
 */

import type { Block, RenderingModel, TableCell } from "./fixture-model";
import { escapeHtml, pageTitle, spanAttributes } from "./plain-markup";
import { wordBody } from "./word-markup";

/** How the article itself is marked up: by the CMS's own editor, or pasted from Word. */
type CmsArticleMarkup = "editor" | "word";

function editorCell(cell: TableCell): string {
  const text = cell.text === "" ? "&nbsp;" : escapeHtml(cell.text);
  const align = cell.header ? "" : ' style="text-align:center;"';
  return `<td${spanAttributes(cell)}${align}>${text}</td>`;
}

function editorBlock(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `<p style="text-indent:2em;"><strong>${escapeHtml(block.text)}</strong></p>`;
    case "paragraph":
      return `<p style="text-indent:2em;">${escapeHtml(block.text)}</p>`;
    case "table":
      return [
        '<table border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse;">',
        "<tbody>",
        ...block.rows.map((row) => `<tr>${row.map(editorCell).join("")}</tr>`),
        "</tbody>",
        "</table>",
      ].join("\n");
  }
}

function editorArticle(model: RenderingModel): string {
  return ['<div class="TRS_Editor">', ...model.blocks.map(editorBlock), "</div>"].join("\n");
}

const MENU = ["首页", "政务公开", "政务服务", "互动交流", "走进本地", "专题专栏"];

function metadataTable(model: RenderingModel, published: string): string {
  const agency = escapeHtml(model.agency ?? "");
  return [
    '<table class="xxgk_table" cellspacing="0" cellpadding="0">',
    "<tbody>",
    `<tr><td class="t1">索引号</td><td class="t2">11410300MB1A2B3C4D/${published.slice(0, 4)}-00012</td><td class="t1">主题分类</td><td class="t2">政务公开</td></tr>`,
    `<tr><td class="t1">发布机构</td><td class="t2">${agency}</td><td class="t1">公开日期</td><td class="t2">${published}</td></tr>`,
    `<tr><td class="t1">名称</td><td class="t2" colspan="3">${escapeHtml(pageTitle(model))}</td></tr>`,
    '<tr><td class="t1">文号</td><td class="t2"></td><td class="t1">有效性</td><td class="t2">有效</td></tr>',
    "</tbody>",
    "</table>",
  ].join("\n");
}

function relatedLinks(model: RenderingModel): string {
  const agency = escapeHtml(model.agency ?? "");
  const titles = [
    `${agency}${model.year - 1}年政府信息公开工作年度报告`,
    `${agency}${model.year - 2}年政府信息公开工作年度报告`,
    `${agency}政府信息公开指南`,
  ];
  return [
    '<div class="related">',
    "<h4>相关链接</h4>",
    "<ul>",
    ...titles.map(
      (title, i) =>
        `<li><a href="/xxgk/gknb/${model.year - i}/index.shtml">${title}</a><span>${model.year - i}-01-15</span></li>`,
    ),
    "</ul>",
    "</div>",
  ].join("\n");
}

export function cmsPage(
  model: RenderingModel,
  charsetMeta: string,
  markup: CmsArticleMarkup,
): string {
  const title = escapeHtml(pageTitle(model));
  const site = escapeHtml(model.agency ?? "政府门户网站");
  const published = `${model.year + 1}-01-18`;
  const article = markup === "word" ? wordBody(model) : editorArticle(model);
  return [
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
    '<html xmlns="http://www.w3.org/1999/xhtml">',
    "<head>",
    charsetMeta,
    `<title>${title}_${site}</title>`,
    `<meta name="ArticleTitle" content="${title}">`,
    `<meta name="PubDate" content="${published} 09:30">`,
    '<link rel="stylesheet" type="text/css" href="/images/common.css">',
    '<script type="text/javascript" src="/js/jquery.min.js"></script>',
    `<script>var siteName = "${site}"; var pubDate = "${published}"; if (window.innerWidth < 640) { document.write("<table><tr><td>2023</td></tr></table>"); }</script>`,
    "<style>.xxgk_table td{border:1px solid #ddd;padding:6px}</style>",
    "</head>",
    "<body>",
    '<div class="top"><div class="wrap">',
    `<span class="date">${published}</span>`,
    '<a href="/">无障碍浏览</a> | <a href="/big5/">繁體版</a> | <a href="/m/">移动版</a>',
    "</div></div>",
    `<div class="header"><div class="logo"><img src="/images/logo.png" alt="${site}"></div>`,
    '<form class="search" action="/search/search.jsp" method="get" target="_blank">',
    '<input type="text" name="searchword" value="" placeholder="请输入关键字">',
    '<input type="submit" value="搜索">',
    "</form></div>",
    '<div class="nav"><ul>',
    ...MENU.map(
      (item, i) => `<li${i === 0 ? ' class="on"' : ""}><a href="/${i}/">${item}</a></li>`,
    ),
    "</ul></div>",
    '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政务公开</a> &gt; <a href="/xxgk/gknb/">政府信息公开年报</a></div>',
    '<div class="main">',
    metadataTable(model, published),
    '<div class="article">',
    `<h1 class="article-title">${title}</h1>`,
    `<div class="info">发布时间：${published} 来源：${escapeHtml(model.agency ?? "")} 浏览次数：<span id="hits">1287</span> 【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>`,
    '<div class="article-content" id="zoom">',
    article,
    "</div>",
    '<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>',
    "</div>",
    relatedLinks(model),
    "</div>",
    '<div class="footer">',
    `<p>主办：${site} 版权所有</p>`,
    '<p>网站标识码：4103000036 <a href="https://beian.miit.gov.cn/">豫ICP备05012345号-1</a> 公网安备 41030202000123号</p>',
    "<p>地址：人民路1号 邮编：471000 电话：0379-63900000</p>",
    "</div>",
    "</body>",
    "</html>",
  ]
    .filter((line) => line !== "")
    .join("\n");
}
