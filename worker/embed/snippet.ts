/** The HTML a site pastes to embed a chart; the dashboard's embed builder shows it. */

import { escapeHtml } from "./markup";

export interface SnippetOptions {
  /** The embed page, absolute: `https://…/embed/agency/123?metric=…&kind=trend` */
  src: string;
  /** The iframe's accessible name, e.g. the chart title. */
  title: string;
  /**
   * Height in px: the embed's measured height, so that the frame shows the whole chart without
   * the loader; with it, the loader follows the content from there.
   */
  height: number;
  /** Widest the frame gets, in px: the height was measured up to this width. */
  maxWidth?: number;
  /** Where `/embed/loader.js` is served, e.g. `https://nianbao.example.org`. */
  origin: string;
}

/**
 * An iframe that works on its own (measured height, no script needed) plus the loader that fits
 * its height to the chart.
 *
 * @example embedSnippet({ src: "https://n.example/embed/agency/1?kind=card", title: "访问量", height: 160, origin: "https://n.example" })
 */
export function embedSnippet({ src, title, height, maxWidth, origin }: SnippetOptions): string {
  const px = Math.max(1, Math.ceil(height));
  const loader = `${origin.replace(/\/+$/, "")}/embed/loader.js`;
  const widest = maxWidth ? `;max-width:${Math.round(maxWidth)}px` : "";
  return (
    `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" data-nianbao-embed loading="lazy" ` +
    `style="width:100%${widest};border:0" height="${px}"></iframe>\n` +
    `<script async src="${escapeHtml(loader)}"></script>`
  );
}
