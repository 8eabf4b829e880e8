import { useEffect } from "react";

/** The mark as a CSS string: quotes and backslashes escaped, line breaks as spaces. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, "\\$&").replace(/\s+/g, " ")}"`;
}

/** The rule printing `text` at the top right of every page. */
export function pageMarkRule(text: string): string {
  return `@page { @top-right { content: ${cssString(text)}; font-size: 10pt; font-weight: 600; color: #b42318; } }`;
}

/**
 * While the calling component is shown, prints `text` in the top right-hand margin of every
 * printed page (a page-margin box), or nothing when `text` is null. The rule is built as a
 * constructed style sheet: the site's Content-Security-Policy (`style-src 'self'`) refuses inline
 * `<style>` elements, not style sheets made through the CSSOM.
 */
export function usePageMark(text: string | null): void {
  useEffect(() => {
    if (text === null || typeof CSSStyleSheet === "undefined" || !document.adoptedStyleSheets) {
      return;
    }
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(pageMarkRule(text));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [text]);
}
