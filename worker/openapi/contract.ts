/**
 * The pieces of a route declaration that most routes share: JSON bodies, the error answers and
 * the cached public answers' headers. Each route's own schemas stay beside its handler.
 */

import { z } from "zod";
import { errorBodySchema } from "./bodies/errors";

const JSON_TYPE = "application/json";

/** A required JSON request body: anything but `application/json` is refused with 415. */
export const jsonBody = <S extends z.ZodType>(schema: S, description = "JSON") => ({
  required: true as const,
  description,
  content: { [JSON_TYPE]: { schema } },
});

/** A JSON answer. */
export const jsonAnswer = <S extends z.ZodType>(description: string, schema: S) => ({
  description,
  content: { [JSON_TYPE]: { schema } },
});

const CSV_TEXT = z.string().meta({ description: "RFC 4180 CSV, UTF-8 with a BOM." });

/** A JSON answer that `format=csv` (or a `.csv` path) turns into a CSV download. */
export const jsonOrCsvAnswer = <S extends z.ZodType>(description: string, schema: S) => ({
  description: `${description} (CSV with format=csv)`,
  content: {
    "application/json": { schema },
    "text/csv": { schema: CSV_TEXT },
  },
});

/** A text answer of another media type (CSV, HTML, JavaScript, XLSX). */
export const textAnswer = <T extends string>(description: string, type: T, text: string) => ({
  description,
  content: { [type]: { schema: z.string().meta({ description: text }) } } as Record<
    T,
    { schema: z.ZodString }
  >,
});

/** A 204: done, nothing to say. */
export const noContent = { description: "完成，无内容。Done; no body." } as const;

/** An error answer, described as this route gives it. */
export const errorAnswer = (description: string) => jsonAnswer(description, errorBodySchema);

/** The error answers, by status; a route lists those it can give beyond 429 and 5xx. */
export const ERRORS = {
  400: errorAnswer(
    "请求无效（validation_failed 逐项列出）。The request is invalid; each bad field listed.",
  ),
  401: errorAnswer("未登录（unauthenticated）。Sign in or send an API token."),
  403: errorAnswer("无权限（forbidden、outside_scope）。Not allowed for this caller."),
  404: errorAnswer("不存在（not_found）。Not found."),
  409: errorAnswer(
    "冲突：数据已被他人修改或状态不允许（conflict）。A conflicting change or state.",
  ),
  410: errorAnswer(
    "固定的版本之后数据已更新（version_superseded）。The pinned version was superseded.",
  ),
  413: errorAnswer("请求体过大（payload_too_large）。The request body is too large."),
  415: errorAnswer("请求体须为 JSON（unsupported_media_type）。The body must be JSON."),
  422: errorAnswer("内容不符合规则（unprocessable）。The content breaks a rule."),
} as const;

type ErrorStatus = keyof typeof ERRORS;

/** The named error answers, for a route's `responses`. */
export function errors<S extends ErrorStatus>(...statuses: S[]): Pick<typeof ERRORS, S> {
  return Object.fromEntries(statuses.map((status) => [status, ERRORS[status]])) as Pick<
    typeof ERRORS,
    S
  >;
}

/** A JSON write's refusals: bad fields, not JSON, not signed in, not allowed. */
export const WRITE_ERRORS = errors(400, 401, 403, 415);

/** No session or API token: the public routes and the sign-in routes. */
export const PUBLIC = { security: [] as Record<string, string[]>[] };

/** The headers of every cached public answer (`worker/middleware/public-cache.ts`). */
const CACHED_HEADERS = {
  ETag: {
    description:
      "随数据版本变化；带 If-None-Match 请求得 304。Changes with the data version; send it back as If-None-Match for a 304.",
    schema: { type: "string" as const },
  },
  "Cache-Control": {
    description: "Browser caching of the answer.",
    schema: { type: "string" as const },
  },
  Link: {
    description: '使用条款：<https://creativecommons.org/licenses/by/4.0/>; rel="license".',
    schema: { type: "string" as const },
  },
};

/** A cached public answer. */
export const cached = <A extends { description: string }>(answer: A) => ({
  ...answer,
  headers: CACHED_HEADERS,
});

export const NOT_MODIFIED = {
  description: "If-None-Match 与当前 ETag 相同。The If-None-Match matched: nothing changed.",
} as const;
