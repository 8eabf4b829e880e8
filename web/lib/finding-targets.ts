import { figureDef, isFigureKey } from "../../worker/report/figures";
import type { Finding } from "../../worker/report/rules";
import type { Locale } from "../i18n";

/** A place in the report a reviewer can comment on, with the findings that point at it. */
export interface FindingTarget {
  path: string;
  findings: Finding[];
}

/**
 * The figure a finding is about. A row rule points at the row's 总计, a column rule at the
 * column's 三(七) total (the figure both sides are checked against); findings about a whole table
 * have no single figure.
 */
export function findingPath(finding: Finding): string | null {
  const { table, row, column } = finding;
  if (row === null && column === null) return null;
  let path: string;
  switch (table) {
    case "三":
      path = `section3.${row ?? "total_processed"}.${column ?? "total"}`;
      break;
    case "四":
      path = `section4.${row}.${column ?? "total"}`;
      break;
    case "二":
      path = column ? `section2.${row}.${column}` : `section2.${row}`;
      break;
    case "metrics":
      path = `metrics.${row}`;
      break;
    default:
      return null;
  }
  return isFigureKey(path) ? path : null;
}

/** The distinct figures the findings point at, in the order the findings name them. */
export function findingTargets(findings: readonly Finding[]): FindingTarget[] {
  const byPath = new Map<string, FindingTarget>();
  for (const finding of findings) {
    const path = findingPath(finding);
    if (!path) continue;
    const target = byPath.get(path) ?? { path, findings: [] };
    target.findings.push(finding);
    byPath.set(path, target);
  }
  return [...byPath.values()];
}

/** The narrative sections of a report, as printed (一、总体情况 …), addressed as `text.<key>`. */
export const TEXT_SECTIONS = {
  "text.overview": { zh: "正文 · 总体情况", en: "Text · Overview" },
  "text.problems": {
    zh: "正文 · 存在的主要问题及改进情况",
    en: "Text · Problems and improvements",
  },
  "text.other": { zh: "正文 · 其他需要报告的事项", en: "Text · Other matters" },
} as const;

/** A figure key as its printed label (表三 … · 总计), a text section by its title; else as written. */
export function pathLabel(path: string, locale: Locale): string {
  if (path in TEXT_SECTIONS) return TEXT_SECTIONS[path as keyof typeof TEXT_SECTIONS][locale];
  if (!isFigureKey(path)) return path;
  const def = figureDef(path);
  return locale === "en" ? def.labelEn : def.label;
}
