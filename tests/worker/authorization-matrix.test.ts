import { beforeAll, describe, expect, it } from "vitest";
import app from "../../worker/index";
import {
  admin,
  createUser,
  insideAndOutside,
  PASSWORD,
  request,
  requestJson,
  signIn,
  type Session,
} from "./api";
import { validDocument } from "./builders";

/**
 * Every API route × every kind of caller. A new route that is not in MATRIX fails the first
 * test, so no route ships without a decision on who may use it.
 *
 * Cases: admin on agency A · reviewer of region R on A (inside R) · the same reviewer on B
 * (outside) · A's submitter on A · A's submitter on B · A's API token on A · on B · the public on A.
 * A's 2022 report is an unpublished draft; B's is published.
 */
const CASES = [
  "admin",
  "rev-in",
  "rev-out",
  "subA/A",
  "subA/B",
  "tokA/A",
  "tokA/B",
  "public",
] as const;
type Case = (typeof CASES)[number];
/** "ok": let through (any status but 401 and 403); otherwise the exact refusal. */
type Outcome = "ok" | 401 | 403 | 404;
type Row = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

interface World {
  a: { id: number };
  b: { id: number };
  sessions: Record<"admin" | "reviewer" | "submitterA", Session>;
  tokenA: string;
}

interface Call {
  method: string;
  path: string;
  json?: unknown;
}

type Target = { id: number };

const ALL_OK: Row = ["ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"];
/** The staff's uncached aggregates: any session or token, never the public (it has /api/public). */
const SIGNED_IN: Row = ["ok", "ok", "ok", "ok", "ok", "ok", "ok", 401];
const ADMIN_ONLY: Row = ["ok", 403, 403, 403, 403, 403, 403, 401];
/** What belongs to a signed-in person (their notifications): never a token, never the public. */
const PEOPLE: Row = ["ok", "ok", "ok", "ok", "ok", 403, 403, 401];
const DRAFT_READ: Row = ["ok", "ok", 403, "ok", 403, "ok", 403, 401];
const AGENCY_WRITE: Row = ["ok", 403, 403, "ok", 403, "ok", 403, 401];
const REVIEW: Row = ["ok", "ok", 403, 403, 403, 403, 403, 401];
/** The public namespace shows published reports only, whoever asks: A's draft is 404 to all. */
const PUBLISHED_ONLY: Row = [404, 404, "ok", 404, "ok", 404, "ok", 404];

let counter = 0;
const fresh = () => `${Date.now().toString(36)}-${++counter}`;

async function inviteToken(agencyId: number) {
  const invite = await requestJson("/api/invites", {
    method: "POST",
    as: await admin(),
    json: {
      email: `m-${fresh()}@example.gov.cn`,
      name: "受邀人",
      role: "submitter",
      agency_id: agencyId,
    },
  });
  return {
    userId: invite.body.user_id as number,
    token: (invite.body.invite_url as string).split("#")[1]!,
  };
}

async function throwawayToken(agencyId: number) {
  const created = await requestJson("/api/tokens", {
    method: "POST",
    as: await admin(),
    json: { agency_id: agencyId, name: `t-${fresh()}` },
  });
  return created.body.id as number;
}

const report = (t: Target, rest = "") => `/api/agencies/${t.id}/reports/2022${rest}`;

const MATRIX: Record<string, { row: Row; call: (t: Target, w: World) => Promise<Call> | Call }> = {
  "GET /api/health": { row: ALL_OK, call: () => ({ method: "GET", path: "/api/health" }) },
  "GET /api/auth/session": {
    row: ALL_OK,
    call: () => ({ method: "GET", path: "/api/auth/session" }),
  },
  "POST /api/auth/login": {
    row: ALL_OK,
    call: async () => ({
      method: "POST",
      path: "/api/auth/login",
      json: { email: (await createUser("submitter")).email, password: PASSWORD },
    }),
  },
  "POST /api/auth/logout": {
    row: ALL_OK,
    call: () => ({ method: "POST", path: "/api/auth/logout" }),
  },
  "GET /api/auth/invites/:token": {
    row: ALL_OK,
    call: async (t) => ({
      method: "GET",
      path: `/api/auth/invites/${(await inviteToken(t.id)).token}`,
    }),
  },
  "POST /api/auth/invites/:token/accept": {
    row: ALL_OK,
    call: async (t) => ({
      method: "POST",
      path: `/api/auth/invites/${(await inviteToken(t.id)).token}/accept`,
      json: { password: "新密码 secret 2026" },
    }),
  },
  "GET /api/users": {
    row: ["ok", "ok", "ok", 403, 403, 403, 403, 401],
    call: () => ({ method: "GET", path: "/api/users" }),
  },
  "POST /api/invites": {
    row: ["ok", "ok", 403, 403, 403, 403, 403, 401],
    call: (t) => ({
      method: "POST",
      path: "/api/invites",
      json: {
        email: `i-${fresh()}@example.gov.cn`,
        name: "新人",
        role: "submitter",
        agency_id: t.id,
      },
    }),
  },
  "POST /api/users/:id/reset-link": {
    row: ADMIN_ONLY,
    call: async (t) => ({
      method: "POST",
      path: `/api/users/${(await inviteToken(t.id)).userId}/reset-link`,
    }),
  },
  "POST /api/users/:id/revoke-sessions": {
    row: ADMIN_ONLY,
    call: async (t) => ({
      method: "POST",
      path: `/api/users/${(await inviteToken(t.id)).userId}/revoke-sessions`,
    }),
  },
  "PATCH /api/users/:id": {
    row: ADMIN_ONLY,
    call: async (t) => ({
      method: "PATCH",
      path: `/api/users/${(await inviteToken(t.id)).userId}`,
      json: { name: "改名" },
    }),
  },
  "GET /api/tokens": {
    row: ["ok", 403, 403, "ok", "ok", 403, 403, 401],
    call: () => ({ method: "GET", path: "/api/tokens" }),
  },
  "POST /api/tokens": {
    row: ["ok", 403, 403, "ok", 403, 403, 403, 401],
    call: (t) => ({
      method: "POST",
      path: "/api/tokens",
      json: { agency_id: t.id, name: "导入程序" },
    }),
  },
  "DELETE /api/tokens/:id": {
    row: ["ok", 403, 403, "ok", 403, 403, 403, 401],
    call: async (t) => ({ method: "DELETE", path: `/api/tokens/${await throwawayToken(t.id)}` }),
  },
  "GET /api/audit": { row: ADMIN_ONLY, call: () => ({ method: "GET", path: "/api/audit" }) },
  "GET /api/deadlines": { row: ALL_OK, call: () => ({ method: "GET", path: "/api/deadlines" }) },
  "GET /api/season": { row: ALL_OK, call: () => ({ method: "GET", path: "/api/season" }) },
  "GET /api/notifications": {
    row: PEOPLE,
    call: () => ({ method: "GET", path: "/api/notifications" }),
  },
  "POST /api/notifications/read-all": {
    row: PEOPLE,
    call: () => ({ method: "POST", path: "/api/notifications/read-all" }),
  },
  "GET /api/notifications/email-settings": {
    row: PEOPLE,
    call: () => ({ method: "GET", path: "/api/notifications/email-settings" }),
  },
  "PUT /api/notifications/email-settings": {
    row: PEOPLE,
    call: () => ({
      method: "PUT",
      path: "/api/notifications/email-settings",
      json: { kinds: { review_digest: true } },
    }),
  },
  "GET /api/outbox": { row: ADMIN_ONLY, call: () => ({ method: "GET", path: "/api/outbox" }) },
  "GET /api/outbox/:id/html": {
    row: ADMIN_ONLY,
    call: () => ({ method: "GET", path: "/api/outbox/1/html" }),
  },
  "POST /api/chase/preview": {
    row: REVIEW,
    call: (t) => ({
      method: "POST",
      path: "/api/chase/preview",
      json: { year: 2022, under: t.id },
    }),
  },
  "POST /api/chase": {
    row: REVIEW,
    call: (t) => ({ method: "POST", path: "/api/chase", json: { year: 2022, under: t.id } }),
  },
  "POST /api/notifications/:id/read": {
    // Nobody's notification: 404 to a person, the refusal to the others.
    row: PEOPLE,
    call: () => ({ method: "POST", path: "/api/notifications/999999/read" }),
  },
  "PUT /api/deadlines/:year": {
    row: ADMIN_ONLY,
    call: () => ({
      method: "PUT",
      path: "/api/deadlines/2022",
      json: { department_deadline: "2023-01-31", government_deadline: "2023-03-31" },
    }),
  },
  "GET /api/agencies": { row: ALL_OK, call: () => ({ method: "GET", path: "/api/agencies" }) },
  "GET /api/agencies/:id": {
    row: ALL_OK,
    call: (t) => ({ method: "GET", path: `/api/agencies/${t.id}` }),
  },
  "POST /api/agencies": {
    row: ADMIN_ONLY,
    call: () => ({
      method: "POST",
      path: "/api/agencies",
      json: {
        name: `新机构${fresh()}`,
        level: "county",
        kind: "department",
        scope: "self",
        parent_id: null,
        region_code: "990101",
      },
    }),
  },
  "PATCH /api/agencies/:id": {
    row: ADMIN_ONLY,
    call: (t) => ({
      method: "PATCH",
      path: `/api/agencies/${t.id}`,
      json: { region_code: "990101" },
    }),
  },
  "GET /api/agencies/:id/reports": {
    row: ALL_OK,
    call: (t) => ({ method: "GET", path: `/api/agencies/${t.id}/reports` }),
  },
  "PUT /api/agencies/:id/reports/:year": {
    row: AGENCY_WRITE,
    call: (t) => ({
      method: "PUT",
      path: `/api/agencies/${t.id}/reports/2016`,
      json: { base_revision: 0, document: validDocument(2016) },
    }),
  },
  // The public asking for A's unpublished report is told it does not exist.
  "GET /api/agencies/:id/reports/:year": {
    row: ["ok", "ok", "ok", "ok", "ok", "ok", "ok", 404],
    call: (t) => ({ method: "GET", path: report(t) }),
  },
  "GET /api/agencies/:id/reports/:year/export": {
    row: ["ok", "ok", "ok", "ok", "ok", "ok", "ok", 404],
    call: (t) => ({ method: "GET", path: report(t, "/export") }),
  },
  "GET /api/agencies/:id/reports/:year/revisions": {
    row: DRAFT_READ,
    call: (t) => ({ method: "GET", path: report(t, "/revisions") }),
  },
  "GET /api/agencies/:id/reports/:year/revisions/:number": {
    row: DRAFT_READ,
    call: (t) => ({ method: "GET", path: report(t, "/revisions/1") }),
  },
  "GET /api/agencies/:id/reports/:year/diff": {
    row: DRAFT_READ,
    call: (t) => ({ method: "GET", path: report(t, "/diff?from=1&to=1") }),
  },
  "GET /api/agencies/:id/reports/:year/reviews": {
    row: DRAFT_READ,
    call: (t) => ({ method: "GET", path: report(t, "/reviews") }),
  },
  "GET /api/agencies/:id/reports/:year/corrections": {
    row: ALL_OK,
    call: (t) => ({ method: "GET", path: report(t, "/corrections") }),
  },
  "POST /api/agencies/:id/reports/:year/submit": {
    row: AGENCY_WRITE,
    call: (t) => ({ method: "POST", path: report(t, "/submit"), json: { revision: 1 } }),
  },
  "POST /api/agencies/:id/reports/:year/return": {
    row: REVIEW,
    call: (t) => ({
      method: "POST",
      path: report(t, "/return"),
      json: { revision: 1, message: "请核对" },
    }),
  },
  "POST /api/agencies/:id/reports/:year/approve": {
    row: REVIEW,
    call: (t) => ({ method: "POST", path: report(t, "/approve"), json: { revision: 1 } }),
  },
  "GET /api/reports": { row: ALL_OK, call: () => ({ method: "GET", path: "/api/reports" }) },
  "GET /api/compare": {
    row: SIGNED_IN,
    call: () => ({
      method: "GET",
      path: "/api/compare?figure=section3.new_received.total&years=2022",
    }),
  },
  "POST /api/import": {
    row: ALL_OK,
    call: () => ({
      method: "POST",
      path: "/api/import",
      json: { text: "洛阳市2022年政府信息公开工作年度报告" },
    }),
  },
  "GET /api/rollup": {
    row: SIGNED_IN,
    call: () => ({ method: "GET", path: "/api/rollup?year=2022" }),
  },
  // The rollup's ledger a page at a time, readable as the rollup is.
  "GET /api/rollup/ledger": {
    row: SIGNED_IN,
    call: () => ({ method: "GET", path: "/api/rollup/ledger?year=2022" }),
  },
  // The dashboard reads published figures for every signed-in caller, as rollup does; current
  // figures are checked by scopeAggregate (tests/worker/dashboard.test.ts).
  "GET /api/overview": {
    row: SIGNED_IN,
    call: () => ({ method: "GET", path: "/api/overview?year=2022" }),
  },
  "GET /api/quality": {
    row: SIGNED_IN,
    call: () => ({ method: "GET", path: "/api/quality?year=2022" }),
  },
  "GET /api/region-report": {
    row: SIGNED_IN,
    call: () => ({ method: "GET", path: "/api/region-report?year=2022" }),
  },
  "GET /api/public/agencies": {
    row: ALL_OK,
    call: () => ({ method: "GET", path: "/api/public/agencies" }),
  },
  "GET /api/public/agencies/:id": {
    row: ALL_OK,
    call: (t) => ({ method: "GET", path: `/api/public/agencies/${t.id}` }),
  },
  "GET /api/public/agencies/:id/reports/:year": {
    row: PUBLISHED_ONLY,
    call: (t) => ({ method: "GET", path: `/api/public/agencies/${t.id}/reports/2022` }),
  },
  "GET /api/public/agencies/:id/reports/:year/corrections": {
    row: PUBLISHED_ONLY,
    call: (t) => ({ method: "GET", path: `/api/public/agencies/${t.id}/reports/2022/corrections` }),
  },
  "GET /api/public/rollup": {
    row: ALL_OK,
    call: (t) => ({ method: "GET", path: `/api/public/rollup?year=2022&under=${t.id}` }),
  },
  "GET /api/public/indicators": {
    row: ALL_OK,
    call: (t) => ({ method: "GET", path: `/api/public/indicators?agency=${t.id}&years=2022` }),
  },
  "GET /api/openapi.json": {
    row: ALL_OK,
    call: () => ({ method: "GET", path: "/api/openapi.json" }),
  },
  "GET /embed/loader.js": {
    row: ALL_OK,
    call: () => ({ method: "GET", path: "/embed/loader.js" }),
  },
  "GET /embed/resize.js": {
    row: ALL_OK,
    call: () => ({ method: "GET", path: "/embed/resize.js" }),
  },
  // Embeds show published figures only: A's draft year is drawn as a gap for everyone.
  "GET /embed/agency/:id": {
    row: ALL_OK,
    call: (t) => ({ method: "GET", path: `/embed/agency/${t.id}?years=2022` }),
  },
  "GET /embed/agency/:id/data.csv": {
    row: ALL_OK,
    call: (t) => ({ method: "GET", path: `/embed/agency/${t.id}/data.csv?years=2022` }),
  },
  "GET /embed/region/:code": {
    row: ALL_OK,
    call: () => ({ method: "GET", path: "/embed/region/9101?years=2022" }),
  },
  "GET /embed/region/:code/data.csv": {
    row: ALL_OK,
    call: () => ({ method: "GET", path: "/embed/region/9101/data.csv?years=2022" }),
  },
  "GET /api/public/bulk/:year{[^/]+\\.csv}": {
    row: ALL_OK,
    call: () => ({ method: "GET", path: "/api/public/bulk/2022.csv" }),
  },
  "GET /api/public/bulk/:year/datapackage.json": {
    row: ALL_OK,
    call: () => ({ method: "GET", path: "/api/public/bulk/2022/datapackage.json" }),
  },
  "GET /api/public/series": {
    row: ALL_OK,
    call: (t) => ({
      method: "GET",
      path: `/api/public/series?agency=${t.id}&figure=metrics.website_visits&years=2022`,
    }),
  },
};

const apiRoutes = () => {
  const keys = new Set<string>();
  for (const route of app.routes) {
    if (route.method !== "ALL") keys.add(`${route.method} ${route.path}`);
  }
  return [...keys];
};

let world: World;

beforeAll(async () => {
  const { region, a, b, token } = await insideAndOutside("A 的导入程序");
  world = {
    a,
    b,
    tokenA: token.token,
    sessions: {
      admin: await admin(),
      reviewer: await signIn("reviewer", { regionAgencyId: region.id }),
      submitterA: await signIn("submitter", { agencyId: a.id }),
    },
  };
});

async function send(key: string, kase: Case) {
  const entry = MATRIX[key]!;
  const target = kase.endsWith("/B") || kase === "rev-out" ? world.b : world.a;
  const call = await entry.call(target, world);
  const isLogout = key === "POST /api/auth/logout";
  const role =
    kase === "admin"
      ? "admin"
      : kase.startsWith("rev")
        ? "reviewer"
        : kase.startsWith("subA")
          ? "submitterA"
          : null;
  let as = role ? world.sessions[role] : undefined;
  // Logging out ends the session it is sent with; spend a fresh one.
  if (isLogout && role)
    as = role === "admin" ? await signIn("admin") : await signIn("reviewer", {});
  return request(call.path, {
    method: call.method,
    json: call.json,
    as,
    bearer: kase.startsWith("tokA") ? world.tokenA : undefined,
  });
}

describe("authorization matrix", () => {
  it("covers every API route", () => {
    expect(apiRoutes().sort()).toEqual(Object.keys(MATRIX).sort());
  });

  for (const key of Object.keys(MATRIX)) {
    it(`${key}: allows and refuses exactly as the policy says`, async () => {
      const outcomes: Record<string, number> = {};
      const expected: Record<string, Outcome> = {};
      for (const [i, kase] of CASES.entries()) {
        const response = await send(key, kase);
        const want = MATRIX[key]!.row[i]!;
        expected[kase] = want;
        outcomes[kase] = response.status;
      }
      const actual = Object.fromEntries(
        Object.entries(outcomes).map(([kase, status]) => [
          kase,
          expected[kase] === "ok" && status !== 401 && status !== 403 ? "ok" : status,
        ]),
      );
      expect(actual).toEqual(expected);
    });
  }
});
