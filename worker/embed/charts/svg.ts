/**
 * What every embed chart shares: the accessible `<svg>` frame, sizes, and values with their unit.
 * Colours are CSS classes styled by the page (`EMBED_CSS`), so one chart serves every theme.
 */

import { escapeHtml } from "../markup";
import { formatValue } from "../number-format";
import { EMBED_TEXT } from "../text";
import type { EmbedView } from "../view";

/** The drawing width in user units; the SVG scales to its box (`width="100%"`). */
const VIEW_WIDTH = 560;
/** Label text size in user units; `textWidth` ems × this = width. */
export const FONT = 12;
/** Axis tick text size. */
const SMALL = 11;

/**
 * `wide` for frames of 480 px and more; `compact` below, drawn 300 units wide with no text under
 * 12 units, so that in a 320 px frame (10 px padding each side) every label is drawn at 12 px or
 * larger instead of a 560-wide drawing shrunk to half.
 */
export type ChartLayout = "wide" | "compact";

/** The compact drawing's width: a 320 px frame less the compact page's padding. */
const COMPACT_WIDTH = 300;

export interface ChartOptions {
  /** Prefix of the ids the SVG's `<title>`/`<desc>` get; unique per document. Default "nb". */
  id?: string;
  /** Default "wide". */
  layout?: ChartLayout;
}

/** Width and text sizes of a layout, in user units. */
export function chartSize(options: ChartOptions): { width: number; font: number; small: number } {
  return options.layout === "compact"
    ? { width: COMPACT_WIDTH, font: FONT, small: FONT }
    : { width: VIEW_WIDTH, font: FONT, small: SMALL };
}

/** The `<svg>`: `role="img"`, named by its `<title>` and described by its `<desc>`. */
export function svgFrame(frame: {
  width: number;
  height: number;
  title: string;
  desc: string;
  body: string;
  id?: string;
  layout?: ChartLayout;
}): string {
  const id = escapeHtml(frame.id ?? "nb");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart ${frame.layout ?? "wide"}" role="img" aria-labelledby="${id}-t ${id}-d" ` +
    `viewBox="0 0 ${frame.width} ${round(frame.height)}" width="100%">` +
    `<title id="${id}-t">${escapeHtml(frame.title)}</title><desc id="${id}-d">${escapeHtml(frame.desc)}</desc>` +
    `${frame.body}</svg>`
  );
}

/** A chart with nothing to draw: the frame and a "no data" line. */
export function emptyChart(view: EmbedView, options: ChartOptions): string {
  const t = EMBED_TEXT[view.lang];
  const { width } = chartSize(options);
  return svgFrame({
    width,
    height: 40,
    title: view.title,
    desc: `${view.figure.label}${t.colon}${t.noData}`,
    body: `<text class="mu" x="${width / 2}" y="24" text-anchor="middle">${t.noData}</text>`,
    id: options.id,
    layout: options.layout,
  });
}

/** A value as charts print it, with the figure's unit (582万次, 5,820,000 visits, 87.5%). */
export function valueWithUnit(value: number | null, view: EmbedView): string {
  const formatted = formatValue(value, view.figure.unit, view.lang);
  if (value === null || view.figure.unit === "rate" || !view.figure.unitLabel) return formatted;
  return `${formatted}${EMBED_TEXT[view.lang].unitJoin}${view.figure.unitLabel}`;
}

/** The unit line charts print in a corner ("单位：次"); none for rates, which carry their %. */
export function unitCaption(view: EmbedView): string | null {
  if (view.figure.unit === "rate" || !view.figure.unitLabel) return null;
  return EMBED_TEXT[view.lang].unit(view.figure.unitLabel);
}

/** Coordinates to one decimal: enough on a 560-wide drawing, and fewer bytes. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** `<title>` for a mark (a tooltip on hover), escaped. */
export function tooltip(text: string): string {
  return `<title>${escapeHtml(text)}</title>`;
}
