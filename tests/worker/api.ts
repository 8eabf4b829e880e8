import { createExecutionContext, env } from "cloudflare:test";
import { hashPassword } from "../../worker/auth/password";
import { createDatabase } from "../../worker/db/client";
import { insertUser } from "../../worker/db/queries/users";
import type { UserRole } from "../../worker/db/schema";
import app from "../../worker/index";
import { validDocument } from "./builders";
import { undeclaredAnswer } from "./documented-answers";

/** A signed-in browser: its session cookie and the CSRF token it must send on writes. */
export interface Session {
  cookie: string;
  csrf: string;
  userId: number;
}

export type RequestOptions = RequestInit & { json?: unknown; as?: Session; bearer?: string };

/** Sends a request through the real app, bindings and local D1 of the test runtime. */
export function request(path: string, init: RequestOptions = {}) {
  const { json, as, bearer, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set("content-type", "application/json");
  if (as) {
    headers.set("cookie", as.cookie);
    if (!headers.has("x-csrf-token")) headers.set("x-csrf-token", as.csrf);
  }
  if (bearer) headers.set("authorization", `Bearer ${bearer}`);
  return app.request(
    `http://localhost${path}`,
    { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body },
    env,
    createExecutionContext(),
  );
}

export async function requestJson<T = any>(path: string, init: RequestOptions = {}) {
  const response = await request(path, init);
  const text = await response.text();
  const contentType = response.headers.get("content-type");
  const body = (text && contentType?.startsWith("application/json") ? JSON.parse(text) : text) as T;
  const problems = undeclaredAnswer(init.method ?? "GET", path, response.status, contentType, body);
  if (problems.length > 0) throw new Error(`An undeclared answer:\n${problems.join("\n")}`);
  return { status: response.status, headers: response.headers, body };
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${++counter}`;

export const PASSWORD = "correct horse 2026";

/** Creates a user straight in D1, as an accepted invitation would, with PASSWORD. */
export async function createUser(
  role: UserRole,
  places: { agencyId?: number; regionAgencyId?: number } = {},
) {
  const email = `${role}-${unique()}@example.gov.cn`;
  const user = await insertUser(
    createDatabase(env.DB),
    {
      email,
      name: `测试${role}`,
      role,
      agencyId: places.agencyId ?? null,
      regionAgencyId: places.regionAgencyId ?? null,
      passwordHash: await hashPassword(PASSWORD),
    },
    new Date(),
  );
  return { id: user.id, email };
}

/** A new user of `role`, signed in. */
export async function signIn(
  role: UserRole,
  places: { agencyId?: number; regionAgencyId?: number } = {},
): Promise<Session> {
  const user = await createUser(role, places);
  return login(user.email, PASSWORD, user.id);
}

export async function login(email: string, password: string, userId = 0): Promise<Session> {
  const response = await request("/api/auth/login", { method: "POST", json: { email, password } });
  if (response.status !== 200)
    throw new Error(`login: ${response.status} ${await response.text()}`);
  const body = await response.json<{ csrf_token: string; user: { id: number } }>();
  const cookie = response.headers.get("set-cookie")!.split(";")[0]!;
  return { cookie, csrf: body.csrf_token, userId: userId || body.user.id };
}

let adminSession: Promise<Session> | undefined;
/** One administrator per test file, signed in once. */
export const admin = () => (adminSession ??= signIn("admin"));

/** Creates an agency through the API as an administrator. */
export async function createAgency(overrides: Record<string, unknown> = {}) {
  const { status, body } = await requestJson("/api/agencies", {
    method: "POST",
    as: await admin(),
    json: {
      name: `测试机构${unique()}`,
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

export async function saveDocument(
  agencyId: number,
  document: unknown,
  baseRevision = 0,
  options: { as?: Session; note?: string } = {},
) {
  return requestJson(`/api/agencies/${agencyId}/reports/${(document as { year: number }).year}`, {
    method: "PUT",
    as: options.as ?? (await admin()),
    json: {
      base_revision: baseRevision,
      document,
      ...(options.note ? { note: options.note } : {}),
    },
  });
}

/**
 * A city region with agency A inside it and agency B outside any region, each with a 2022 draft
 * (B's published), and an API token of A's: what the authorization tests aim their writes at.
 */
export async function insideAndOutside(tokenName: string) {
  const region = await createAgency({
    level: "city",
    kind: "government",
    scope: "region",
    region_code: "910100",
  });
  const a = await createAgency({ parent_id: region.id, region_code: "910100" });
  const b = await createAgency({ region_code: "920100" });
  await saveDocument(a.id, validDocument(2022));
  await saveDocument(b.id, validDocument(2022));
  await publish(b.id, 2022, 1);
  const token = await requestJson<{ id: number; token: string }>("/api/tokens", {
    method: "POST",
    as: await admin(),
    json: { agency_id: a.id, name: tokenName },
  });
  return { region, a, b, token: token.body };
}

/** Submits and approves the current revision as an administrator. */
export async function publish(agencyId: number, year: number, revision: number) {
  const as = await admin();
  const submit = await requestJson(`/api/agencies/${agencyId}/reports/${year}/submit`, {
    method: "POST",
    as,
    json: { revision },
  });
  if (submit.status !== 200)
    throw new Error(`submit: ${submit.status} ${JSON.stringify(submit.body)}`);
  const approve = await requestJson(`/api/agencies/${agencyId}/reports/${year}/approve`, {
    method: "POST",
    as,
    json: { revision },
  });
  if (approve.status !== 200)
    throw new Error(`approve: ${approve.status} ${JSON.stringify(approve.body)}`);
  return approve.body;
}

/** One e-mail of the admin's outbox, as `GET /api/outbox` answers it. */
export interface OutboxMessage {
  id: number;
  to: string;
  user_name: string | null;
  kind: string;
  subject: string;
  text: string;
  html: string;
  status: string;
  error: string | null;
  created_at: string;
}

/** The admin's outbox page for `query` (e.g. "?limit=100"), newest first. */
export const readOutbox = async (query = "?limit=100") =>
  (
    await requestJson<{ items: OutboxMessage[]; total: number }>(`/api/outbox${query}`, {
      as: await admin(),
    })
  ).body;
