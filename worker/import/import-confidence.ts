/**
 * How sure an import is, in words a clerk checking a bulk import can act on: 高 when the report
 * names itself and its tables add up, 中 when the importer had to interpret something, 低 when the
 * year or agency was inferred from outside the text or the tables break the rules.
 */

import type { ParseResult } from "./parse-report";

export type Confidence = "high" | "medium" | "low";

export const CONFIDENCE_NAMES: Record<Confidence, readonly [string, string]> = {
  high: ["高", "high"],
  medium: ["中", "medium"],
  low: ["低", "low"],
};

type Parsed = Extract<ParseResult, { ok: true }>;

/** Warnings that describe the report faithfully rather than a guess by the importer. */
const FAITHFUL = new Set(["blank_cell", "agency_short_form", "unit_converted"]);
const INFERRED_IDENTITY = new Set([
  "year_from_hint",
  "year_from_file_name",
  "year_from_publication_date",
  "agency_from_hint",
  "agency_not_found",
]);

export interface ImportConfidence {
  level: Confidence;
  /** Why it is not high, in Chinese and English. */
  reasons: { message: string; message_en: string }[];
}

export function importConfidence(parsed: Parsed): ImportConfidence {
  const reasons: ImportConfidence["reasons"] = [];
  let level: Confidence = "high";
  const lower = (to: Confidence) => {
    if (to === "low" || level === "high") level = to;
  };

  const inferred = parsed.warnings.filter((w) => INFERRED_IDENTITY.has(w.code));
  for (const warning of inferred) reasons.push(warning);
  if (inferred.length > 0) lower("low");

  const errors = parsed.findings.filter((f) => f.severity === "error").length;
  if (errors > 0) {
    lower("low");
    reasons.push({ message: `勾稽关系有 ${errors} 处错误`, message_en: `${errors} rule errors` });
  }
  if (!parsed.document.section3) {
    lower("medium");
    reasons.push({ message: "未读到表三", message_en: "no table 三 was read" });
  }
  const interpreted = parsed.warnings.filter(
    (w) => !FAITHFUL.has(w.code) && !INFERRED_IDENTITY.has(w.code),
  );
  if (interpreted.length > 0) {
    lower("medium");
    reasons.push({
      message: `${interpreted.length} 条导入提示`,
      message_en: `${interpreted.length} import warnings`,
    });
  }
  return { level, reasons };
}
