/**
 * Whether an embed address shows a chart, and if not why, in the reader's words: the builder
 * asks before offering code that would show readers an error.
 */

import { failureReasons, type EmbedFailure } from "../../worker/embed/failure";
import type { Locale } from "../i18n";

/** Null when the embed answers with its chart; else the reasons it gives, one sentence each. */
export async function embedFailure(src: string, locale: Locale): Promise<string[] | null> {
  // Asking for JSON: the embed answers a browser's request for HTML with its error page.
  const response = await fetch(src, { headers: { accept: "application/json" } });
  if (response.ok) {
    await response.body?.cancel();
    return null;
  }
  const body = (await response.json().catch(() => null)) as { error?: EmbedFailure } | null;
  if (!body?.error) throw new Error(`HTTP ${response.status}`);
  return failureReasons(body.error, locale);
}
