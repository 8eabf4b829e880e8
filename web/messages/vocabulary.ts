import {
  KIND_LABELS,
  LEVEL_LABELS,
  SCOPE_LABELS,
  STATUS_LABELS,
  type Label,
} from "../../worker/report/vocabulary";

type Lang = keyof Label;

function prefixed<P extends string, K extends string>(
  prefix: P,
  labels: Record<K, Label>,
  lang: Lang,
): Record<`${P}_${K}`, string> {
  return Object.fromEntries(
    Object.entries<Label>(labels).map(([code, label]) => [`${prefix}_${code}`, label[lang]]),
  ) as Record<`${P}_${K}`, string>;
}

/** `level_city`, `status_draft` …: the Worker's own labels (worker/report/vocabulary.ts). */
export const vocabularyMessages = (lang: Lang) => ({
  ...prefixed("level", LEVEL_LABELS, lang),
  ...prefixed("kind", KIND_LABELS, lang),
  ...prefixed("scope", SCOPE_LABELS, lang),
  ...prefixed("status", STATUS_LABELS, lang),
});
