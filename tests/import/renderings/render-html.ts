/**
 * A fixture's rendering model as the HTML pages reports are published in, in several markup
 * styles and encodings, so the HTML importer can be held to the same expected.json for each.
 */

import { cmsPage } from "./cms-page";
import { encodeGbk } from "./encode-gbk";
import type { RenderingModel } from "./fixture-model";
import { plainPage } from "./plain-markup";
import { wordPage } from "./word-markup";

/**
 * - plain: clean semantic HTML (h1–h3, p, th/td), UTF-8.
 * - word: Word's "Save as web page" (MsoNormal runs, <o:p>, split numbers, vertical labels), UTF-8.
 * - cms: a government site's page (menus, search form, metadata table, related links, footer) with
 *   the CMS editor's article markup, UTF-8.
 * - gbk-cms: the site's page around a pasted Word article, `<meta charset="gb2312">`, GBK bytes.
 * - gbk-word: the Word page declaring `charset=GBK` in http-equiv, GBK bytes.
 * - gbk-undeclared: the site's page declaring no charset at all, GBK bytes.
 */
export type HtmlStyle = "plain" | "word" | "cms" | "gbk-cms" | "gbk-word" | "gbk-undeclared";

export const HTML_STYLES: readonly HtmlStyle[] = [
  "plain",
  "word",
  "cms",
  "gbk-cms",
  "gbk-word",
  "gbk-undeclared",
];

type HtmlEncoding = "utf-8" | "gbk";

export function htmlStyleEncoding(style: HtmlStyle): HtmlEncoding {
  return style.startsWith("gbk-") ? "gbk" : "utf-8";
}

/** The page's markup as text, declaring the charset its bytes will have (see renderHtmlBytes). */
export function renderHtml(model: RenderingModel, style: HtmlStyle): string {
  switch (style) {
    case "plain":
      return plainPage(model, '<meta charset="utf-8">');
    case "word":
      return wordPage(model, '<meta http-equiv=Content-Type content="text/html; charset=utf-8">');
    case "cms":
      return cmsPage(model, '<meta charset="utf-8">', "editor");
    case "gbk-cms":
      return cmsPage(model, '<meta charset="gb2312">', "word");
    case "gbk-word":
      return wordPage(model, '<meta http-equiv=Content-Type content="text/html; charset=GBK">');
    case "gbk-undeclared":
      return cmsPage(model, "", "editor");
  }
}

/**
 * The page as the file a user saves: UTF-8, or GBK for the gbk-* styles.
 *
 * @example
 * decodeHtml(renderHtmlBytes(model, "gbk-undeclared")); // the markup of renderHtml(model, …)
 */
export function renderHtmlBytes(model: RenderingModel, style: HtmlStyle): Uint8Array {
  const html = renderHtml(model, style);
  return htmlStyleEncoding(style) === "gbk" ? encodeGbk(html) : new TextEncoder().encode(html);
}
