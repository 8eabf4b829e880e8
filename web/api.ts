import { hc } from "hono/client";
import { CSRF_HEADER } from "../worker/auth/csrf";
import type { AppType } from "../worker/index";

/**
 * The one client of the Worker's API, typed by the routes themselves (`AppType`): every call,
 * its parameters and its answer are checked against the route it reaches. Call it as
 * `api.reports.$get({ query: query({ year }) }).then(unwrap)`.
 *
 * Reads go out bare; every write carries the session's CSRF token, which lives only in memory
 * (`web/lib/session.tsx`): components write through `useApi()`, the client bound to it.
 */
export function apiClient(options: ClientOptions = {}) {
  return hc<AppType>("/", { fetch: sender(options) }).api;
}

export type Api = ReturnType<typeof apiClient>;

interface ClientOptions {
  /** Sent in the CSRF header of every write (never of a read). */
  csrfToken?: string | null;
  /** A write answered 401: the session has ended on the server (expired, revoked). */
  onSessionEnded?: () => void;
}

const READS = new Set(["GET", "HEAD"]);

/** `fetch` as every call needs it: same-origin cookies, the CSRF header, a readable network error. */
function sender({ csrfToken = null, onSessionEnded }: ClientOptions): typeof fetch {
  return async (input, init = {}) => {
    const write = !READS.has((init.method ?? "GET").toUpperCase());
    const headers = new Headers(init.headers);
    if (write && csrfToken) headers.set(CSRF_HEADER, csrfToken);
    let response: Response;
    try {
      // The global is read on each call, so that a fetch stubbed later (tests) is the one used.
      response = await globalThis.fetch(input, { ...init, headers, credentials: "same-origin" });
    } catch {
      throw new ApiRequestError(0, "network_error", "无法连接服务器，请检查网络后重试", {
        messageEn: "Cannot reach the server; check the connection and try again",
      });
    }
    if (write && response.status === 401) onSessionEnded?.();
    return response;
  };
}

/** The client without a session: reads, and the pages anyone may open. */
export const api = apiClient();

type QueryValue = string | number | boolean | null | undefined;
/** The keys whose value may be missing. */
type Blankable<T> = {
  [K in keyof T]-?: null extends T[K] ? K : undefined extends T[K] ? K : never;
}[keyof T];
/** A value as the text of a query parameter, string literals kept. */
type Text<V> = V extends string ? V : V extends number | boolean ? `${V}` : never;
/** `values` as the client's query: every value as text, the blank ones optional. */
type QueryOf<T> = T extends unknown
  ? { [K in Exclude<keyof T, Blankable<T>>]: Text<T[K]> } & {
      [K in Blankable<T>]?: Text<NonNullable<T[K]>>;
    }
  : never;

/** A query for the typed client: numbers and booleans as text, empty filters left out. */
export function query<const T extends Record<string, QueryValue>>(values: T): QueryOf<T> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== "") out[key] = String(value);
  }
  return out as QueryOf<T>;
}

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
async function responseError(response: {
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

/**
 * The JSON of an answer type: the routes that also answer CSV (`format=csv`) type that text
 * beside it, and those whose CSV comes from a middleware a raw `Response`.
 * `Json<InferResponseType<typeof api.reports.$get, 200>>`.
 */
export type Json<T> = Exclude<T, string | null | Response>;

/** The body of a typed response's success: never an error answer's; nothing for a 204. */
type JsonBody<R> = R extends { ok: false }
  ? never
  : R extends { status: 204 }
    ? undefined
    : R extends { json(): Promise<infer T> }
      ? Json<T>
      : never;

/** Unwraps a typed response, turning the API's error body into an exception. */
export async function unwrap<R extends { ok: boolean; status: number; json(): Promise<unknown> }>(
  response: R,
): Promise<JsonBody<R>> {
  if (!response.ok) throw await responseError(response);
  if (response.status === 204) return undefined as JsonBody<R>;
  return (await response.json()) as JsonBody<R>;
}

/** A read of something that may not exist yet (a year's report): null for its 404. */
export const absentAsNull = <T>(promise: Promise<T>): Promise<T | null> =>
  promise.catch((error: unknown) => {
    if (error instanceof ApiRequestError && error.status === 404) return null;
    throw error;
  });
