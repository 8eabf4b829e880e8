/**
 * One number large: the last year's value with its unit, the year, and the change from the year
 * before (▲/▼ with sign; % for counts and amounts, percentage points for rates), or "—".
 */

import { escapeHtml, textWidth, truncate } from "../markup";
import { formatAmount, formatPercent, formatValue } from "../number-format";
import { EMBED_TEXT } from "../text";
import type { EmbedPoint, EmbedView } from "../view";
import {
  chartSize,
  emptyChart,
  FONT,
  round,
  svgFrame,
  valueWithUnit,
  type ChartOptions,
} from "./svg";

/** The wide card's width; a compact one takes the compact drawing's. */
const WIDE_WIDTH = 320;
const HEIGHT = 118;
const BIG = 40;
const UNIT = 16;

interface CardChange {
  direction: "up" | "down" | "flat";
  /** "+12.3%", "−2.1 个百分点", "+5" (from zero, where a percentage means nothing) */
  text: string;
}

export function renderCard(view: EmbedView, options: ChartOptions = {}): string {
  const { points, lang, figure } = view;
  const t = EMBED_TEXT[lang];
  const current = points[points.length - 1];
  if (current === undefined) return emptyChart(view, options);
  const previous = points.length > 1 ? points[points.length - 2]! : undefined;
  const width = options.layout === "compact" ? chartSize(options).width : WIDE_WIDTH;
  const year = ` · ${current.label}`;
  const label = truncate(figure.label, width / FONT - textWidth(year));

  const number = formatValue(current.value, figure.unit, lang);
  const unit = current.value === null || figure.unit === "rate" ? "" : figure.unitLabel;
  const unitWidth = unit ? textWidth(unit) * UNIT + 6 : 0;
  // Shrink the number rather than let a long one (3,985,758,000 visits) run off the card. An
  // attribute, not `style=`, so the page's CSP needs no 'unsafe-inline' for attributes.
  const size = Math.min(BIG, round((width - unitWidth) / (textWidth(number) * 1.05)));
  const change = cardChange(current, previous, view);
  const versus = t.versus(previous?.label ?? t.previous);
  const changeText = change
    ? `${change.direction === "up" ? "▲ " : change.direction === "down" ? "▼ " : ""}${change.text}`
    : "—";

  const body =
    `<text class="mu" x="0" y="16">${escapeHtml(label + year)}</text>` +
    `<text class="tx big" x="0" y="66"><tspan font-size="${size}">${escapeHtml(number)}</tspan>` +
    (unit ? `<tspan class="un" dx="6">${escapeHtml(unit)}</tspan>` : "") +
    `</text><text class="mu" x="0" y="100">${escapeHtml(versus)} <tspan class="tx">${escapeHtml(changeText)}</tspan></text>`;

  return svgFrame({
    width,
    height: HEIGHT,
    title: view.title,
    desc: describeCard(view),
    body,
    id: options.id,
    layout: options.layout,
  });
}

/** The change from `previous` to `current`; null when either is unknown. */
function cardChange(
  current: EmbedPoint,
  previous: EmbedPoint | undefined,
  view: Pick<EmbedView, "figure" | "lang">,
): CardChange | null {
  if (current.value === null || previous === undefined || previous.value === null) return null;
  const { unit } = view.figure;
  const t = EMBED_TEXT[view.lang];
  const diff = current.value - previous.value;
  let magnitude: string;
  let shown: number;
  if (unit === "rate") {
    // From the rates as printed (one decimal), so 61.3% → 63.4% reads +2.1, whatever the digits beyond.
    shown = Math.abs(Math.round(current.value * 10) - Math.round(previous.value * 10)) / 10;
    magnitude = `${formatAmount(shown, view.lang)} ${t.points}`;
  } else if (previous.value === 0) {
    shown = Math.abs(diff);
    magnitude = formatValue(shown, unit, view.lang);
  } else {
    shown = Math.round((Math.abs(diff) / Math.abs(previous.value)) * 1000) / 10;
    magnitude = formatPercent(shown, view.lang);
  }
  if (shown === 0) return { direction: "flat", text: t.noChange };
  return diff > 0
    ? { direction: "up", text: `+${magnitude}` }
    : { direction: "down", text: `−${magnitude}` };
}

/** "网站访问量 2024：582万次，较 2023 增加 11.9%" */
function describeCard(view: EmbedView): string {
  const t = EMBED_TEXT[view.lang];
  const current = view.points[view.points.length - 1];
  if (current === undefined) return `${view.figure.label}${t.colon}${t.noData}`;
  const previous = view.points.length > 1 ? view.points[view.points.length - 2] : undefined;
  const value = current.value === null ? t.noData : valueWithUnit(current.value, view);
  const change = cardChange(current, previous, view);
  const against = previous?.label ?? t.previous;
  const words =
    change === null
      ? t.noComparison(against)
      : t.changeWords(change.direction, change.text.replace(/^[+−]/, ""), against);
  return `${view.figure.label} ${current.label}${t.colon}${value}${t.sep}${words}`;
}
