/**
 * The canonical report document (FORMAT §5): the one JSON shape the API accepts and returns,
 * import produces and export writes.
 */

import { z } from "zod";
import { METRICS, METRIC_KEYS } from "./metrics";
import { reportingYear } from "./reporting-era";
import {
  SECTION3_COLUMNS,
  SECTION3_ROW_KEYS,
  SECTION4_COLUMNS,
  SPLIT_OTHER_ROW_KEYS,
  type Section3Variant,
} from "./templates";

const MAX_TEXT = 100_000;
export const AMOUNT_DECIMALS = 4;

/** A printed count: a non-negative safe integer, or null when the report leaves the cell blank. */
const cellSchema = z.int().nonnegative().nullable();

/** 本年增/减 (2019 table 二) is a change, not a count: it may be negative. */
const signedCellSchema = z.int().nullable();

export function hasAtMostFourDecimals(value: number): boolean {
  return Number(value.toFixed(AMOUNT_DECIMALS)) === value;
}

/** A money amount (the fee in 万元, the procurement amount in 元): up to 4 decimal places. */
const amountSchema = z
  .number()
  .nonnegative()
  .max(Number.MAX_SAFE_INTEGER)
  .refine(hasAtMostFourDecimals, {
    message: `at most ${AMOUNT_DECIMALS} decimal places`,
    params: { zh: `最多${AMOUNT_DECIMALS}位小数`, en: `at most ${AMOUNT_DECIMALS} decimal places` },
  })
  .nullable();

const madeRepealedValid = z.strictObject({
  made: cellSchema,
  repealed: cellSchema,
  valid: cellSchema,
});

export const section2_2021Schema = z.strictObject({
  regulations: madeRepealedValid,
  normative_documents: madeRepealedValid,
  licensing_decisions: cellSchema,
  punishment_decisions: cellSchema,
  coercion_decisions: cellSchema,
  fees_wan_yuan: amountSchema,
});

const madePublished2019 = z.strictObject({
  new_made: cellSchema,
  new_published: cellSchema,
  total_published: cellSchema,
});

const itemsChangeDecisions2019 = z.strictObject({
  prev_year_items: cellSchema,
  change: signedCellSchema,
  decisions: cellSchema,
});

export const section2_2019Schema = z.strictObject({
  regulations: madePublished2019,
  normative_documents: madePublished2019,
  licensing: itemsChangeDecisions2019,
  other_external_management_services: itemsChangeDecisions2019,
  punishment: itemsChangeDecisions2019,
  coercion: itemsChangeDecisions2019,
  fees: z.strictObject({ prev_year_items: cellSchema, change: signedCellSchema }),
  centralized_procurement: z.strictObject({ projects: cellSchema, amount_yuan: amountSchema }),
});

const section3RowSchema = z.array(cellSchema).length(SECTION3_COLUMNS.length);

const section3Schema = z
  .strictObject({ rows: z.partialRecord(z.enum(SECTION3_ROW_KEYS), section3RowSchema) })
  .superRefine((section3, ctx) => {
    const hasSplit = SPLIT_OTHER_ROW_KEYS.some((key) => section3.rows[key] !== undefined);
    if (hasSplit && section3.rows.other_processing !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["rows", "other_processing"],
        message: "carries both the three other_* rows and other_processing; keep one layout",
        params: {
          zh: "同时含有（六）其他处理的三个分项和单行“（六）其他处理”，只能保留一种版式",
          en: "carries both the three (6) sub-rows and the single (6) row; keep one layout",
        },
      });
    }
  });

const section4GroupSchema = z.array(cellSchema).length(SECTION4_COLUMNS.length);

const section4Schema = z.strictObject({
  reconsideration: section4GroupSchema,
  litigation_direct: section4GroupSchema,
  litigation_after_reconsideration: section4GroupSchema,
});

const metricKeySchema = z.enum(METRIC_KEYS);

const metricsSchema = z
  .partialRecord(metricKeySchema, z.number().nonnegative().max(Number.MAX_SAFE_INTEGER).nullable())
  .superRefine((metrics, ctx) => {
    for (const def of METRICS) {
      const value = metrics[def.key];
      if (value === undefined || value === null) continue;
      if (def.kind === "count" && !Number.isInteger(value)) {
        ctx.addIssue({
          code: "custom",
          path: [def.key],
          message: "must be an integer",
          params: { zh: "应为整数", en: "must be an integer" },
        });
      }
      if (def.kind === "amount" && !hasAtMostFourDecimals(value)) {
        ctx.addIssue({
          code: "custom",
          path: [def.key],
          message: `at most ${AMOUNT_DECIMALS} decimal places`,
          params: {
            zh: `最多${AMOUNT_DECIMALS}位小数`,
            en: `at most ${AMOUNT_DECIMALS} decimal places`,
          },
        });
      }
    }
  });

const metricNoteSchema = z.strictObject({
  as_printed: z.string().max(200).optional(),
  approximate: z.boolean().optional(),
  definition: z.string().max(1000).optional(),
});

const textSchema = z.strictObject({
  overview: z.string().max(MAX_TEXT).optional(),
  problems: z.string().max(MAX_TEXT).optional(),
  other: z.string().max(MAX_TEXT).optional(),
});

const explanationSchema = z.strictObject({
  rule: z.string().min(1).max(50),
  table: z.string().max(20).optional(),
  row: z.string().max(100).optional(),
  column: z.string().max(100).optional(),
  text: z.string().min(1).max(MAX_TEXT),
});

function documentSchemaFor<T extends "2021" | "2019", S extends z.ZodType>(
  template: T,
  section2: S,
) {
  return z.strictObject({
    template: z.literal(template),
    year: reportingYear,
    agency: z.string().max(200).optional(),
    section2: section2.nullable().optional(),
    section3: section3Schema.nullable().optional(),
    section4: section4Schema.nullable().optional(),
    metrics: metricsSchema.optional(),
    metric_notes: z.partialRecord(metricKeySchema, metricNoteSchema).optional(),
    text: textSchema.optional(),
    explanations: z.array(explanationSchema).max(1000).optional(),
  });
}

export const reportDocumentSchema = z.discriminatedUnion("template", [
  documentSchemaFor("2021", section2_2021Schema),
  documentSchemaFor("2019", section2_2019Schema),
]);

export type ReportDocument = z.infer<typeof reportDocumentSchema>;
export type ReportDocument2021 = Extract<ReportDocument, { template: "2021" }>;
export type ReportDocument2019 = Extract<ReportDocument, { template: "2019" }>;
export type Cell = z.infer<typeof cellSchema>;
export type Section2_2021 = z.infer<typeof section2_2021Schema>;
export type Section2_2019 = z.infer<typeof section2_2019Schema>;
export type Section3 = z.infer<typeof section3Schema>;
export type Section3Rows = Section3["rows"];
export type Section4 = z.infer<typeof section4Schema>;
export type Metrics = z.infer<typeof metricsSchema>;
export type MetricNote = z.infer<typeof metricNoteSchema>;
/**
 * Which layout of （六）其他处理 the document uses. Decided by the rows present; a document
 * without table 三 gets its template's layout.
 */
export function section3Variant(
  doc: Pick<ReportDocument, "template" | "section3">,
): Section3Variant {
  const rows = doc.section3?.rows;
  if (rows?.other_processing !== undefined) return "single";
  if (rows && SPLIT_OTHER_ROW_KEYS.some((key) => rows[key] !== undefined)) return "split";
  return doc.template === "2019" ? "single" : "split";
}

// ---------------------------------------------------------------------------------------------
// Issues → messages

export interface IssueDescription {
  path: string;
  code: string;
  message: string;
  message_en: string;
}

const TYPE_NAMES: Record<string, [string, string]> = {
  number: ["数字", "a number"],
  int: ["整数", "an integer"],
  string: ["文本", "text"],
  boolean: ["是或否", "true or false"],
  object: ["对象", "an object"],
  array: ["数组", "an array"],
  record: ["对象", "an object"],
  null: ["空白（null）", "null"],
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join(".");
}

function customParams(issue: z.core.$ZodIssueCustom): { zh: string; en: string } | null {
  const params = issue.params;
  if (params && typeof params.zh === "string" && typeof params.en === "string") {
    return { zh: params.zh, en: params.en };
  }
  return null;
}

function describeOne(
  issue: z.core.$ZodIssue,
  input: unknown,
  hasInput: boolean,
): { zh: string; en: string } {
  switch (issue.code) {
    case "invalid_type": {
      const missing = hasInput
        ? valueAt(input, issue.path) === undefined
        : / received undefined$/.test(issue.message);
      if (missing) return { zh: "缺少必填字段", en: "required field is missing" };
      if (issue.expected === "int") return { zh: "应为整数", en: "must be an integer" };
      const [zh, en] = TYPE_NAMES[issue.expected] ?? [issue.expected, issue.expected];
      return { zh: `类型不正确，应为${zh}`, en: `wrong type, must be ${en}` };
    }
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "array") {
        return issue.exact
          ? { zh: `应有${min}项`, en: `must have exactly ${min} items` }
          : { zh: `至少应有${min}项`, en: `must have at least ${min} items` };
      }
      if (issue.origin === "string") {
        return { zh: `不能少于${min}个字符`, en: `must have at least ${min} characters` };
      }
      if (min === 0) return { zh: "不能为负数", en: "must not be negative" };
      return { zh: `不能小于${min}`, en: `must be at least ${min}` };
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "array") {
        return issue.exact
          ? { zh: `应有${max}项`, en: `must have exactly ${max} items` }
          : { zh: `最多${max}项`, en: `must have at most ${max} items` };
      }
      if (issue.origin === "string") {
        return { zh: `不能超过${max}个字符`, en: `must have at most ${max} characters` };
      }
      return { zh: `不能大于${max}`, en: `must be at most ${max}` };
    }
    case "invalid_union": {
      if ("options" in issue && issue.options && issue.options.length > 0) {
        const list = issue.options.map((o) => String(o)).join(" / ");
        return { zh: `应为以下之一：${list}`, en: `must be one of: ${list}` };
      }
      return { zh: "不符合任何一种允许的格式", en: "matches none of the allowed shapes" };
    }
    case "invalid_value": {
      const list = issue.values.map((v) => String(v)).join(" / ");
      return { zh: `应为以下之一：${list}`, en: `must be one of: ${list}` };
    }
    case "invalid_key":
      return { zh: "未知的键", en: "unknown key" };
    case "custom": {
      const params = customParams(issue);
      if (params) return params;
      return { zh: `无效（${issue.message}）`, en: issue.message };
    }
    default:
      return { zh: `无效（${issue.message}）`, en: issue.message };
  }
}

/**
 * One Chinese and one English message per issue, each naming the dotted field path
 * (`section3.rows.granted.2`). An unknown-keys issue is split into one entry per unknown field.
 * Pass the parsed input to tell a missing field from a wrongly typed one.
 */
export function describeIssues(error: z.ZodError, input?: unknown): IssueDescription[] {
  const hasInput = input !== undefined;
  const out: IssueDescription[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const path = joinPath([...issue.path, key]);
        out.push({
          path,
          code: issue.code,
          message: `${path}：未知字段`,
          message_en: `${path}: unknown field`,
        });
      }
      continue;
    }
    const path = joinPath(issue.path);
    const { zh, en } = describeOne(issue, input, hasInput);
    const where = path === "" ? "文档" : path;
    const whereEn = path === "" ? "document" : path;
    out.push({
      path,
      code: issue.code,
      message: `${where}：${zh}`,
      message_en: `${whereEn}: ${en}`,
    });
  }
  return out;
}
