/**
 * Numbers as readers of each language expect them; the embeds and the dashboard (`web/lib/format.ts`)
 * both format through here.
 */

import type { EmbedLang, EmbedUnit } from "./view";

const LOCALES: Record<EmbedLang, string> = { zh: "zh-CN", en: "en-US" };

/**
 * Chinese readers expect 万 from 100,000 and 亿 from 100,000,000 (two decimals at most);
 * English readers thousands separators. A dash when there is no value.
 *
 * @example formatCount(3_985_758, "zh") // "398.58万"
 */
export function formatCount(value: number | null | undefined, lang: EmbedLang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (lang === "en") return plain(value).toLocaleString(LOCALES.en);
  const abs = Math.abs(value);
  // 99,999,999 rounds to 10000万: write it as 1亿 instead.
  if (abs >= 1e8 || trim(abs / 1e4) === "10000") return `${trim(value / 1e8)}亿`;
  if (abs >= 1e5) return `${trim(value / 1e4)}万`;
  return plain(value).toLocaleString(LOCALES.zh);
}

/** A rate already in percent (0–100), one decimal at most. */
export function formatPercent(percent: number | null | undefined, lang: EmbedLang): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return "—";
  return `${plain(percent).toLocaleString(LOCALES[lang], { maximumFractionDigits: 1 })}%`;
}

/** An amount in 万元 (the fee row), two decimals at most; the unit is the caller's to write. */
export function formatAmount(value: number | null | undefined, lang: EmbedLang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return plain(value).toLocaleString(LOCALES[lang], { maximumFractionDigits: 2 });
}

/** A value of a figure as charts label it (582万, 87.5%, 0.13). */
export function formatValue(value: number | null, unit: EmbedUnit, lang: EmbedLang): string {
  if (unit === "rate") return formatPercent(value, lang);
  if (unit === "amount") return formatAmount(value, lang);
  return formatCount(value, lang);
}

/**
 * A value in full, for tables and screen readers: every digit of a count (5,820,000, not 582万),
 * fees to the 4 decimals reports print.
 */
export function formatExact(value: number | null, unit: EmbedUnit, lang: EmbedLang): string {
  if (value === null || !Number.isFinite(value)) return "—";
  if (unit === "rate") return formatPercent(value, lang);
  return plain(value).toLocaleString(LOCALES[lang], {
    maximumFractionDigits: unit === "amount" ? 4 : 0,
  });
}

function trim(value: number): string {
  return plain(Number(value.toFixed(2))).toString();
}

/** -0 prints as "-0" in `toLocaleString`. */
function plain(value: number): number {
  return value === 0 ? 0 : value;
}
