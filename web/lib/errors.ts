import { ApiRequestError } from "../api";
import type { Locale } from "../i18n";

/** What to tell the reader about a failed request, in their language. */
export function errorText(error: unknown, locale: Locale): string {
  if (error instanceof ApiRequestError) return locale === "en" ? error.messageEn : error.message;
  return error instanceof Error ? error.message : String(error);
}

/** The server's per-field complaints, keyed by the field's path; the first one per field wins. */
export function fieldErrors(error: unknown, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiRequestError)) return out;
  for (const issue of error.issues) {
    out[issue.path] ??= locale === "en" ? issue.message_en : issue.message;
  }
  return out;
}
