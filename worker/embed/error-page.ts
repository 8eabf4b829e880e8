/**
 * What a framed embed shows when it cannot show its chart (a bad parameter, an agency that does
 * not exist): a short page in the embed's language and theme, instead of the API's JSON.
 */

import { escapeHtml, safeHref } from "./markup";
import { EMBED_CSS, type EmbedPageOptions } from "./page";
import { EMBED_ROOT_ID } from "./resize-script";
import { failureReasons, type EmbedFailure } from "./failure";
import { EMBED_TEXT } from "./text";
import type { EmbedLang, EmbedTheme } from "./view";

export interface EmbedErrorView {
  lang: EmbedLang;
  theme: EmbedTheme;
  failure: EmbedFailure;
}

/**
 * The whole error page; like the embed it has no inline script, so the embed's CSP holds, and it
 * loads the resize script so the loader fits the frame to the message.
 */
export function renderEmbedError(view: EmbedErrorView, options: EmbedPageOptions = {}): string {
  const t = EMBED_TEXT[view.lang];
  const reasons = failureReasons(view.failure, view.lang);
  const script = options.resizeScriptUrl
    ? `<script src="${safeHref(options.resizeScriptUrl)}" defer></script>`
    : "";
  return (
    `<!doctype html><html lang="${view.lang === "zh" ? "zh-CN" : "en"}" class="theme-${view.theme}"><head>` +
    `<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(t.failed)}</title>` +
    `<style>${EMBED_CSS}</style></head>` +
    `<body><div id="${EMBED_ROOT_ID}" role="alert"><h1>${escapeHtml(t.failed)}</h1>` +
    `<ul class="reasons">${reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join("")}</ul>` +
    `<p class="sub">${escapeHtml(t.failedHint)}</p></div>${script}</body></html>`
  );
}
