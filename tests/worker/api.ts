import { env } from "cloudflare:test";
import app from "../../worker/index";

/** Sends a request through the real app, bindings and local D1 of the test runtime. */
export function request(path: string, init: RequestInit & { json?: unknown } = {}) {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set("content-type", "application/json");
  return app.request(
    path,
    { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body },
    env,
  );
}

export async function requestJson<T = any>(
  path: string,
  init: RequestInit & { json?: unknown } = {},
) {
  const response = await request(path, init);
  return { status: response.status, headers: response.headers, body: (await response.json()) as T };
}

let counter = 0;

/** Creates an agency through the API; each call makes a fresh one unless overridden. */
export async function createAgency(overrides: Record<string, unknown> = {}) {
  counter++;
  const { status, body } = await requestJson("/api/agencies", {
    method: "POST",
    json: {
      name: `测试机构${counter}`,
      level: "county",
      kind: "department",
      scope: "self",
      parent_id: null,
      region_code: "990101",
      ...overrides,
    },
  });
  if (status !== 201) throw new Error(`createAgency: ${status} ${JSON.stringify(body)}`);
  return body as { id: number; path: string; name: string; region_code: string };
}

export async function saveDocument(agencyId: number, document: unknown, baseRevision = 0) {
  return requestJson(`/api/agencies/${agencyId}/reports/${(document as { year: number }).year}`, {
    method: "PUT",
    json: { base_revision: baseRevision, document },
  });
}
