import { hc } from "hono/client";
import type { AppType } from "../worker/index";

/** The one typed client of the Worker's API; response types come from the routes themselves. */
export const api = hc<AppType>("/").api;

/** One invalid field of a 400 answer; `path` names the field ("password", "document.year"). */
export interface FieldIssue {
  path: string;
  code: string;
  message: string;
  message_en: string;
}

interface ErrorDetails {
  messageEn?: string;
  issues?: FieldIssue[];
  retryAfterSeconds?: number | null;
  extra?: Record<string, unknown>;
}

export class ApiRequestError extends Error {
  readonly messageEn: string;
  readonly issues: FieldIssue[];
  /** Set on 429 answers: how long the server asks the client to wait. */
  readonly retryAfterSeconds: number | null;
  /** What the error body holds beside `error` (a refused ranking's `peers`, `scopes`). */
  readonly extra: Record<string, unknown>;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    details: ErrorDetails = {},
  ) {
    super(message);
    this.messageEn = details.messageEn ?? message;
    this.issues = details.issues ?? [];
    this.retryAfterSeconds = details.retryAfterSeconds ?? null;
    this.extra = details.extra ?? {};
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; message_en?: string; issues?: FieldIssue[] };
  retry_after_seconds?: number;
}

/** The API's error body (or whatever came instead of one) as an exception. */
export async function responseError(response: {
  status: number;
  json(): Promise<unknown>;
  headers?: Headers;
}): Promise<ApiRequestError> {
  const body = (await response.json().catch(() => null)) as ErrorBody | null;
  const { error: _error, ...extra } = body && typeof body === "object" ? body : {};
  const header = response.headers?.get("Retry-After");
  const retryAfter = body?.retry_after_seconds ?? (header ? Number(header) : null);
  return new ApiRequestError(
    response.status,
    body?.error?.code ?? "http_error",
    body?.error?.message ?? `HTTP ${response.status}`,
    {
      messageEn: body?.error?.message_en,
      issues: body?.error?.issues,
      retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : null,
      extra,
    },
  );
}

/** The JSON body of a typed response; CSV variants of the same route are text, not JSON. */
type JsonBody<R> = R extends { json(): Promise<infer T> } ? Exclude<T, string | null> : never;

/** Unwraps a typed response, turning the API's error body into an exception. */
export async function unwrap<R extends { ok: boolean; status: number; json(): Promise<unknown> }>(
  response: R,
): Promise<JsonBody<R>> {
  if (response.ok) return (await response.json()) as JsonBody<R>;
  throw await responseError(response);
}
