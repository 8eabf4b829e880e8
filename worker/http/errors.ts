import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Denial } from "../auth/policy";

export interface FieldIssue {
  path: string;
  code: string;
  message: string;
  message_en: string;
}

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    message_en: string;
    issues?: FieldIssue[];
  };
  [extra: string]: unknown;
}

/**
 * Thrown anywhere below a route; the app's error handler turns it into the JSON error
 * body, so handlers never assemble error responses by hand.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly extra: Record<string, unknown> = {},
    readonly issues?: FieldIssue[],
  ) {
    super(messageEn);
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.messageZh,
        message_en: this.messageEn,
        ...(this.issues ? { issues: this.issues } : {}),
      },
      ...this.extra,
    };
  }
}

export const notFound = (what: string, whatEn: string) =>
  new ApiError(404, "not_found", `${what}不存在`, `${whatEn} not found`);

export const validationFailed = (issues: FieldIssue[]) =>
  new ApiError(
    400,
    "validation_failed",
    `提交的数据有 ${issues.length} 处错误：${issues.map((i) => i.path || "(根)").join("，")}`,
    `The request has ${issues.length} invalid field(s): ${issues.map((i) => i.path || "(root)").join(", ")}`,
    {},
    issues,
  );

/** Too many requests from one address; the answer's `Retry-After` header says the same. */
export const rateLimited = (retryAfterSeconds: number) =>
  new ApiError(
    429,
    "rate_limited",
    `请求过于频繁，请在 ${retryAfterSeconds} 秒后重试`,
    `Too many requests; try again in ${retryAfterSeconds} seconds`,
    { retry_after: retryAfterSeconds },
  );

/** The policy's refusal (401 or 403, with its reason) as the API's error. */
export const denialError = (denial: Denial) =>
  new ApiError(denial.status, denial.code, denial.message, denial.message_en);

export const unsupportedMediaType = () =>
  new ApiError(
    415,
    "unsupported_media_type",
    "请求体须为 JSON（Content-Type: application/json）",
    "The request body must be JSON (Content-Type: application/json)",
  );
