/**
 * The importer's entry point for a saved web page (or the HTML a browser copies, or Word's HTML):
 * the page becomes the report's text with its tables as one-cell-per-`<td>` rows, and the page's
 * metadata (发布机构, 公开日期) joins the hints. Pure and never throws, like parseReportText.
 */

import { parseReportText, type ParseOptions, type ParseResult } from "../parse-report";
import { pageText } from "./page-text";

/** Pages beyond this size are refused before parsing (a saved report page is some 50–500 KB). */
const MAX_HTML_LENGTH = 10_000_000;

export type HtmlParseResult = ParseResult & {
  /** The text read from the page, which the provenance's line numbers refer to. */
  sourceText?: string;
};

/** The page's text and what the page itself says about the report, for the text importer. */
export function readReportPage(html: string): { text: string; hints: ParseOptions } {
  const page = pageText(html);
  return {
    text: page.text,
    hints: {
      page: { agency: page.metadata.agency, publishedYear: page.metadata.publishedYear },
    },
  };
}

export function parseReportHtml(html: string, options: ParseOptions = {}): HtmlParseResult {
  if (typeof html !== "string" || html.length > MAX_HTML_LENGTH) {
    return {
      ok: false,
      error: {
        code: "html_too_large",
        message: `网页超过${MAX_HTML_LENGTH}个字符`,
        message_en: `The page is longer than ${MAX_HTML_LENGTH} characters`,
      },
    };
  }
  let page: ReturnType<typeof readReportPage>;
  try {
    page = readReportPage(html);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: {
        code: "internal_error",
        message: `读取网页时出错：${detail}`,
        message_en: `Reading the page failed: ${detail}`,
      },
    };
  }
  const result = parseReportText(page.text, { ...page.hints, ...options });
  return result.ok ? { ...result, sourceText: page.text } : result;
}
