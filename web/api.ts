import { hc } from "hono/client";
import type { AppType } from "../worker/index";

/** The one typed client of the Worker's API; response types come from the routes themselves. */
export const api = hc<AppType>("/").api;

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The JSON body of a typed response; CSV variants of the same route are text, not JSON. */
type JsonBody<R> = R extends { json(): Promise<infer T> } ? Exclude<T, string | null> : never;

/** Unwraps a typed response, turning the API's error body into an exception. */
export async function unwrap<R extends { ok: boolean; status: number; json(): Promise<unknown> }>(
  response: R,
): Promise<JsonBody<R>> {
  if (response.ok) return (await response.json()) as JsonBody<R>;
  const body = (await response.json().catch(() => null)) as {
    error?: { code: string; message: string };
  } | null;
  throw new ApiRequestError(
    response.status,
    body?.error?.code ?? "http_error",
    body?.error?.message ?? `HTTP ${response.status}`,
  );
}
