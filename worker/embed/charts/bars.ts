/**
 * Horizontal bars in the order given (agencies or years), the value at the end of each bar; long
 * names cut with "…", the full name in the row's `<title>`.
 */

import { escapeHtml, safeHref, textWidth, truncate } from "../markup";
import { formatValue } from "../number-format";
import { linearScale } from "../scale";
import { EMBED_TEXT } from "../text";
import type { EmbedPoint, EmbedView } from "../view";
import {
  chartSize,
  emptyChart,
  FONT,
  round,
  svgFrame,
  tooltip,
  unitCaption,
  valueWithUnit,
  type ChartOptions,
} from "./svg";

/** Names longer than this many ems (about 13 Chinese characters) are cut. */
const LABEL_MAX_EM = 13;
const ROW = 24;
const BAR = 16;
const GAP = 8;
/** Stacked rows: the name on a line of its own above the bar, so it can use the whole width. */
const STACKED_ROW = 36;
const STACKED_BAR = 12;
/** The share of the width beyond which a name goes above its bar. */
const STACK_ABOVE = 0.3;

export function renderBars(view: EmbedView, options: ChartOptions = {}): string {
  const { points, lang } = view;
  if (points.length === 0) return emptyChart(view, options);
  const { width } = chartSize(options);
  // Names on a line of their own when the compact drawing is too narrow to give them a column;
  // short ones (years) keep theirs.
  const stacked =
    options.layout === "compact" &&
    Math.max(...points.map((p) => textWidth(p.label))) * FONT > width * STACK_ABOVE;
  const labels = points.map((p) => truncate(p.label, stacked ? width / FONT : LABEL_MAX_EM));
  const values = points.map((p) => formatValue(p.value, view.figure.unit, lang));
  const labelWidth = stacked ? 0 : Math.max(...labels.map(textWidth)) * FONT;
  const valueWidth = Math.max(...values.map(textWidth)) * FONT;
  const unit = unitCaption(view);
  const top = unit ? 22 : 4;
  const row = stacked ? STACKED_ROW : ROW;
  const bar = stacked ? STACKED_BAR : BAR;

  const x0 = stacked ? 0 : round(labelWidth + GAP);
  const max = Math.max(0, ...points.map((p) => p.value ?? 0));
  const x = linearScale([0, max || 1], [0, width - x0 - GAP - valueWidth]);

  const rows = points.map((point, i) => {
    // Side by side: name, bar and value on one line. Stacked: the name above the bar and value.
    const cy = stacked ? top + i * row + row - bar / 2 - 4 : top + i * row + row / 2;
    const labelY = stacked ? top + i * row + 12 : cy;
    const length = point.value === null ? 0 : round(Math.max(0, x(point.value)));
    const label = stacked
      ? `<text class="tx" x="0" y="${labelY}">${escapeHtml(labels[i]!)}</text>`
      : `<text class="tx" x="${round(labelWidth)}" y="${cy}" dy=".35em" text-anchor="end">${escapeHtml(labels[i]!)}</text>`;
    return (
      `<g>${tooltip(`${point.label}${EMBED_TEXT[lang].colon}${valueWithUnit(point.value, view)}`)}` +
      (point.href
        ? `<a href="${safeHref(point.href)}" target="_blank" rel="noopener" tabindex="-1">${label}</a>`
        : label) +
      (length > 0
        ? `<rect class="sr" x="${x0}" y="${cy - bar / 2}" width="${length}" height="${bar}" rx="2"/>`
        : "") +
      `<text class="mu" x="${round(x0 + length + 4)}" y="${cy}" dy=".35em">${escapeHtml(values[i]!)}</text></g>`
    );
  });

  return svgFrame({
    width,
    height: top + points.length * row + 4,
    title: view.title,
    desc: describeBars(view),
    body:
      (unit ? `<text class="mu" x="0" y="12">${escapeHtml(unit)}</text>` : "") +
      // Stacked names sit where the axis would run.
      (stacked
        ? ""
        : `<line class="ax" x1="${x0}" x2="${x0}" y1="${top}" y2="${top + points.length * row}"/>`) +
      rows.join(""),
    id: options.id,
    layout: options.layout,
  });
}

/** "网站访问量，共 20 项。最高：…；最低：…" — the extremes and the count, not every bar. */
function describeBars(view: EmbedView): string {
  const t = EMBED_TEXT[view.lang];
  const known = view.points.filter((p): p is EmbedPoint & { value: number } => p.value !== null);
  const parts = [`${view.figure.label}${t.sep}${t.ofItems(view.points.length)}`];
  if (known.length > 0) {
    const highest = known.reduce((a, b) => (b.value > a.value ? b : a));
    const lowest = known.reduce((a, b) => (b.value < a.value ? b : a));
    parts.push(`${t.highest}${t.colon}${highest.label} ${valueWithUnit(highest.value, view)}`);
    if (known.length > 1)
      parts.push(`${t.lowest}${t.colon}${lowest.label} ${valueWithUnit(lowest.value, view)}`);
  }
  const missing = view.points.length - known.length;
  if (missing > 0) parts.push(t.missing(missing));
  return parts.join(t.listSep);
}
