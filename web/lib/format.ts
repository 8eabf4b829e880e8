import type { Locale } from "../i18n";

/** Chinese readers expect 万 and 亿 for large counts; English readers thousands separators. */
export function formatCount(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return "—";
  if (locale === "en") return value.toLocaleString("en-US");
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${trim(value / 1e8)}亿`;
  if (abs >= 1e5) return `${trim(value / 1e4)}万`;
  return value.toLocaleString("zh-CN");
}

function trim(value: number): string {
  return value.toFixed(2).replace(/\.?0+$/, "");
}
