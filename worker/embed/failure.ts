/**
 * An embed's refusal in words: the embed's error page and the dashboard's embed builder both say
 * why a chart cannot be shown this way. Pure, so the web app can use it too.
 */

import { EMBED_TEXT } from "./text";
import type { EmbedLang } from "./view";

/** The API error as its body carries it (`worker/http/errors.ts`). */
export interface EmbedFailure {
  message: string;
  message_en: string;
  issues?: { path: string; code: string; message: string; message_en: string }[];
}

/**
 * The failure as sentences a reader can act on: one per bad parameter, named in words ("年份：…")
 * rather than by its key in the address; the error's own message when it names no parameter.
 */
export function failureReasons(failure: EmbedFailure, lang: EmbedLang): string[] {
  const t = EMBED_TEXT[lang];
  const zh = lang === "zh";
  if (!failure.issues?.length) return [zh ? failure.message : failure.message_en];
  return failure.issues.map((issue) => {
    if (issue.code === "unrecognized_keys") return t.unknownParam(issue.path);
    const text = zh ? issue.message : issue.message_en;
    const prefix = zh ? `${issue.path}：` : `${issue.path}: `;
    const detail = text.startsWith(prefix) ? text.slice(prefix.length) : text;
    const name = t.params[issue.path.split(".")[0]!];
    return name ? `${name}${t.colon}${detail}` : detail;
  });
}
