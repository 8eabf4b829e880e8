/**
 * What an embedded chart shows, already loaded and labelled: the one input of the embed renderers.
 * The route builds it (data, language, theme); everything under `worker/embed/` turns it into HTML.
 */

export type EmbedKind = "card" | "bars" | "trend" | "outcome_mix";
export type EmbedTheme = "light" | "dark" | "auto";
export type EmbedLang = "zh" | "en";

/** How a figure's values read: whole counts, rates in percent, amounts in 万元. */
export type EmbedUnit = "count" | "rate" | "amount";

/**
 * One value. `value` is a count, a rate in percent (0–100, as `figureNumber` gives it) or an
 * amount in 万元, per the figure's unit; null when the report left it blank or it is not computed.
 */
export interface EmbedPoint {
  label: string;
  value: number | null;
  year?: number;
  href?: string;
}

/** One stacked bar: the six outcome families of one agency or year, as counts. */
export interface EmbedMixRow {
  label: string;
  year?: number;
  parts: { key: string; label: string; value: number }[];
}

export interface EmbedView {
  lang: EmbedLang;
  theme: EmbedTheme;
  transparent: boolean;
  /** e.g. "洛阳市人民政府办公室 · 网站访问量" */
  title: string;
  /** e.g. "2019–2024 年" or a scope note */
  subtitle?: string;
  figure: { key: string; label: string; unit: EmbedUnit; unitLabel: string };
  kind: EmbedKind;
  /**
   * card: the years (the last is shown, the one before gives the change); bars: agencies or years,
   * drawn in the order given; trend: years ascending.
   */
  points: EmbedPoint[];
  /** outcome_mix only */
  mix?: EmbedMixRow[];
  /** e.g. "公开率：分母少于 5 件的年份不计算" */
  notes?: string[];
  /** 2021: where the report template changed; trend marks it, the page notes it. */
  templateBreakYear?: number;
  /** The "数据" link: a CSV of exactly what is shown. */
  dataUrl: string;
  /** The public page behind "查看详情 / More". */
  pageUrl: string;
  /** e.g. "年报平台 · 政府信息公开工作年度报告" */
  source: string;
  /** ISO date of the newest publication shown. */
  dataDate: string;
  /** Data version shown in the footer, e.g. "v1234". */
  version: string;
  licence: { name: string; url: string };
}
