/**
 * How applications were handled: one 100 % stacked bar per agency or year, the six outcome
 * families in the dashboard's colours, a legend below; each segment's `<title>` has count and share.
 */

import { escapeHtml, textWidth, truncate } from "../markup";
import { formatPercent } from "../number-format";
import { darkInkOn, OUTCOME_COLOURS, SERIES_ORDER } from "../palette";
import { EMBED_TEXT } from "../text";
import type { EmbedMixRow, EmbedView } from "../view";
import {
  chartSize,
  emptyChart,
  FONT,
  round,
  svgFrame,
  tooltip,
  valueWithUnit,
  type ChartOptions,
} from "./svg";

const LABEL_MAX_EM = 10;
const ROW = 28;
const BAR = 20;
/** Stacked rows: the name above its bar, which then spans the whole width. */
const STACKED_ROW = 42;
/** The share of the width beyond which a name goes above its bar. */
const STACK_ABOVE = 0.3;
const GAP = 8;
const SWATCH = 10;
/** Segments narrower than this carry their share only in the `<title>`. */
const MIN_LABELLED = 34;

export interface MixFamily {
  key: string;
  label: string;
  colour: string;
}

export function renderOutcomeMix(view: EmbedView, options: ChartOptions = {}): string {
  const rows = view.mix ?? [];
  if (rows.length === 0) return emptyChart(view, options);
  const t = EMBED_TEXT[view.lang];
  const { width: viewWidth } = chartSize(options);
  // Names above their bars when the compact drawing is too narrow to give them a column.
  const stacked =
    options.layout === "compact" &&
    Math.max(...rows.map((r) => textWidth(r.label))) * FONT > viewWidth * STACK_ABOVE;
  const families = mixFamilies(rows);
  const labels = rows.map((r) => truncate(r.label, stacked ? viewWidth / FONT : LABEL_MAX_EM));
  const labelWidth = stacked ? 0 : Math.max(...labels.map(textWidth)) * FONT;
  const x0 = stacked ? 0 : round(labelWidth + GAP);
  const barWidth = viewWidth - x0;
  const row = stacked ? STACKED_ROW : ROW;

  let body = "";
  rows.forEach((mixRow, i) => {
    const y = stacked ? i * row + 16 : i * row + (row - BAR) / 2;
    const cy = y + BAR / 2;
    const label = stacked
      ? `<text class="tx" x="0" y="${i * row + 12}">${escapeHtml(labels[i]!)}</text>`
      : `<text class="tx" x="${round(labelWidth)}" y="${cy}" dy=".35em" text-anchor="end">${escapeHtml(labels[i]!)}</text>`;
    body += `<g>${tooltip(mixRow.label)}${label}</g>`;
    const values = families.map((f) => Math.max(0, partValue(mixRow, f.key)));
    const total = values.reduce((a, b) => a + b, 0);
    if (total === 0) {
      body += `<text class="mu" x="${x0}" y="${cy}" dy=".35em">${t.noData}</text>`;
      return;
    }
    const shares = percentShares(values);
    let x = x0;
    families.forEach((family, j) => {
      const value = values[j]!;
      if (value === 0) return;
      const width = (value / total) * barWidth;
      const share = formatPercent(shares[j], view.lang);
      body +=
        `<rect class="seg" x="${round(x)}" y="${y}" width="${round(width)}" height="${BAR}" fill="${family.colour}">` +
        `${tooltip(`${mixRow.label} · ${family.label}${t.colon}${t.share(valueWithUnit(value, view), share)}`)}</rect>`;
      if (width >= MIN_LABELLED)
        body += `<text class="${darkInkOn(family.colour) ? "ink-d" : "ink-l"} sm" x="${round(x + width / 2)}" y="${cy}" dy=".35em" text-anchor="middle">${formatPercent(Math.round(shares[j]!), view.lang)}</text>`;
      x += width;
    });
  });

  const legend = legendItems(families, rows.length * row + 8, viewWidth);
  return svgFrame({
    width: viewWidth,
    height: legend.bottom + 6,
    title: view.title,
    desc: describeOutcomeMix(view),
    body: body + legend.markup,
    id: options.id,
    layout: options.layout,
  });
}

/** The families in the order the first row lists them (then any only later rows have). */
export function mixFamilies(rows: readonly EmbedMixRow[]): MixFamily[] {
  const families: MixFamily[] = [];
  for (const row of rows)
    for (const part of row.parts)
      if (!families.some((f) => f.key === part.key))
        families.push({
          key: part.key,
          label: part.label,
          colour:
            (OUTCOME_COLOURS as Record<string, string>)[part.key] ??
            SERIES_ORDER[families.length % SERIES_ORDER.length]!,
        });
  return families;
}

export function partValue(row: EmbedMixRow, key: string): number {
  return row.parts.find((p) => p.key === key)?.value ?? 0;
}

/**
 * Each value's share in percent to one decimal, adding up to exactly 100 (largest remainder);
 * all zeros when the total is zero.
 */
export function percentShares(values: readonly number[]): number[] {
  const total = values.reduce((a, b) => a + Math.max(0, b), 0);
  if (total === 0) return values.map(() => 0);
  const exact = values.map((v) => (Math.max(0, v) / total) * 1000);
  const tenths = exact.map(Math.floor);
  let left = 1000 - tenths.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, rest: e - Math.floor(e) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    tenths[i]! += 1;
    left -= 1;
  }
  return tenths.map((n) => n / 10);
}

/** Swatch and name per family, wrapping onto further lines as the width runs out. */
function legendItems(
  families: readonly MixFamily[],
  top: number,
  viewWidth: number,
): { markup: string; bottom: number } {
  let x = 0;
  let y = top;
  let markup = "";
  for (const family of families) {
    const width = SWATCH + 6 + textWidth(family.label) * FONT + 14;
    if (x > 0 && x + width > viewWidth) {
      x = 0;
      y += 20;
    }
    markup +=
      `<rect x="${round(x)}" y="${y + 2}" width="${SWATCH}" height="${SWATCH}" fill="${family.colour}"/>` +
      `<text class="tx" x="${round(x + SWATCH + 6)}" y="${y + 7}" dy=".35em">${escapeHtml(family.label)}</text>`;
    x += width;
  }
  return { markup, bottom: y + 14 };
}

/** "2024：予以公开 45.6%，部分公开 …；2023：…" */
function describeOutcomeMix(view: EmbedView): string {
  const t = EMBED_TEXT[view.lang];
  const rows = view.mix ?? [];
  const families = mixFamilies(rows);
  const described = rows.map((row) => {
    const values = families.map((f) => partValue(row, f.key));
    if (values.every((v) => v === 0)) return `${row.label}${t.colon}${t.noData}`;
    const shares = percentShares(values);
    return `${row.label}${t.colon}${families.map((f, j) => `${f.label} ${formatPercent(shares[j], view.lang)}`).join(t.sep)}`;
  });
  return `${view.figure.label}${t.colon}${described.join(t.listSep)}`;
}
