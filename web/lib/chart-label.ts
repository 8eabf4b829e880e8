/**
 * Category labels on a chart axis: a name that does not fit the axis is cut with an ellipsis
 * (the full name goes in the tick's title and in the table beside the chart), so it never
 * wraps one character per line. Widths are estimated, not measured: a CJK character or a
 * full-width sign takes one em, anything else about half of one.
 */

const ELLIPSIS = "…";

const isWide = (char: string) => /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(char);

/** The estimated width of `text` in ems. */
export function textEms(text: string): number {
  let ems = 0;
  for (const char of text) ems += isWide(char) ? 1 : 0.55;
  return ems;
}

const SEPARATOR = " · ";

/**
 * `text` as it fits in `maxEms`: whole, or cut with an ellipsis. A label of two parts
 * ("agency · 行政复议") keeps its last part and cuts the first, which is what tells apart the
 * bars of one agency.
 */
export function fitLabel(text: string, maxEms: number): string {
  if (textEms(text) <= maxEms) return text;
  const split = text.lastIndexOf(SEPARATOR);
  if (split > 0) {
    const tail = text.slice(split);
    const room = maxEms - textEms(tail);
    if (room >= 3) return cutToFit(text.slice(0, split), room) + tail;
  }
  return cutToFit(text, maxEms);
}

function cutToFit(text: string, maxEms: number): string {
  if (textEms(text) <= maxEms) return text;
  let shown = "";
  let ems = 1; // the ellipsis
  for (const char of text) {
    const next = ems + (isWide(char) ? 1 : 0.55);
    if (next > maxEms) break;
    shown += char;
    ems = next;
  }
  return shown + ELLIPSIS;
}

/**
 * How wide a horizontal bar chart's category axis is, in pixels, for a chart `chartWidth` wide:
 * room for the longest label up to about a third of the chart, never under 5 characters.
 */
export function categoryAxisWidth(
  labels: readonly string[],
  chartWidth: number,
  fontSize: number,
): number {
  const longest = Math.max(0, ...labels.map(textEms)) * fontSize + 12;
  const cap = Math.max(5 * fontSize + 12, Math.round(chartWidth * 0.36));
  return Math.min(Math.ceil(longest), cap);
}
