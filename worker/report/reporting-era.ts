import { z } from "zod";

/**
 * The years a report can be for: the 政府信息公开条例 took effect in 2008, and a year's report
 * is drafted at the latest in the year after it (next year is allowed so that a season can be
 * opened ahead).
 */
export const FIRST_REPORT_YEAR = 2008;

export const lastReportYear = (now: Date = new Date()): number => now.getUTCFullYear() + 1;

/** A report's year as a JSON number. */
export const reportingYear = z
  .int("年份须为整数")
  .min(FIRST_REPORT_YEAR, `年份不得早于 ${FIRST_REPORT_YEAR}`)
  .refine((y) => y <= lastReportYear(), { message: "年份不得晚于明年" });
