import type { Locale } from "./locale";

// Counts, rates and amounts are formatted once, for the dashboard and the embeds alike.
export { formatCount } from "../../worker/embed/number-format";

/** An ISO timestamp as the reader's local date and time; a dash when there is none. */
/** A chart's label (recharts types it loosely) as text: strings and numbers, nothing else. */
export const labelText = (value: unknown): string =>
  typeof value === "string" || typeof value === "number" ? String(value) : "";

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
