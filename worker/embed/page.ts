/**
 * The embed page: a complete HTML document with the chart as inline SVG, readable with no script at
 * all; the numbers again in a visually hidden table, the data link, the source and licence.
 */

import { renderBars } from "./charts/bars";
import { renderCard } from "./charts/card";
import { mixFamilies, partValue, percentShares, renderOutcomeMix } from "./charts/outcome-mix";
import type { ChartOptions } from "./charts/svg";
import { renderTrend, spansBreak } from "./charts/trend";
import { escapeHtml, safeHref } from "./markup";
import { formatExact, formatPercent } from "./number-format";
import { EMBED_ROOT_ID } from "./resize-script";
import { EMBED_TEXT, type EmbedText } from "./text";
import type { EmbedView } from "./view";

/** Frames narrower than this (in CSS px) get the compact drawing. */
const COMPACT_BELOW = 480;

export interface EmbedPageOptions {
  /** The resize script's URL; without it the page has no script at all. */
  resizeScriptUrl?: string;
}

const LIGHT =
  "--bg:#fff;--fg:#1b1b1b;--mu:#575757;--gr:#e4e4e4;--ax:#8c8c8c;--ln:#0a58a8;--s:#0072B2";
const DARK =
  "--bg:#161616;--fg:#ececec;--mu:#ababab;--gr:#343434;--ax:#7a7a7a;--ln:#7fc3f5;--s:#56B4E9";

/**
 * The page's styles: custom properties per theme (`theme-light`, `theme-dark`, and `theme-auto`
 * following the reader's system), `transparent` for the host's own background.
 */
export const EMBED_CSS =
  `html{${LIGHT}}.theme-dark{${DARK}}@media (prefers-color-scheme:dark){.theme-auto{${DARK}}}` +
  // WARNING: an iframe whose color-scheme differs from its host's gets an opaque backdrop, so a
  // transparent page declares none. https://github.com/w3c/csswg-drafts/issues/4772
  `.theme-light:not(.transparent){color-scheme:light}.theme-dark:not(.transparent){color-scheme:dark}` +
  `.theme-auto:not(.transparent){color-scheme:light dark}.transparent{--bg:transparent}` +
  `html,body{margin:0;background:var(--bg);color:var(--fg)}` +
  `body{font:14px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif;font-variant-numeric:tabular-nums;-webkit-text-size-adjust:100%;overflow-wrap:anywhere}` +
  `#${EMBED_ROOT_ID}{padding:12px 16px}h1{font-size:16px;line-height:1.35;margin:0;font-weight:600}` +
  `.sub,.notes,.links,footer{font-size:12px;color:var(--mu);margin:2px 0 0}.fig{margin:10px 0 6px}` +
  `.reasons{margin:8px 0;padding-inline-start:1.2em}.notes{padding:0;list-style:none}a{color:var(--ln)}a:focus-visible{outline:2px solid var(--ln);outline-offset:2px}` +
  `.chart{display:block;width:100%;height:auto;overflow:visible}.chart text{font-size:12px;fill:var(--fg)}` +
  // One drawing per layout; the frame's own width picks which (no script needed).
  `.chart.compact{display:none}.fig-card .chart.wide{max-width:400px}` +
  `@media (max-width:${COMPACT_BELOW - 0.02}px){#${EMBED_ROOT_ID}{padding:8px 10px}.chart.wide{display:none}` +
  `.chart.compact{display:block;max-width:360px}}` +
  `.chart .mu{fill:var(--mu)}.chart.wide .sm{font-size:11px}.chart .big,.chart .vl{font-weight:600}` +
  `.chart .un{font-size:16px;fill:var(--mu)}.chart .sr,.chart .pt{fill:var(--s)}.chart .pt{stroke:var(--bg);stroke-width:1.5}` +
  `.chart .ln{fill:none;stroke:var(--s);stroke-width:2;stroke-linejoin:round;stroke-linecap:round}` +
  `.chart .gr{stroke:var(--gr)}.chart .ax{stroke:var(--ax)}.chart .brk{stroke:var(--mu);stroke-dasharray:4 3}` +
  `.chart .seg{stroke:var(--bg)}.chart .ink-d{fill:#000}.chart .ink-l{fill:#fff}` +
  `table{border-collapse:collapse;font-size:12px}th,td{padding:2px 8px;text-align:start}td{text-align:end}` +
  // Hidden but read aloud; shown when a keyboard user tabs into one of its links. On a wrapper, not
  // the table: a table keeps its content's width whatever its own, and would widen the page.
  `.visually-hidden:not(:focus-within){position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}`;

/** Both drawings of the chart: the wide one and the compact one, which CSS shows below 480 px. */
function renderCharts(view: EmbedView): string {
  return (
    renderChart(view, { id: "nb", layout: "wide" }) +
    renderChart(view, { id: "nbc", layout: "compact" })
  );
}

/** The chart of `view.kind` as an SVG string. */
function renderChart(view: EmbedView, options: ChartOptions = {}): string {
  switch (view.kind) {
    case "card":
      return renderCard(view, options);
    case "bars":
      return renderBars(view, options);
    case "trend":
      return renderTrend(view, options);
    case "outcome_mix":
      return renderOutcomeMix(view, options);
  }
}

/**
 * The whole embed response body.
 *
 * @example renderEmbedPage(view, { resizeScriptUrl: "/embed/resize.js" })
 */
export function renderEmbedPage(view: EmbedView, options: EmbedPageOptions = {}): string {
  const t = EMBED_TEXT[view.lang];
  const classes = `theme-${view.theme}${view.transparent ? " transparent" : ""}`;
  const notes = [...(view.notes ?? [])];
  if (view.templateBreakYear !== undefined && spansBreak(yearsShown(view)))
    notes.push(t.breakNote(view.templateBreakYear));
  const script = options.resizeScriptUrl
    ? `<script src="${safeHref(options.resizeScriptUrl)}" defer></script>`
    : "";

  return (
    `<!doctype html><html lang="${view.lang === "zh" ? "zh-CN" : "en"}" class="${classes}"><head>` +
    `<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${escapeHtml(view.title)}</title><style>${EMBED_CSS}</style></head>` +
    `<body><div id="${EMBED_ROOT_ID}"><header><h1>${escapeHtml(view.title)}</h1>` +
    (view.subtitle ? `<p class="sub">${escapeHtml(view.subtitle)}</p>` : "") +
    `</header><div class="fig fig-${view.kind.replace("_", "-")}">${renderCharts(view)}</div>` +
    (notes.length > 0
      ? `<ul class="notes">${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>`
      : "") +
    dataTable(view, t) +
    `<p class="links">${link(view.dataUrl, t.data, t.csvNewTab)} · ${link(view.pageUrl, t.more, t.newTab)}</p>` +
    `<footer>${t.source}${t.colon}${escapeHtml(view.source)} · ${t.dataDate}${t.colon}` +
    `${escapeHtml(view.dataDate.slice(0, 10))} · ${t.version}${t.colon}${escapeHtml(view.version)} · ` +
    `${t.licence}${t.colon}${link(view.licence.url, escapeHtml(view.licence.name), t.newTab)}</footer>` +
    `</div>${script}</body></html>`
  );
}

/** A link that opens in a new tab and says so to screen readers. `html` is already escaped. */
function link(url: string, html: string, hint: string): string {
  return `<a href="${safeHref(url)}" target="_blank" rel="noopener">${html}<span class="visually-hidden">${hint}</span></a>`;
}

/** The years the chart shows, from its points or its stacked rows. */
function yearsShown(view: EmbedView): Pick<EmbedView, "points" | "templateBreakYear"> {
  const shown = view.kind === "card" ? view.points.slice(-2) : view.points;
  const fromMix = (view.mix ?? []).map((r) => ({ label: r.label, value: null, year: r.year }));
  return {
    points: view.kind === "outcome_mix" ? fromMix : shown,
    templateBreakYear: view.templateBreakYear,
  };
}

/** The numbers of the chart, exactly, for screen readers (and sighted keyboard users on focus). */
function dataTable(view: EmbedView, t: EmbedText): string {
  const { figure } = view;
  const unit = figure.unit === "rate" ? "%" : figure.unitLabel;
  const column = `${figure.label}${unit ? (view.lang === "zh" ? `（${unit}）` : ` (${unit})`) : ""}`;
  const byYear = (view.kind === "outcome_mix" ? (view.mix ?? []) : view.points).every(
    (p) => p.year !== undefined,
  );
  const head = (cells: string[]) =>
    `<thead><tr>${cells.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join("")}</tr></thead>`;
  const rowHead = (label: string, href?: string) =>
    `<th scope="row">${href ? `<a href="${safeHref(href)}" target="_blank" rel="noopener">${escapeHtml(label)}</a>` : escapeHtml(label)}</th>`;
  let body: string;
  if (view.kind === "outcome_mix") {
    const rows = view.mix ?? [];
    const families = mixFamilies(rows);
    body =
      head([byYear ? t.year : t.name, ...families.map((f) => f.label)]) +
      `<tbody>${rows
        .map((row) => {
          const values = families.map((f) => partValue(row, f.key));
          const shares = percentShares(values);
          return `<tr>${rowHead(row.label)}${values
            .map(
              (v, j) =>
                `<td>${escapeHtml(t.share(formatExact(v, "count", view.lang), formatPercent(shares[j], view.lang)))}</td>`,
            )
            .join("")}</tr>`;
        })
        .join("")}</tbody>`;
  } else {
    const points = view.kind === "card" ? view.points.slice(-2) : view.points;
    body =
      head([byYear ? t.year : t.name, column]) +
      `<tbody>${points
        .map(
          (p) =>
            `<tr>${rowHead(p.label, p.href)}<td>${escapeHtml(formatExact(p.value, figure.unit, view.lang))}</td></tr>`,
        )
        .join("")}</tbody>`;
  }
  return `<div class="visually-hidden"><table><caption>${escapeHtml(view.title)}${view.subtitle ? escapeHtml(`${t.sep}${view.subtitle}`) : ""}</caption>${body}</table></div>`;
}
