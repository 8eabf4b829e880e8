import { z } from "zod";
import { AGENCY_KINDS, AGENCY_LEVELS, AGENCY_SCOPES } from "../db/schema";

/** Query-string and path building blocks shared by the routes. */
export const id = z.coerce.number().int().positive();
export const year = z.coerce.number().int().min(1990).max(2100);
export const regionCode = z.string().regex(/^\d{6}$/, "行政区划代码须为 6 位数字");
export const regionPrefix = z.string().regex(/^\d{2,6}$/, "地区代码须为 2–6 位数字");
export const level = z.enum(AGENCY_LEVELS);
export const kind = z.enum(AGENCY_KINDS);
export const scope = z.enum(AGENCY_SCOPES);
export const format = z.enum(["json", "csv"]).default("json");
/** Aggregates read published figures unless staff ask for the current (unpublished) ones. */
export const basis = z.enum(["current", "published"]).default("published");

export const pagination = {
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
};

/** The agency filters every list accepts: level, kind, scope, region-code prefix, subtree. */
export const agencyFilter = {
  level: level.optional(),
  kind: kind.optional(),
  scope: scope.optional(),
  region: regionPrefix.optional(),
  under: id.optional(),
};

/** "2022,2023" or "2021-2024" → [2022, 2023] / [2021, …, 2024]. */
export const yearList = z
  .string()
  .regex(/^\d{4}(-\d{4})?(,\d{4}(-\d{4})?)*$/, "年份格式如 2023 或 2021-2024 或 2022,2023")
  .transform((text, ctx) => {
    const years = new Set<number>();
    for (const part of text.split(",")) {
      const [from, to = from] = part.split("-").map(Number) as [number, number?];
      if (to < from || to - from > 50) {
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
    .transform((text) => [
      ...new Set(
        text
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(item).min(1).max(max));
