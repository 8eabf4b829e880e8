import { createExecutionContext, env } from "cloudflare:test";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import app from "../../worker/index";
import { openApiDocument } from "../../worker/openapi/document";
import { INDICATORS } from "../../worker/report/indicators";
import {
  admin,
  createUser,
  insideAndOutside,
  PASSWORD,
  request,
  requestJson,
  type Session,
} from "./api";
import { validDocument } from "./builders";

/**
 * Fuzzes every route's path, query and body — wrong types, odd id spellings, huge and deeply
 * nested values, broken percent-encodings, long year lists, wrong content types — as the public,
 * a submitter, a reviewer and an administrator, and asks two things of every answer: it is not
 * a 5xx, and it comes within REQUEST_BUDGET_MS. ROUTES is checked against the app's routes and
 * the OpenAPI document, so a new route cannot escape.
 *
 * The bounded run is part of `npm test`. A longer one:
 *   VITE_NIANBAO_FUZZ_RUNS=2000 npx vitest run --project worker tests/worker/fuzz.test.ts
 * `VITE_NIANBAO_FUZZ_SEED` (and `-t` naming the route) replays the seed fast-check printed.
 * Vite hands `VITE_*` variables to `import.meta.env` inside workerd.
 */

const ENV = import.meta.env;
const RUNS = Number(ENV.VITE_NIANBAO_FUZZ_RUNS ?? 0) || 20;
const SEED = ENV.VITE_NIANBAO_FUZZ_SEED ? Number(ENV.VITE_NIANBAO_FUZZ_SEED) : undefined;
/**
 * Wall time for one request, answer body included, by Date.now() around it. Deployed, workerd's
 * clock moves only at I/O (the request's D1 calls are I/O); under vitest-pool-workers it also
 * moves during computation, so a CPU-bound answer is caught too. Alone the slowest answer takes
 * under 400 ms; `npm test` runs every test file at once on two cores, hence the margin (the
 * issue's hostile requests are held to 1 s alone, in strict-params.test.ts).
 */
const REQUEST_BUDGET_MS = 2000;
/**
 * Each request comes from an address of its own (2001:db8::/32 is for documentation), so that
 * neither the anonymous rate limit nor the login throttle turns the fuzz into a run of 429s.
 */
let addresses = 0;
const nextAddress = () => `2001:db8::${(++addresses).toString(16)}`;

// ---------------------------------------------------------------------------------------------
// The routes and what goes in them

const ROLES = ["anonymous", "submitter", "reviewer", "admin"] as const;
type Role = (typeof ROLES)[number];

type Kind =
  | "agency"
  | "user"
  | "token"
  | "invite"
  | "year"
  | "years"
  | "revision"
  | "int"
  | "bool"
  | "boolText"
  | "text"
  | "email"
  | "password"
  | "date"
  | "datetime"
  | "region"
  | "regionCode"
  | "figure"
  | "figures"
  | "metric"
  | "bulkCsv"
  | "bulkYear"
  | "document"
  | "explanations"
  | "comments"
  | "emailKinds"
  | readonly string[];

interface Spec {
  path?: Record<string, Kind>;
  query?: Record<string, Kind>;
  /** The fields of a well-formed JSON body. */
  body?: Record<string, Kind>;
}

const LEVELS = ["province", "city", "county", "township"] as const;
const KINDS = ["government", "department"] as const;
const SCOPES = ["self", "region"] as const;
const FORMATS = ["json", "csv"] as const;
const agencyFilter = {
  level: LEVELS,
  kind: KINDS,
  scope: SCOPES,
  region: "region",
  under: "agency",
} as const;
const paging = { limit: "int", offset: "int" } as const;
const report = { id: "agency", year: "year" } as const;
const embedQuery = {
  metric: "metric",
  years: "years",
  kind: ["card", "bars", "trend", "outcome_mix"],
  theme: ["light", "dark", "auto"],
  transparent: "boolText",
  lang: ["zh", "en"],
  scope: SCOPES,
  v: "int",
} as const;

const ROUTES: Record<string, Spec> = {
  "GET /api/health": {},
  "GET /api/auth/session": {},
  "POST /api/auth/login": { body: { email: "email", password: "password" } },
  "POST /api/auth/logout": { body: {} },
  "GET /api/auth/invites/:token": { path: { token: "invite" } },
  "POST /api/auth/invites/:token/accept": {
    path: { token: "invite" },
    body: { password: "password", name: "text" },
  },
  "GET /api/users": {},
  "POST /api/invites": {
    body: {
      email: "email",
      name: "text",
      role: ["submitter", "reviewer", "admin"],
      agency_id: "agency",
      region_agency_id: "agency",
    },
  },
  "POST /api/users/:id/reset-link": { path: { id: "user" } },
  "POST /api/users/:id/revoke-sessions": { path: { id: "user" } },
  "PATCH /api/users/:id": { path: { id: "user" }, body: { name: "text", active: "bool" } },
  "GET /api/tokens": { query: { agency_id: "agency" } },
  "POST /api/tokens": { body: { agency_id: "agency", name: "text" } },
  "DELETE /api/tokens/:id": { path: { id: "token" } },
  "GET /api/audit": {
    query: { action: "text", actor: "text", since: "datetime", ...paging },
  },
  "GET /api/deadlines": {},
  "GET /api/season": {},
  "GET /api/notifications": { query: { unread: ["true", "false"], ...paging } },
  "POST /api/notifications/read-all": { body: {} },
  "POST /api/notifications/:id/read": { path: { id: "int" } },
  "GET /api/notifications/email-settings": {},
  "PUT /api/notifications/email-settings": { body: { kinds: "emailKinds" } },
  "GET /api/outbox": { query: paging },
  "GET /api/outbox/:id/html": { path: { id: "int" } },
  "POST /api/chase/preview": { body: { year: "year", under: "agency", agency_id: "agency" } },
  "POST /api/chase": { body: { year: "year", under: "agency", agency_id: "agency" } },
  "PUT /api/deadlines/:year": {
    path: { year: "year" },
    body: { department_deadline: "date", government_deadline: "date" },
  },
  "GET /api/agencies": {
    query: { ...agencyFilter, parent: "agency", q: "text", ...paging, format: FORMATS },
  },
  "GET /api/agencies/:id": { path: { id: "agency" } },
  "POST /api/agencies": {
    body: {
      name: "text",
      level: LEVELS,
      kind: KINDS,
      scope: SCOPES,
      parent_id: "agency",
      region_code: "regionCode",
    },
  },
  "PATCH /api/agencies/:id": {
    path: { id: "agency" },
    body: { name: "text", parent_id: "agency", region_code: "regionCode", level: LEVELS },
  },
  "GET /api/agencies/:id/reports": { path: { id: "agency" } },
  "PUT /api/agencies/:id/reports/:year": {
    path: report,
    body: {
      base_revision: "revision",
      document: "document",
      note: "text",
      source: ["import", "import_undo"],
    },
  },
  "GET /api/agencies/:id/reports/:year": {
    path: report,
    query: { version: ["visible", "published"] },
  },
  "GET /api/agencies/:id/reports/:year/export": { path: report, query: { format: FORMATS } },
  "GET /api/agencies/:id/reports/:year/revisions": { path: report },
  "GET /api/agencies/:id/reports/:year/revisions/:number": {
    path: { ...report, number: "revision" },
  },
  "GET /api/agencies/:id/reports/:year/diff": {
    path: report,
    query: { from: "revision", to: "revision" },
  },
  "GET /api/agencies/:id/reports/:year/reviews": { path: report },
  "GET /api/agencies/:id/reports/:year/corrections": { path: report },
  "POST /api/agencies/:id/reports/:year/submit": {
    path: report,
    body: { revision: "revision", explanations: "explanations" },
  },
  "POST /api/agencies/:id/reports/:year/return": {
    path: report,
    body: { revision: "revision", message: "text", comments: "comments" },
  },
  "POST /api/agencies/:id/reports/:year/approve": {
    path: report,
    body: { revision: "revision" },
  },
  "GET /api/reports": {
    query: {
      ...agencyFilter,
      year: "year",
      status: ["draft", "submitted", "returned", "approved"],
      has_findings: ["errors", "warnings", "any", "none"],
      late: ["true", "false"],
      q: "text",
      sort: ["agency", "submitted"],
      ...paging,
      format: FORMATS,
    },
  },
  "GET /api/compare": {
    query: {
      figure: "figures",
      years: "years",
      ...agencyFilter,
      basis: ["current", "published"],
      ...paging,
      rank: "boolText",
      pick: "boolText",
      sort: ["path", "rank", "value", "agency"],
      dir: ["asc", "desc"],
      format: FORMATS,
    },
  },
  "POST /api/import": { body: { text: "text", year_hint: "year" } },
  "GET /api/rollup": {
    query: { ...agencyFilter, year: "year", basis: ["current", "published"], format: FORMATS },
  },
  "GET /api/rollup/ledger": {
    query: {
      ...agencyFilter,
      year: "year",
      basis: ["current", "published"],
      state: ["included", "contained", "covered_by_parts", "pending", "missing", "x"],
      ...paging,
    },
  },
  "GET /api/overview": {
    query: {
      year: "year",
      under: "agency",
      region: "region",
      scope: SCOPES,
      basis: ["current", "published"],
      limit: "int",
    },
  },
  "GET /api/quality": {
    query: {
      year: "year",
      under: "agency",
      region: "region",
      scope: SCOPES,
      basis: ["current", "published"],
      figure: "figures",
      limit: "int",
      hard_offset: "int",
      soft_offset: "int",
    },
  },
  "GET /api/region-report": {
    query: {
      ...agencyFilter,
      year: "year",
      format: ["json", "csv", "xlsx"],
      part: ["tables", "ledger"],
    },
  },
  "GET /api/public/agencies": {
    query: { ...agencyFilter, q: "text", ...paging, format: FORMATS },
  },
  "GET /api/public/agencies/:id": {
    path: { id: "agency" },
  },
  "GET /api/public/agencies/:id/reports/:year": {
    path: report,
    query: { format: FORMATS },
  },
  "GET /api/public/agencies/:id/reports/:year/corrections": {
    path: report,
  },
  "GET /api/public/rollup": {
    query: { year: "year", under: "agency", region: "region", scope: SCOPES, format: FORMATS },
  },
  "GET /api/public/indicators": {
    query: {
      agency: "agency",
      under: "agency",
      region: "region",
      scope: SCOPES,
      years: "years",
      format: FORMATS,
    },
  },
  "GET /api/public/series": {
    query: {
      agency: "agency",
      under: "agency",
      region: "region",
      scope: SCOPES,
      years: "years",
      figure: "figure",
      format: FORMATS,
    },
  },
  "GET /api/public/bulk/:year{[^/]+\\.csv}": {
    path: { year: "bulkCsv" },
  },
  "GET /api/public/bulk/:year/datapackage.json": {
    path: { year: "bulkYear" },
  },
  "GET /api/openapi.json": {},
  "GET /embed/loader.js": {},
  "GET /embed/resize.js": {},
  "GET /embed/agency/:id": {
    path: { id: "agency" },
    query: embedQuery,
  },
  "GET /embed/agency/:id/data.csv": {
    path: { id: "agency" },
    query: embedQuery,
  },
  "GET /embed/region/:code": {
    path: { code: "region" },
    query: embedQuery,
  },
  "GET /embed/region/:code/data.csv": {
    path: { code: "region" },
    query: embedQuery,
  },
};

// ---------------------------------------------------------------------------------------------
// The world the fuzzer aims at: real ids next to made-up ones

interface World {
  agencies: number[];
  users: number[];
  tokens: number[];
  invites: string[];
  submitterAgency: number;
  regionAgency: number;
}

let world: World;
const sessions = new Map<Role, Session>();

async function freshSession(role: Role): Promise<Session | undefined> {
  if (role === "anonymous") return undefined;
  const places =
    role === "reviewer"
      ? { regionAgencyId: world.regionAgency }
      : role === "submitter"
        ? { agencyId: world.submitterAgency }
        : {};
  const user = await createUser(role, places);
  const answer = await request("/api/auth/login", {
    method: "POST",
    json: { email: user.email, password: PASSWORD },
    headers: { "cf-connecting-ip": nextAddress() },
  });
  const body = await answer.json<{ csrf_token: string }>();
  if (answer.status !== 200) throw new Error(`login: ${answer.status} ${JSON.stringify(body)}`);
  const cookie = answer.headers.get("set-cookie")!.split(";")[0]!;
  return { cookie, csrf: body.csrf_token, userId: user.id };
}

/** A fuzzed request may log a role out, revoke its sessions or deactivate it: sign in anew. */
async function reviveSessions() {
  for (const role of ROLES) {
    const session = sessions.get(role);
    if (!session) continue;
    const answer = await requestJson("/api/auth/session", { as: session });
    if (answer.status !== 200 || !answer.body?.user)
      sessions.set(role, (await freshSession(role))!);
  }
}

beforeAll(async () => {
  const { region, a, b, token } = await insideAndOutside("模糊测试令牌");
  const invites: string[] = [];
  const users: number[] = [];
  for (const agencyId of [a.id, b.id]) {
    const invite = await requestJson("/api/invites", {
      method: "POST",
      as: await admin(),
      json: {
        email: `fuzz-${agencyId}-${Date.now()}@example.gov.cn`,
        name: "受邀人",
        role: "submitter",
        agency_id: agencyId,
      },
    });
    invites.push((invite.body.invite_url as string).split("#")[1]!);
    users.push(invite.body.user_id as number);
  }
  users.push((await createUser("reviewer", { regionAgencyId: region.id })).id);
  world = {
    agencies: [region.id, a.id, b.id],
    users,
    tokens: [token.id],
    invites,
    submitterAgency: a.id,
    regionAgency: region.id,
  };
  for (const role of ROLES) {
    const session = await freshSession(role);
    if (session) sessions.set(role, session);
  }
}, 60_000);

// ---------------------------------------------------------------------------------------------
// Values: well-formed ones, and everything else

/** JSON text spliced into a body as it is (too deep for JSON.stringify, or not JSON at all). */
class Raw {
  constructor(
    readonly text: string,
    readonly label: string,
  ) {}
}

const deep = (depth: number) => new Raw("[".repeat(depth) + "]".repeat(depth), `[…]×${depth}`);
const deepObject = (depth: number) =>
  new Raw('{"a":'.repeat(depth) + "1" + "}".repeat(depth), `{"a":…}×${depth}`);

const ID_SPELLINGS = [
  " 1",
  "1 ",
  "1.0",
  "+1",
  "00001",
  "0x10",
  "0b1",
  "0o7",
  "1e3",
  "1e-3",
  "-1",
  "0",
  "-0",
  "1.5",
  "NaN",
  "Infinity",
  "-Infinity",
  "9007199254740993",
  "99999999999999999999999",
  "1e309",
  "",
  " ",
  "\t1",
  "\n1",
  "true",
  "false",
  "null",
  "undefined",
  "[]",
  "{}",
  "[1]",
  "１",
  "２０２２",
  "٢٠٢٢",
  "2022 ",
  "2022.0",
  "2022e0",
  "2,022",
  "2_022",
];

/** Already percent-encoded: broken escapes, invalid UTF-8, overlong forms, NUL. */
const PERCENT_JUNK = [
  "%C3%28",
  "%",
  "%%",
  "%zz",
  "%2",
  "%00",
  "1%00",
  "%FF%FE",
  "%E4%B8",
  "%C0%AF",
  "%ED%A0%80",
  "%F4%90%80%80",
  "%2F",
  "%2e%2e",
  "..",
  "%u4e2d",
  "%E4%B8%AD%E6%96%87",
  "%0A%0D",
  "%20",
  "+",
  "%2B1",
  "1%2C2",
  "%3F",
  "%23",
];

const loneSurrogates = fc
  .array(fc.integer({ min: 0xd800, max: 0xdfff }), { minLength: 1, maxLength: 3 })
  .map((units) => String.fromCharCode(...units));

/** Year lists a reader might choke on: many ranges, near-limit spans, backwards and empty parts. */
const yearListJunk = fc.oneof(
  fc
    .integer({ min: 1, max: 200 })
    .map((n) =>
      Array.from({ length: n }, (_, i) => `${1000 + i * 51}-${1000 + i * 51 + 50}`).join(","),
    ),
  fc
    .integer({ min: 1, max: 120 })
    .map((n) => Array.from({ length: n }, (_, i) => String(1950 + i)).join(",")),
  fc
    .integer({ min: 90, max: 101 })
    .map((n) => `1950-${1950 + Math.min(n, 50) - 1},${2000}-${2000 + Math.max(n - 50, 1) - 1}`),
  fc.constantFrom(
    "0000-9999",
    "9999",
    "0000",
    "2024-2020",
    "2022-",
    "-2022",
    ",",
    "2022,,2023",
    "2022-2023-2024",
    "2022,2022,2022",
    "1000-1050",
    "2008-2058",
    "2007",
    "2100",
    "2022 ,2023",
  ),
  fc
    .integer({ min: 1000, max: 20000 })
    .map((n) => Array.from({ length: n }, () => "2022").join(",")),
);

interface Junk {
  text: string;
  /** Already percent-encoded: goes into the URL as it is. */
  encoded?: boolean;
}

const textJunk: fc.Arbitrary<Junk> = fc.oneof<fc.Arbitrary<Junk>[]>(
  fc.constantFrom(...ID_SPELLINGS).map((text) => ({ text })),
  fc.constantFrom(...PERCENT_JUNK).map((text) => ({ text, encoded: true })),
  fc.string({ maxLength: 12 }).map((text) => ({ text })),
  fc.string({ unit: "binary", maxLength: 12 }).map((text) => ({ text })),
  loneSurrogates.map((text) => ({ text })),
  fc
    .constantFrom("洛阳市", "政府信息公开", "中文\u0000", "\u0000", "a\u0000b", "🀄️👍🏽")
    .map((text) => ({ text })),
  fc
    .tuple(fc.constantFrom("9", "a", "中", "%"), fc.constantFrom(256, 10_000, 60_000))
    .map(([c, n]) => ({ text: c.repeat(n) })),
  yearListJunk.map((text) => ({ text })),
);

const jsonJunk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    -0,
    1.5,
    1e308,
    -1e308,
    2 ** 53 + 2,
    2 ** 31,
    2 ** 63,
    1e21,
    Number.MIN_VALUE,
    null,
    true,
    false,
    [],
    {},
    [1, 2],
    { id: 1 },
    "",
    "\u0000",
    "洛阳市",
    "<script>",
  ),
  fc.constantFrom(...ID_SPELLINGS),
  fc.jsonValue({ maxDepth: 2 }),
  loneSurrogates,
  fc.constantFrom(1000, 100_000, 900_000).map((n) => "x".repeat(n)),
  fc.constantFrom(1000, 100_000).map((n) => Array.from({ length: n }, (_, i) => i)),
  fc
    .constantFrom(1000, 50_000)
    .map((n) => Array.from({ length: n }, () => ({ rule: "x", text: "y", path: "a" }))),
  fc.constantFrom(100, 1000, 10_000, 100_000).map(deep),
  fc.constantFrom(1000, 10_000, 100_000).map(deepObject),
);

const FIGURES = [
  "section3.new_received.total",
  "metrics.website_visits",
  `indicator.${INDICATORS[0]!.key}`,
];

function valid(kind: Kind): fc.Arbitrary<unknown> {
  if (typeof kind !== "string") return fc.constantFrom(...(kind as string[]));
  switch (kind) {
    case "agency":
      return fc.constantFrom(...world.agencies, 999_999);
    case "user":
      return fc.constantFrom(...world.users, 999_999);
    case "token":
      return fc.constantFrom(...world.tokens, 999_999);
    case "invite":
      return fc.oneof(
        fc.constantFrom(...world.invites),
        fc.string({ minLength: 20, maxLength: 60 }),
      );
    case "year":
      // The reporting era (2008 to next year) and a year past each end.
      return fc.integer({ min: 2007, max: new Date().getUTCFullYear() + 2 });
    case "years":
      return fc.constantFrom("2022", "2021-2023", "2020,2022", "2019-2024");
    case "revision":
      return fc.integer({ min: 0, max: 3 });
    case "int":
      return fc.integer({ min: 0, max: 2000 });
    case "bool":
      return fc.boolean();
    case "boolText":
      return fc.constantFrom("true", "false", "1", "0", "yes", "no");
    case "text":
      return fc.constantFrom("洛阳市", "政府信息公开", "report", "a b");
    case "email":
      return fc.nat().map((n) => `fuzz-${n}@example.gov.cn`);
    case "password":
      return fc.constantFrom("correct horse 2026", "新密码 secret 2026", "x");
    case "date":
      return fc.constantFrom("2023-01-31", "2023-02-30", "2023-03-31");
    case "datetime":
      return fc.constantFrom("2026-01-01T00:00:00Z", "2026-01-01T00:00:00+08:00");
    case "region":
      return fc.constantFrom("91", "9101", "910100", "92");
    case "regionCode":
      return fc.constantFrom("910100", "920100");
    case "figure":
      return fc.constantFrom(...FIGURES.slice(0, 2));
    case "figures":
      return fc.subarray(FIGURES, { minLength: 1 }).map((keys) => keys.join(","));
    case "metric":
      return fc.constantFrom(...FIGURES);
    case "bulkCsv":
      return fc.constantFrom("2022.csv", "2021.csv");
    case "bulkYear":
      return fc.constantFrom("2022", "2021");
    case "document":
      return fc
        .integer({ min: 2007, max: new Date().getUTCFullYear() + 2 })
        .map((year) => validDocument(year));
    case "explanations":
      return fc.constantFrom([], [{ rule: "R1", text: "说明" }]);
    case "comments":
      return fc.constantFrom([], [{ path: "section3", text: "请核对" }]);
    case "emailKinds":
      // Kinds of every role's, so that some are refused for the role that sends them.
      return fc.dictionary(
        fc.constantFrom("chase", "report_submitted", "review_digest", "report_approved"),
        fc.boolean(),
      );
  }
}

/** A report document with one leaf replaced by junk. */
const brokenDocument = fc
  .tuple(fc.integer({ min: 2021, max: 2023 }), fc.nat(), jsonJunk)
  .map(([year, pick, junk]) => {
    const doc = validDocument(year) as unknown as Record<string, unknown>;
    const leaves: [Record<string, unknown>, string][] = [];
    const walk = (node: unknown) => {
      if (node === null || typeof node !== "object") return;
      for (const [key, value] of Object.entries(node)) {
        leaves.push([node as Record<string, unknown>, key]);
        walk(value);
      }
    };
    walk(doc);
    const [parent, key] = leaves[pick % leaves.length]!;
    parent[key] = junk;
    return doc;
  });

function fieldValue(kind: Kind): fc.Arbitrary<unknown> {
  const junk = kind === "document" ? fc.oneof(jsonJunk, brokenDocument) : jsonJunk;
  return fc.oneof({ weight: 3, arbitrary: valid(kind) }, { weight: 2, arbitrary: junk });
}

/** The text of a path segment or query value, percent-encoded. */
function textValue(kind: Kind): fc.Arbitrary<string> {
  const well = valid(kind).map((v) => encode(String(v)));
  const ill = (
    kind === "years"
      ? fc.oneof(
          textJunk,
          yearListJunk.map((text): Junk => ({ text })),
        )
      : textJunk
  ).map((v) => (v.encoded ? v.text : encode(v.text)));
  return fc.oneof({ weight: 1, arbitrary: well }, { weight: 1, arbitrary: ill });
}

/** encodeURIComponent, but lone surrogates go as their WTF-8 bytes instead of throwing. */
function encode(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const isHigh = unit >= 0xd800 && unit <= 0xdbff;
    const next = text.charCodeAt(i + 1);
    if (isHigh && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out +=
        `%${(0xe0 | (unit >> 12)).toString(16)}%${(0x80 | ((unit >> 6) & 0x3f)).toString(16)}%${(0x80 | (unit & 0x3f)).toString(16)}`.toUpperCase();
    } else {
      out += encodeURIComponent(text[i]!);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Requests

interface FuzzRequest {
  method: string;
  url: string;
  contentType: string | null;
  body: string | null;
  /** Sent as a stream of 64 KiB chunks, with no length declared. */
  chunked: boolean;
  headers: Record<string, string>;
}

const CONTENT_TYPES = [
  "application/json",
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  null,
] as const;

const RAW_BODIES = [
  "",
  "{}",
  "{",
  "not json",
  "null",
  "[]",
  "1",
  '"x"',
  "\u0000",
  "a=1&b=2",
  '{"a":1}{"b":2}',
  '{"__proto__":{"admin":true}}',
  "\ufeff{}",
];

const EXTRA_HEADERS = fc.oneof(
  { weight: 6, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Record<string, string>>(
      { "x-d1-bookmark": "junk" },
      { "x-d1-bookmark": "" },
      { "x-d1-bookmark": "0".repeat(5000) },
      { "if-none-match": '"v1"' },
      { "if-none-match": "*" },
      { "x-csrf-token": "" },
      // What the body is said to be, against what it is.
      { "content-length": "abc" },
      { "content-length": "-1" },
      { "content-length": "5" },
      { "content-length": "0" },
      { "content-length": "1048577" },
      { "content-length": "99999999999999999999" },
    ),
  },
);

function stringifyBody(value: unknown): string {
  const raws = new Map<string, string>();
  let out = JSON.stringify(value, (_key, v: unknown) => {
    if (!(v instanceof Raw)) return v;
    const marker = `\u0000raw:${raws.size}:${v.label}`;
    raws.set(JSON.stringify(marker), v.text);
    return marker;
  });
  for (const [marker, raw] of raws) out = out.split(marker).join(raw);
  return out;
}

function bodyArbitrary(spec: Spec): fc.Arbitrary<string> {
  const fields = Object.entries(spec.body ?? {});
  const shaped = fc
    .tuple(
      ...fields.map(([, kind]) => fc.option(fieldValue(kind), { nil: undefined, freq: 6 })),
      fc.option(
        fc.tuple(
          fc.constantFrom("__proto__", "constructor", "agency_id", "role", "parent_id", "id", "x"),
          jsonJunk,
        ),
        { freq: 4 },
      ),
    )
    .map((values) => {
      const extra = values.pop() as [string, unknown] | null;
      const object: Record<string, unknown> = {};
      fields.forEach(([name], i) => {
        if (values[i] !== undefined) object[name] = values[i];
      });
      if (extra) Object.defineProperty(object, extra[0], { value: extra[1], enumerable: true });
      return stringifyBody(object);
    });
  return fc.oneof(
    { weight: 6, arbitrary: shaped },
    { weight: 1, arbitrary: jsonJunk.map(stringifyBody) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_BODIES) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(1024 * 1024 + 1, 2 * 1024 * 1024).map((n) => "x".repeat(n)),
    },
  );
}

function queryArbitrary(spec: Spec): fc.Arbitrary<string> {
  const keys = Object.entries(spec.query ?? {});
  const entries = keys.map(([name, kind]) =>
    fc.option(
      textValue(kind).map((value) => `${name}=${value}`),
      { nil: undefined, freq: 2 },
    ),
  );
  const extra = fc.option(
    fc.oneof(
      fc
        .constantFrom("__proto__", "constructor", "x", "", "a[b]", "%C3%28")
        .chain((name) => textValue("text").map((value) => `${name}=${value}`)),
      // A known key twice: Hono hands the validator an array.
      keys.length > 0
        ? fc.constantFrom(...keys.map(([name]) => name)).map((name) => `${name}=1&${name}=2`)
        : fc.constant("x=1&x=2"),
      fc.constantFrom("&&", "=", "==", "a==b", "%", "&=&"),
    ),
    { freq: 4 },
  );
  return fc.tuple(fc.tuple(...entries), extra).map(([parts, more]) => {
    const all = [...parts.filter((p) => p !== undefined), ...(more ? [more] : [])];
    return all.length ? `?${all.join("&")}` : "";
  });
}

/** A route's path with well-formed values: a real id of each kind, 2022, revision 1. */
function wellFormedPath(key: string, spec: Spec): string {
  const [, template] = key.split(" ") as [string, string];
  const sample: Partial<Record<string, string>> = {
    agency: String(world.agencies[1]),
    user: String(world.users[0]),
    token: String(world.tokens[0]),
    invite: world.invites[0],
    year: "2022",
    revision: "1",
    region: "9101",
    bulkCsv: "2022.csv",
    bulkYear: "2022",
  };
  let path = template;
  for (const [name, kind] of Object.entries(spec.path ?? {})) {
    const pattern = name === "year" && template.includes(".csv") ? /:year\{[^}]+\}/ : `:${name}`;
    path = path.replace(pattern, sample[kind as string]!);
  }
  return path;
}

/**
 * Requests every run tries first: a body route with an empty JSON object (a PATCH of nothing,
 * a POST with every field missing), whatever the random ones happen to draw.
 */
function examples(key: string, spec: Spec): [FuzzRequest][] {
  const [method] = key.split(" ") as [string];
  if (!spec.body) return [];
  const request: FuzzRequest = {
    method,
    url: wellFormedPath(key, spec),
    contentType: "application/json",
    body: "{}",
    chunked: false,
    headers: {},
  };
  return [[Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) })]];
}

function requestArbitrary(key: string, spec: Spec): fc.Arbitrary<FuzzRequest> {
  const [method, template] = key.split(" ") as [string, string];
  const params = Object.entries(spec.path ?? {});
  const pathParts = fc.tuple(...params.map(([, kind]) => textValue(kind)));
  const hasBody = method !== "GET" && method !== "HEAD";
  return fc
    .record({
      values: pathParts,
      query: queryArbitrary(spec),
      body: hasBody ? fc.option(bodyArbitrary(spec), { nil: null, freq: 12 }) : fc.constant(null),
      contentType: hasBody ? fc.constantFrom(...CONTENT_TYPES) : fc.constant(null),
      chunked: hasBody ? fc.boolean() : fc.constant(false),
      headers: EXTRA_HEADERS,
    })
    .map(({ values, query, body, contentType, chunked, headers }) => {
      let path = template;
      params.forEach(([name], i) => {
        const pattern =
          name === "year" && template.includes(".csv") ? /:year\{[^}]+\}/ : `:${name}`;
        path = path.replace(pattern, values[i]!);
      });
      const request: FuzzRequest = {
        method,
        url: `${path}${query}`,
        contentType,
        body,
        chunked: chunked && body !== null,
        headers,
      };
      return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
    });
}

const clip = (text: string, max = 300) =>
  text.length <= max ? text : `${text.slice(0, max)}… (${text.length} chars)`;

function describeRequest(r: FuzzRequest, role?: Role): string {
  const parts = [`${r.method} ${clip(r.url)}`];
  if (role) parts.push(`as ${role}`);
  if (r.contentType) parts.push(`content-type: ${r.contentType}`);
  for (const [name, value] of Object.entries(r.headers)) parts.push(`${name}: ${clip(value, 40)}`);
  if (r.body !== null)
    parts.push(`${r.chunked ? "chunked body" : "body"} ${JSON.stringify(clip(r.body))}`);
  return parts.join(" | ");
}

// ---------------------------------------------------------------------------------------------
// Sending, timing, and what was found

interface Finding {
  route: string;
  problem: string;
  request: string;
  answer: string;
}
const findings: Finding[] = [];
const counts = { requests: 0, ms: 0, slowest: 0, slowestRequest: "" };
/** How the answers spread over statuses: a fuzzer that only ever hears 400 tests the validator. */
const statuses = new Map<number, number>();

async function send(r: FuzzRequest, role: Role) {
  const session = sessions.get(role);
  const headers = new Headers({ "cf-connecting-ip": nextAddress(), ...r.headers });
  if (r.contentType) headers.set("content-type", r.contentType);
  if (session) {
    headers.set("cookie", session.cookie);
    if (!headers.has("x-csrf-token")) headers.set("x-csrf-token", session.csrf);
  }
  const body = r.body !== null && r.chunked ? chunks(r.body) : r.body;
  const started = Date.now();
  let status: number;
  let text: string;
  try {
    const response = await app.request(
      `http://localhost${r.url}`,
      { method: r.method, headers, body },
      env,
      createExecutionContext(),
    );
    status = response.status;
    // Read as bytes: some answers are XLSX.
    text = new TextDecoder().decode(await response.arrayBuffer());
  } catch (error) {
    status = 599;
    text = `thrown: ${String(error)}`;
  }
  const elapsed = Date.now() - started;
  counts.requests++;
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
  counts.ms += elapsed;
  if (elapsed > counts.slowest) {
    counts.slowest = elapsed;
    counts.slowestRequest = describeRequest(r, role);
  }
  return { status, text, elapsed };
}

function chunks(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(at, at + 65_536));
      at += 65_536;
    },
  });
}

async function check(key: string, r: FuzzRequest): Promise<boolean> {
  let ok = true;
  for (const role of ROLES) {
    const { status, text, elapsed } = await send(r, role);
    const problems = [
      ...(status >= 500 ? [`${status}`] : []),
      ...(elapsed > REQUEST_BUDGET_MS ? [`${elapsed} ms`] : []),
    ];
    if (problems.length) {
      ok = false;
      findings.push({
        route: key,
        problem: problems.join(", "),
        request: describeRequest(r, role),
        answer: `${status} ${clip(text, 200)}`,
      });
    }
  }
  if (/logout|revoke-sessions|PATCH \/api\/users|accept/.test(key)) await reviveSessions();
  return ok;
}

afterAll(() => {
  const seen = new Set<string>();
  const distinct = findings.filter((f) => {
    const id = `${f.route} ${f.problem.replace(/\d+ ms/, "slow")} ${f.answer.slice(0, 60)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  console.log(
    `fuzz: ${counts.requests} requests in ${(counts.ms / 1000).toFixed(1)} s ` +
      `(${RUNS} runs × ${ROLES.length} roles per route; slowest ${counts.slowest} ms: ${clip(counts.slowestRequest, 200)}); ` +
      `statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
  );
  if (distinct.length) {
    console.log(
      `fuzz: ${findings.length} bad answers, ${distinct.length} distinct:\n` +
        distinct
          .map((f) => `  ${f.route}: ${f.problem}\n    ${f.request}\n    → ${f.answer}`)
          .join("\n"),
    );
  }
});

// ---------------------------------------------------------------------------------------------

const appRoutes = () => {
  const keys = new Set<string>();
  for (const route of app.routes)
    if (route.method !== "ALL") keys.add(`${route.method} ${route.path}`);
  return [...keys].sort();
};

describe("fuzzing every route", () => {
  it("fuzzes every route the app mounts", () => {
    expect(Object.keys(ROUTES).sort()).toEqual(appRoutes());
  });

  it("fuzzes every route the OpenAPI document lists", () => {
    const documented = Object.entries(openApiDocument(app).paths ?? {}).flatMap(([path, methods]) =>
      Object.keys(methods ?? {}).map((method) => `${method.toUpperCase()} ${path}`),
    );
    // Hono's `:id` is OpenAPI's `{id}`; the bulk CSV's pattern takes the whole file name.
    const fuzzed = Object.keys(ROUTES).map((key) =>
      key.replace(/:(\w+)\{[^}]*\.csv\}/, "{$1}.csv").replace(/:(\w+)/g, "{$1}"),
    );
    expect(fuzzed.sort()).toEqual(documented.sort());
  });

  for (const [key, spec] of Object.entries(ROUTES)) {
    it(`${key} answers every request without a 5xx, within ${REQUEST_BUDGET_MS} ms`, async () => {
      await fc.assert(
        fc.asyncProperty(requestArbitrary(key, spec), (r) => check(key, r)),
        { numRuns: RUNS, seed: SEED, endOnFailure: RUNS <= 50, examples: examples(key, spec) },
      );
    }, 600_000);
  }
});
