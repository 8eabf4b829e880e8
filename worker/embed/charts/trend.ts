/**
 * A figure over the years: a line through the known years (broken where a year is blank), y axis
 * on nice ticks, and a dashed line where the report template changed.
 */

import { escapeHtml, textWidth } from "../markup";
import { formatValue } from "../number-format";
import { linearScale, niceTicks } from "../scale";
import { EMBED_TEXT } from "../text";
import type { EmbedView } from "../view";
import {
  chartSize,
  emptyChart,
  round,
  svgFrame,
  tooltip,
  unitCaption,
  valueWithUnit,
  type ChartOptions,
} from "./svg";

/** The drawing's height by layout: the compact one is narrower, so less tall for the same shape. */
const HEIGHT = { wide: 240, compact: 200 };
const TOP = 30;
const BOTTOM = 24;
const RIGHT = 12;
/** Room between the axis and the first and last year. */
const INSET = 18;
/** Space between two year labels, in user units. */
const LABEL_GAP = 8;

export function renderTrend(view: EmbedView, options: ChartOptions = {}): string {
  const { points, lang, figure } = view;
  const t = EMBED_TEXT[lang];
  const known = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  if (points.length === 0 || known.length === 0) return emptyChart(view, options);
  const { width, small } = chartSize(options);
  const height = HEIGHT[options.layout ?? "wide"];

  const ticks = niceTicks(
    Math.min(0, ...known),
    Math.max(...known),
    4,
    figure.unit === "count" ? 1 : 0,
  );
  const tickLabels = ticks.map((v) => formatValue(v, figure.unit, lang));
  const left = round(Math.max(...tickLabels.map(textWidth)) * small + 8);
  const bottom = height - BOTTOM;
  const y = linearScale([ticks[0]!, ticks[ticks.length - 1]!], [bottom, TOP]);

  const byYear = points.every((p) => p.year !== undefined);
  const first = byYear ? points[0]!.year! : 0;
  const last = byYear ? points[points.length - 1]!.year! : points.length - 1;
  const xScale = linearScale([first, last], [left + INSET, width - RIGHT - INSET]);
  const x = (i: number) =>
    round(points.length === 1 ? (left + width - RIGHT) / 2 : xScale(byYear ? points[i]!.year! : i));

  let body = "";
  const unit = unitCaption(view);
  if (unit) body += `<text class="mu" x="0" y="12">${escapeHtml(unit)}</text>`;
  ticks.forEach((tick, i) => {
    const ty = round(y(tick));
    body +=
      `<line class="${tick === 0 ? "ax" : "gr"}" x1="${left}" x2="${width - RIGHT}" y1="${ty}" y2="${ty}"/>` +
      `<text class="mu sm" x="${left - 6}" y="${ty}" dy=".35em" text-anchor="end">${escapeHtml(tickLabels[i]!)}</text>`;
  });
  const every = labelStep(
    points.map((p) => textWidth(p.label) * small),
    Math.min(width, ...points.slice(1).map((_, i) => x(i + 1) - x(i))),
  );
  points.forEach((p, i) => {
    // Counted back from the latest year, which is always labelled.
    if ((points.length - 1 - i) % every === 0)
      body += `<text class="mu sm" x="${x(i)}" y="${bottom + 16}" text-anchor="middle">${escapeHtml(p.label)}</text>`;
  });

  const marker = breakPosition(view, x);
  if (marker !== null) {
    const label = t.breakLabel(view.templateBreakYear!);
    const fits = marker + 4 + textWidth(label) * small <= width;
    body += `<line class="brk" x1="${marker}" x2="${marker}" y1="${TOP - 12}" y2="${bottom}"/>`;
    // A compact chart has no room beside the line for it; the page's note below says the same.
    if (options.layout !== "compact")
      body += `<text class="mu sm" x="${fits ? marker + 4 : marker - 4}" y="${TOP - 4}"${fits ? "" : ' text-anchor="end"'}>${escapeHtml(label)}</text>`;
  }

  body += `<path class="ln" d="${linePath(view, x, y)}"/>`;
  let lastKnown = -1;
  points.forEach((p, i) => {
    if (p.value === null) return;
    lastKnown = i;
    body += `<circle class="pt" cx="${x(i)}" cy="${round(y(p.value))}" r="3.5">${tooltip(`${p.label}${t.colon}${valueWithUnit(p.value, view)}`)}</circle>`;
  });
  // The value of the latest year, above its point; right-aligned when it is the rightmost point.
  const rightmost = lastKnown === points.length - 1 && points.length > 1;
  const latest = formatValue(points[lastKnown]!.value, figure.unit, lang);
  body += `<text class="tx vl" x="${rightmost ? x(lastKnown) + 6 : x(lastKnown)}" y="${round(y(points[lastKnown]!.value!) - 9)}" text-anchor="${rightmost ? "end" : "middle"}">${escapeHtml(latest)}</text>`;

  return svgFrame({
    width,
    height,
    title: view.title,
    desc: describeTrend(view),
    body,
    id: options.id,
    layout: options.layout,
  });
}

/** Label every `n`th year, the smallest `n` at which neighbouring labels do not touch. */
function labelStep(labelWidths: number[], spacing: number): number {
  const widest = Math.max(0, ...labelWidths) + LABEL_GAP;
  return Math.max(1, Math.ceil(widest / Math.max(spacing, 1)));
}

/**
 * Where the template change falls between two drawn years (halfway), or null when the years shown
 * do not run across it.
 */
function breakPosition(view: EmbedView, x: (i: number) => number): number | null {
  const year = view.templateBreakYear;
  if (year === undefined) return null;
  const after = view.points.findIndex((p) => p.year !== undefined && p.year >= year);
  if (after <= 0 || view.points[after - 1]!.year === undefined) return null;
  return round((x(after - 1) + x(after)) / 2);
}

/** One `M…L…` run per stretch of known years: a blank year leaves a gap. */
function linePath(view: EmbedView, x: (i: number) => number, y: (v: number) => number): string {
  let d = "";
  let drawing = false;
  view.points.forEach((p, i) => {
    if (p.value === null) {
      drawing = false;
      return;
    }
    d += `${drawing ? "L" : "M"}${x(i)} ${round(y(p.value))}`;
    drawing = true;
  });
  return d;
}

/** "网站访问量：2019 年 120万次；2020 年 无数据；…" — every year, and the template change. */
function describeTrend(view: EmbedView): string {
  const t = EMBED_TEXT[view.lang];
  const years = view.points
    .map((p) => `${p.label} ${p.value === null ? t.noData : valueWithUnit(p.value, view)}`)
    .join(t.listSep);
  const spans = view.templateBreakYear !== undefined && spansBreak(view);
  return `${view.figure.label}${t.colon}${years}${spans ? `${t.stop}${t.breakNote(view.templateBreakYear!)}` : ""}`;
}

/** Whether the years shown run from before the template change to after it. */
export function spansBreak(view: Pick<EmbedView, "points" | "templateBreakYear">): boolean {
  const year = view.templateBreakYear;
  if (year === undefined) return false;
  const years = view.points.flatMap((p) => (p.year === undefined ? [] : [p.year]));
  return years.some((y) => y < year) && years.some((y) => y >= year);
}
