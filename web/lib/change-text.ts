/**
 * The changes of a document in words, for the import preview and the revision history: each
 * path by its printed label, each value as a reader says it (约数, 按原文照录：…, a narrative by
 * its opening), never a field name or a JSON object.
 */

import type { MetricNote } from "../../worker/report/document";
import { listFigures } from "../../worker/report/figures";
import { METRICS } from "../../worker/report/metrics";
import type { Locale, MessageKey, MessageVars } from "../i18n";
import { pathLabel } from "./finding-targets";

type Translate = (key: MessageKey, vars?: MessageVars) => string;

const FIELD_LABELS: Record<string, MessageKey> = {
  template: "template",
  year: "reportYear",
  agency: "agencyName",
  explanations: "conflictExplanations",
};

const TABLE_LABELS: Record<string, MessageKey> = {
  section2: "commentTable2",
  section3: "commentTable3",
  section4: "commentTable4",
};

/** A changed place by its label: a field, a table, a figure, a row, a metric's note or a section. */
export function changeLabel(path: string, locale: Locale, t: Translate): string {
  const field = FIELD_LABELS[path] ?? TABLE_LABELS[path];
  if (field) return t(field);
  const metric = METRICS.find((m) => `metric_notes.${m.key}` === path);
  if (metric)
    return t("conflictMetricNote", { metric: locale === "en" ? metric.labelEn : metric.label });
  const label = pathLabel(path, locale);
  if (label !== path) return label;
  // A whole row (a warning's section3.granted): its figures' label up to the column.
  const cell = listFigures().find((f) => f.key.startsWith(`${path}.`));
  const cellLabel = cell ? (locale === "en" ? cell.labelEn : cell.label) : "";
  const column = cellLabel.lastIndexOf(" · ");
  return column > 0 ? cellLabel.slice(0, column) : t("importNotFound");
}

export function formatNumber(value: number, locale: Locale): string {
  return value.toLocaleString(locale === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 4 });
}

/** How a narrative figure was printed, in words: 约数, 按原文照录：5500余条. */
export function noteText(note: MetricNote, locale: Locale, t: Translate): string {
  const parts: string[] = [];
  if (note.approximate) parts.push(t("importNoteApproximate"));
  if (note.as_printed) parts.push(t("importNoteAsPrinted", { text: note.as_printed }));
  if (note.definition) parts.push(t("importNoteDefinition", { text: note.definition }));
  return parts.join(locale === "zh" ? "；" : "; ");
}

/** A narrative section is shown by its opening: the whole text would fill the dialog. */
const EXCERPT = 80;

/** A value before or after a change, as a reader says it. */
export function valueText(path: string, value: unknown, locale: Locale, t: Translate): string {
  if (value === undefined) return t("rfAbsent");
  if (value === null || value === "") return t("rfBlank");
  if (typeof value === "number") return formatNumber(value, locale);
  if (typeof value === "boolean") return t(value ? "importYes" : "importNo");
  if (typeof value === "string") {
    return path.startsWith("text.") && value.length > EXCERPT
      ? t("importTextExcerpt", { start: value.slice(0, EXCERPT), count: value.length })
      : value;
  }
  if (path.startsWith("metric_notes.") && typeof value === "object") {
    return noteText(value, locale, t) || t("rfBlank");
  }
  if (Array.isArray(value)) {
    return value.map((item) => valueText(path, item, locale, t)).join("\n");
  }
  if (typeof value === "object" && "text" in value && typeof value.text === "string") {
    // An explanation of a finding: its words are what the user wrote.
    return value.text;
  }
  return "";
}
