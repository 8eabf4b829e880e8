/**
 * A small JSON client for the routes not yet in `AppType` (see account-types.ts). Reads go out
 * bare; every write carries the session's CSRF token, which lives only in memory (session.tsx).
 */

import { ApiRequestError, responseError } from "../api";
import { CSRF_HEADER } from "../../worker/auth/csrf";

export type Query = Record<string, string | number | boolean | null | undefined>;
export type WriteMethod = "POST" | "PUT" | "PATCH" | "DELETE";

/** `path` with the non-empty entries of `query` appended. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The header that proves a cookie-authenticated write came from this app. */
export function csrfHeaders(csrfToken: string | null): Record<string, string> {
  return csrfToken ? { [CSRF_HEADER]: csrfToken } : {};
}

export function getJson<T>(path: string, query?: Query): Promise<T> {
  return request<T>(withQuery(path, query), { method: "GET" });
}

/**
 * A write. The token is an argument rather than module state so that it stays in the React
 * session context; components call the bound `send` from `useSession()` instead.
 */
export function sendJson<T>(
  method: WriteMethod,
  path: string,
  body: unknown,
  csrfToken: string | null,
): Promise<T> {
  const headers: Record<string, string> = { ...csrfHeaders(csrfToken) };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  return request<T>(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function request<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: "same-origin" });
  } catch {
    throw new ApiRequestError(0, "network_error", "无法连接服务器，请检查网络后重试", {
      messageEn: "Cannot reach the server; check the connection and try again",
    });
  }
  if (!response.ok) throw await responseError(response);
  if (response.status === 204) return undefined as T;
  return await response.json();
}
