import type { Locale } from "./locale";

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

/** An ISO timestamp as the reader's local date and time; a dash when there is none. */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale === "zh" ? "zh-CN" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  });
}

/** A wait the server asked for, rounded up to whole minutes once it passes one. */
export function formatWait(seconds: number, locale: Locale): string {
  if (seconds < 60) return locale === "zh" ? `${seconds} 秒` : `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  return locale === "zh" ? `${minutes} 分钟` : `${minutes} min`;
}
