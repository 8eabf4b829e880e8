import { z } from "zod";
import { AGENCY_KINDS, AGENCY_LEVELS, AGENCY_SCOPES } from "../db/schema";
import { FIRST_REPORT_YEAR, lastReportYear, reportingYear } from "../report/reporting-era";

/**
 * Query-string and path building blocks shared by the routes. Every value arrives as text and
 * is read in one spelling only: `1`, never ` 1`, `1.0`, `+1`, `01` or `0x10`, so that two
 * spellings can never name two things (or one thing twice in a cache).
 */
const canonicalCount = (max: number) =>
  z
    .string()
    .regex(/^(0|[1-9][0-9]{0,15})$/, "须为不带符号、前导零或小数点的整数")
    .transform(Number)
    .pipe(z.int().min(0).max(max));

/** A path or query id. */
export const id = canonicalCount(Number.MAX_SAFE_INTEGER).pipe(z.int().positive("须为正整数"));
/** An id inside a JSON body: a number, never `true` or `"1"`. */
export const bodyId = z.int("须为正整数").positive("须为正整数");

/** A year of the reporting era in a path or query. */
export const year = z
  .string()
  .regex(/^[0-9]{4}$/, "年份须为 4 位数字")
  .transform(Number)
  .pipe(reportingYear);
export const regionCode = z.string().regex(/^\d{6}$/, "行政区划代码须为 6 位数字");
export const regionPrefix = z.string().regex(/^\d{2,6}$/, "地区代码须为 2–6 位数字");
export const level = z.enum(AGENCY_LEVELS);
export const kind = z.enum(AGENCY_KINDS);
export const scope = z.enum(AGENCY_SCOPES);
export const format = z.enum(["json", "csv"]).default("json");
/** Aggregates read published figures unless staff ask for the current (unpublished) ones. */
export const basis = z.enum(["current", "published"]).default("published");

/** `true` or `false`, spelled so: not `1`, `yes` or `on`. */
export const flag = z
  .enum(["true", "false"], "须为 true 或 false")
  .transform((text) => text === "true")
  .default(false);

/** A page size up to `max`. */
export const limit = (max: number, fallback: number) =>
  canonicalCount(max).pipe(z.int().min(1, "须至少为 1")).default(fallback);
/** How many items to skip; past a million, paging is not what the caller wants. */
export const offset = canonicalCount(1_000_000).default(0);

export const pagination = { limit: limit(1000, 100), offset };

/** The agency filters every list accepts: level, kind, scope, region-code prefix, subtree. */
export const agencyFilter = {
  level: level.optional(),
  kind: kind.optional(),
  scope: scope.optional(),
  region: regionPrefix.optional(),
  under: id.optional(),
};

/**
 * "2022,2023" or "2021-2024" → [2022, 2023] / [2021, …, 2024]: years of the reporting era
 * only, so that a list is never longer than the era (a few dozen), however it is spelled.
 */
export const yearList = z
  .string()
  .max(200, "年份列表过长")
  .regex(/^\d{4}(-\d{4})?(,\d{4}(-\d{4})?)*$/, "年份格式如 2023 或 2021-2024 或 2022,2023")
  .transform((text, ctx) => {
    const years = new Set<number>();
    for (const part of text.split(",")) {
      const [from, to = from] = part.split("-").map(Number) as [number, number?];
      const bad = [from, to].find((y) => !reportingYear.safeParse(y).success);
      if (bad !== undefined) {
        ctx.addIssue({
          code: "custom",
          message: `年份须在 ${FIRST_REPORT_YEAR}–${lastReportYear()} 之间：${bad}`,
        });
        return z.NEVER;
      }
      if (to < from) {
        ctx.addIssue({ code: "custom", message: `年份区间无效：${part}` });
        return z.NEVER;
      }
      for (let y = from; y <= to; y++) years.add(y);
    }
    return [...years].sort();
  });

/** "a, b,a" → ["a", "b"]: a comma-separated query value of distinct items, each checked by `item`. */
export const commaList = (item: z.ZodType<string, string>, max: number) =>
  z
    .string()
    .max(max * 64, "列表过长")
    .transform((text) => [
      ...new Set(
        text
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(item).min(1).max(max));
