import { env } from "cloudflare:test";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import app from "../../worker/index";
import {
  admin,
  createAgency,
  createUser,
  request,
  requestJson,
  saveDocument,
  signIn,
  type Session,
} from "./api";
import { validDocument } from "./builders";

/**
 * Random actors × random targets over every write route: a write succeeds only when the actor
 * may change its target, and a refused write changes nothing (read back from D1). The rules are
 * restated here from the policy's intent (worker/auth/policy.ts) rather than imported, so a
 * change to the policy table has to be made twice on purpose.
 *
 * The world: province P1 ⊃ city C1 ⊃ agencies A, A2; province P2 ⊃ agency B. The reviewer
 * reviews P1; the submitter and the API token belong to A.
 *
 * The bounded run is part of `npm test`; a longer one:
 *   VITE_NIANBAO_AUTHZ_RUNS=2000 npx vitest run --project worker tests/worker/authorization.property.test.ts
 * and `VITE_NIANBAO_AUTHZ_SEED` replays the seed fast-check printed.
 */

const ENV = import.meta.env;
const RUNS = Number(ENV.VITE_NIANBAO_AUTHZ_RUNS ?? 0) || 50;
const SEED = ENV.VITE_NIANBAO_AUTHZ_SEED ? Number(ENV.VITE_NIANBAO_AUTHZ_SEED) : undefined;

const ACTORS = ["anonymous", "admin", "reviewer", "submitter", "token"] as const;
type ActorName = (typeof ACTORS)[number];
const PLACES = ["P1", "C1", "A", "A2", "P2", "B", "missing"] as const;
type Place = (typeof PLACES)[number];
/** The reviewer's region. */
const IN_P1: readonly Place[] = ["P1", "C1", "A", "A2"];
const MISSING_ID = 999_999;
const WRITE_YEAR = 2023;

interface World {
  ids: Record<Place, number>;
  sessions: Record<"admin" | "reviewer" | "submitter", Session>;
  token: string;
  /** Users no actor signs in as: the targets of the user-management routes. */
  victims: number[];
  /** An API token of each agency, to revoke. */
  tokenOf: Partial<Record<Place, number>>;
}

let world: World;
let serial = 0;
const fresh = () => `${Date.now().toString(36)}-${++serial}`;

beforeAll(async () => {
  const p1 = await createAgency({
    level: "province",
    kind: "government",
    scope: "region",
    region_code: "930000",
  });
  const c1 = await createAgency({
    level: "city",
    kind: "government",
    scope: "region",
    parent_id: p1.id,
    region_code: "930100",
  });
  const a = await createAgency({ parent_id: c1.id, region_code: "930100" });
  const a2 = await createAgency({ parent_id: c1.id, region_code: "930100" });
  const p2 = await createAgency({
    level: "province",
    kind: "government",
    scope: "region",
    region_code: "940000",
  });
  const b = await createAgency({ parent_id: p2.id, region_code: "940100" });
  const ids: Record<Place, number> = {
    P1: p1.id,
    C1: c1.id,
    A: a.id,
    A2: a2.id,
    P2: p2.id,
    B: b.id,
    missing: MISSING_ID,
  };
  for (const place of ["A", "A2", "B", "C1"] as const) {
    await saveDocument(ids[place], validDocument(WRITE_YEAR));
  }
  const tokenOf: World["tokenOf"] = {};
  for (const place of ["A", "A2", "B"] as const) {
    const made = await requestJson("/api/tokens", {
      method: "POST",
      as: await admin(),
      json: { agency_id: ids[place], name: `撤销目标 ${place}` },
    });
    tokenOf[place] = made.body.id as number;
  }
  const token = await requestJson("/api/tokens", {
    method: "POST",
    as: await admin(),
    json: { agency_id: a.id, name: "A 的导入程序" },
  });
  const victims = [
    (await createUser("submitter", { agencyId: a.id })).id,
    (await createUser("submitter", { agencyId: b.id })).id,
    (await createUser("reviewer", { regionAgencyId: p2.id })).id,
  ];
  world = {
    ids,
    token: token.body.token as string,
    tokenOf,
    victims,
    sessions: {
      admin: await admin(),
      reviewer: await signIn("reviewer", { regionAgencyId: p1.id }),
      submitter: await signIn("submitter", { agencyId: a.id }),
    },
  };
}, 60_000);

// ---------------------------------------------------------------------------------------------
// The rules, restated

type Reach = "admin" | "subtree" | "own";

/** Who may: the administrator always; `subtree` adds the reviewer inside P1; `own` adds A's submitter and token. */
function may(actor: ActorName, reach: Reach, target: Place, { tokens = true } = {}): boolean {
  if (actor === "admin") return target !== "missing";
  if (reach === "subtree") return actor === "reviewer" && IN_P1.includes(target);
  if (reach === "own")
    return (actor === "submitter" || (tokens && actor === "token")) && target === "A";
  return false;
}

// ---------------------------------------------------------------------------------------------
// The write routes

interface Call {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

interface Case {
  /** What the generator aimed at, for the failure message. */
  story: string;
  call: Call;
  /** What the administrator sends instead, where its allowed write would reshape the world. */
  adminCall?: Call;
  /** Submit the target's report (as the administrator) before the snapshot, so it can be reviewed. */
  submitFirst?: boolean;
  /** Whether the request is well-formed: a malformed one is refused whoever sends it. */
  wellFormed: boolean;
  /** Whether the target exists (a missing one is 404 to whoever may look). */
  exists: boolean;
  allowed: (actor: ActorName) => boolean;
  /** Whether an allowed, well-formed call must succeed (workflow moves may meet a 409). */
  mustSucceed: boolean;
}

/** Any place, A (the submitter's and the token's own) more often, so their allowed writes come up. */
const place = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Place>("A") },
  { weight: 6, arbitrary: fc.constantFrom(...PLACES) },
);
const inScope = fc.constantFrom(...IN_P1);
/** Ids a body may smuggle in beside its target, aimed inside the reviewer's or submitter's reach. */
const smuggled = fc.option(
  fc.record({
    field: fc.constantFrom("agency_id", "region_agency_id", "parent_id"),
    at: inScope,
  }),
  { freq: 3 },
);

const withSmuggled = (
  body: Record<string, unknown>,
  extra: { field: string; at: Place } | null,
  allowedFields: readonly string[],
) => {
  if (!extra) return { body, smuggledStray: false };
  const stray = !allowedFields.includes(extra.field);
  return { body: { ...body, [extra.field]: world.ids[extra.at] }, smuggledStray: stray };
};

const ROUTES: Record<string, fc.Arbitrary<Case>> = {
  ...Object.fromEntries(
    (["/api/chase/preview", "/api/chase"] as const).map((path) => [
      `POST ${path}`,
      place.map((target) => ({
        story: `催报 ${path.endsWith("preview") ? "preview " : ""}under ${target}`,
        call: { method: "POST", path, body: { year: WRITE_YEAR, under: world.ids[target] } },
        wellFormed: true,
        exists: target !== "missing",
        allowed: (actor: ActorName) => may(actor, "subtree", target, { tokens: false }),
        // A region with nobody left to remind is a 409; the per-region limit a 429.
        mustSucceed: path.endsWith("preview"),
      })),
    ]),
  ),
  "POST /api/invites": fc
    .record({
      role: fc.constantFrom("submitter", "reviewer", "admin"),
      agency: fc.option(place, { freq: 3 }),
      region: fc.option(place, { freq: 3 }),
    })
    .map(({ role, agency, region }) => {
      const body: Record<string, unknown> = {
        email: `i-${fresh()}@authz.example.gov.cn`,
        name: "受邀人",
        role,
      };
      if (agency) body.agency_id = world.ids[agency];
      if (region) body.region_agency_id = world.ids[region];
      // Each role names exactly the one scope field it is scoped by.
      const wellFormed =
        role === "submitter"
          ? agency !== null && region === null
          : role === "reviewer"
            ? region !== null && agency === null
            : agency === null && region === null;
      const scope = role === "submitter" ? agency : role === "reviewer" ? region : null;
      const exists = scope !== "missing";
      return {
        story: `invite a ${role} (agency_id ${agency ?? "-"}, region_agency_id ${region ?? "-"})`,
        call: { method: "POST", path: "/api/invites", body },
        wellFormed,
        exists,
        allowed: (actor: ActorName) =>
          role === "submitter"
            ? may(actor, "subtree", scope!, { tokens: false })
            : actor === "admin" && exists,
        mustSucceed: true,
      };
    }),
  ...Object.fromEntries(
    (["reset-link", "revoke-sessions"] as const).map((action) => [
      `POST /api/users/:id/${action}`,
      fc.option(fc.nat(), { freq: 4 }).map((pick) => {
        const target = pick === null ? MISSING_ID : world.victims[pick % world.victims.length]!;
        return {
          story: `${action} of user ${target}`,
          call: { method: "POST", path: `/api/users/${target}/${action}`, body: {} },
          wellFormed: true,
          exists: target !== MISSING_ID,
          allowed: (actor: ActorName) => actor === "admin" && target !== MISSING_ID,
          mustSucceed: true,
        };
      }),
    ]),
  ),
  "PATCH /api/users/:id": fc
    .record({ pick: fc.option(fc.nat(), { freq: 4 }), active: fc.boolean(), extra: smuggled })
    .map(({ pick, active, extra }) => {
      const target = pick === null ? MISSING_ID : world.victims[pick % world.victims.length]!;
      const { body, smuggledStray } = withSmuggled({ name: `改名${fresh()}`, active }, extra, []);
      return {
        story: `patch user ${target}${extra ? ` with ${extra.field}=${extra.at}` : ""}`,
        call: { method: "PATCH", path: `/api/users/${target}`, body },
        wellFormed: !smuggledStray,
        exists: target !== MISSING_ID,
        allowed: (actor: ActorName) => actor === "admin" && target !== MISSING_ID,
        mustSucceed: true,
      };
    }),
  "POST /api/tokens": fc.record({ target: place, extra: smuggled }).map(({ target, extra }) => {
    const { body, smuggledStray } = withSmuggled(
      { agency_id: world.ids[target], name: `令牌${fresh()}` },
      extra?.field === "agency_id" ? null : extra,
      [],
    );
    return {
      story: `mint a token for ${target}${extra ? ` with ${extra.field}=${extra.at}` : ""}`,
      call: { method: "POST", path: "/api/tokens", body },
      wellFormed: !smuggledStray,
      exists: target !== "missing",
      allowed: (actor: ActorName) => may(actor, "own", target, { tokens: false }),
      mustSucceed: true,
    };
  }),
  "DELETE /api/tokens/:id": fc.constantFrom("A", "A", "A2", "B", "missing").map((target) => {
    const id = target === "missing" ? MISSING_ID : world.tokenOf[target as Place]!;
    return {
      story: `revoke the token of ${target}`,
      call: { method: "DELETE", path: `/api/tokens/${id}`, body: {} },
      wellFormed: true,
      exists: target !== "missing",
      allowed: (actor: ActorName) => may(actor, "own", target, { tokens: false }),
      mustSucceed: true,
    };
  }),
  "PUT /api/deadlines/:year": fc.integer({ min: 2019, max: 2024 }).map((year) => ({
    story: `set the ${year} deadlines`,
    call: {
      method: "PUT",
      path: `/api/deadlines/${year}`,
      body: { department_deadline: `${year + 1}-01-31`, government_deadline: `${year + 1}-03-31` },
    },
    wellFormed: true,
    exists: true,
    allowed: (actor: ActorName) => actor === "admin",
    mustSucceed: true,
  })),
  "POST /api/agencies": fc.record({ parent: place, extra: smuggled }).map(({ parent, extra }) => {
    const { body, smuggledStray } = withSmuggled(
      {
        name: `新机构${fresh()}`,
        level: "county",
        kind: "department",
        scope: "self",
        parent_id: world.ids[parent],
        region_code: "930100",
      },
      extra?.field === "parent_id" ? null : extra,
      [],
    );
    return {
      story: `create an agency under ${parent}${extra ? ` with ${extra.field}=${extra.at}` : ""}`,
      call: { method: "POST", path: "/api/agencies", body },
      wellFormed: !smuggledStray,
      exists: parent !== "missing",
      allowed: (actor: ActorName) => actor === "admin" && parent !== "missing",
      // An unknown parent is a 400 naming parent_id rather than a 404.
      mustSucceed: true,
    };
  }),
  "PATCH /api/agencies/:id": fc
    .record({ target: place, parent: fc.option(inScope, { freq: 2 }) })
    .map(({ target, parent }) => {
      const path = `/api/agencies/${world.ids[target]}`;
      const name = `改名${fresh()}`;
      return {
        story: `rename ${target}${parent ? `, moving it under ${parent}` : ""}`,
        call: {
          method: "PATCH",
          path,
          body: { name, ...(parent ? { parent_id: world.ids[parent] } : {}) },
        },
        // Moving agencies is the administrator's to do (tests/worker/region-scope.test.ts); here
        // it would carry B into the reviewer's region for the runs after it.
        adminCall: { method: "PATCH", path, body: { name } },
        wellFormed: true,
        exists: target !== "missing",
        allowed: (actor: ActorName) => actor === "admin" && target !== "missing",
        mustSucceed: true,
      };
    }),
  "PUT /api/agencies/:id/reports/:year": fc
    .record({ target: place, visits: fc.nat(1_000_000), stale: fc.boolean(), extra: smuggled })
    .map(({ target, visits, stale, extra }) => {
      const document = validDocument(WRITE_YEAR, (d) => (d.metrics!.website_visits = visits));
      const { body, smuggledStray } = withSmuggled(
        { base_revision: stale ? 99 : -1, document },
        extra,
        [],
      );
      return {
        story: `save ${target}'s ${WRITE_YEAR} report${stale ? " on a stale revision" : ""}${extra ? ` with ${extra.field}=${extra.at}` : ""}`,
        call: {
          method: "PUT",
          path: `/api/agencies/${world.ids[target]}/reports/${WRITE_YEAR}`,
          body,
        },
        wellFormed: !smuggledStray,
        exists: target !== "missing",
        allowed: (actor: ActorName) => may(actor, "own", target),
        // A report under review or published cannot be saved over; stale is a 409.
        mustSucceed: false,
      };
    }),
  ...Object.fromEntries(
    (["submit", "return", "approve"] as const).map((move) => [
      `POST /api/agencies/:id/reports/:year/${move}`,
      fc
        .record({
          target: place,
          // -1: the report's current revision, read just before sending.
          revision: fc.oneof(fc.constant(-1), fc.integer({ min: 1, max: 4 })),
          submitFirst: move === "submit" ? fc.constant(false) : fc.boolean(),
          extra: smuggled,
        })
        .map(({ target, revision, submitFirst, extra }) => {
          const base: Record<string, unknown> =
            move === "return" ? { revision, message: "请核对" } : { revision };
          const { body, smuggledStray } = withSmuggled(base, extra, []);
          return {
            story: `${move} ${target}'s ${WRITE_YEAR} report at revision ${revision < 0 ? "current" : revision}${submitFirst ? " once submitted" : ""}${extra ? ` with ${extra.field}=${extra.at}` : ""}`,
            call: {
              method: "POST",
              path: `/api/agencies/${world.ids[target]}/reports/${WRITE_YEAR}/${move}`,
              body,
            },
            submitFirst,
            wellFormed: !smuggledStray,
            exists: target !== "missing",
            allowed: (actor: ActorName) =>
              may(actor, move === "submit" ? "own" : "subtree", target),
            mustSucceed: false,
          };
        }),
    ]),
  ),
};

/** Writes that change no scoped data: anyone may send them (their own tests cover them). */
const UNSCOPED = new Set([
  // One's own notifications, whoever one is: tests/worker/notifications.test.ts.
  "POST /api/notifications/read-all",
  "POST /api/notifications/:id/read",
  "PUT /api/notifications/email-settings",
  "POST /api/auth/login",
  "POST /api/auth/logout",
  "POST /api/auth/invites/:token/accept",
  "POST /api/import",
]);

// ---------------------------------------------------------------------------------------------
// Sending and reading back

/** An address for each request (2001:db8::/32 is for documentation), so no rate limit answers for the policy. */
let addresses = 0;
const nextAddress = () => `2001:db8::${(++addresses).toString(16)}`;

async function send(actor: ActorName, call: Call) {
  const base = {
    method: call.method,
    json: call.body,
    headers: { "cf-connecting-ip": nextAddress() },
  };
  if (actor === "token") return request(call.path, { ...base, bearer: world.token });
  if (actor === "anonymous") return request(call.path, base);
  return request(call.path, { ...base, as: world.sessions[actor] });
}

/** For a save: the base revision the report is at now, so an allowed save can succeed. */
async function currentRevision(agencyId: number) {
  const row = await env.DB.prepare(
    "SELECT current_revision AS n FROM reports WHERE agency_id = ? AND year = ?",
  )
    .bind(agencyId, WRITE_YEAR)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** Everything a write route can change, read straight from D1. */
async function snapshot() {
  const queries = [
    "SELECT id, name, level, kind, scope, parent_id, region_code, path, updated_at FROM agencies ORDER BY id",
    "SELECT id, email, name, role, agency_id, region_agency_id, active, password_hash IS NOT NULL AS has_password FROM users ORDER BY id",
    "SELECT id_hash, revoked_at FROM sessions ORDER BY id_hash",
    "SELECT token_hash, user_id, purpose, used_at FROM one_time_links ORDER BY token_hash",
    "SELECT id, name, agency_id, revoked_at FROM api_tokens ORDER BY id",
    "SELECT * FROM deadlines ORDER BY year",
    "SELECT id, agency_id, year, status, current_revision, current_revision_id, published_revision_id, submitted_at FROM reports ORDER BY id",
    "SELECT COUNT(*) AS n, MAX(id) AS last FROM report_revisions",
    "SELECT COUNT(*) AS n FROM review_events",
    "SELECT COUNT(*) AS n FROM publications",
  ];
  const results = await env.DB.batch(queries.map((q) => env.DB.prepare(q)));
  return results.map((r) => r.results);
}

/** Sessions the fuzzed writes may end (none should: no actor is a target) are checked, not assumed. */
async function sessionsAlive() {
  for (const role of ["admin", "reviewer", "submitter"] as const) {
    const answer = await requestJson("/api/auth/session", { as: world.sessions[role] });
    expect(answer.body?.user?.role, `${role} still signed in`).toBe(role);
  }
}

/** Per route and actor: how many writes went through and how many were refused, printed at the end. */
const tally = new Map<string, { through: number; refused: number }>();
afterAll(() => {
  const lines = [...tally].map(
    ([what, n]) => `  ${what}: ${n.through} through, ${n.refused} refused`,
  );
  console.log(`authorization property (${RUNS} runs a route):\n${lines.join("\n")}`);
});

async function check(key: string, actor: ActorName, made: Case) {
  let call = actor === "admin" && made.adminCall ? made.adminCall : made.call;
  const agencyId = Number(call.path.split("/")[3]);
  if (made.submitFirst) {
    // A fresh revision (a correction, once the report is published), submitted.
    const document = validDocument(WRITE_YEAR, (d) => (d.metrics!.website_visits = ++serial));
    const saved = await saveDocument(agencyId, document, await currentRevision(agencyId));
    await request(`/api/agencies/${agencyId}/reports/${WRITE_YEAR}/submit`, {
      method: "POST",
      as: world.sessions.admin,
      json: { revision: saved.body.revision?.number ?? (await currentRevision(agencyId)) },
    });
  }
  for (const field of ["base_revision", "revision"]) {
    if (call.body[field] === -1)
      call = { ...call, body: { ...call.body, [field]: await currentRevision(agencyId) } };
  }
  const before = await snapshot();
  const response = await send(actor, call);
  const status = response.status;
  const text = await response.text();
  const after = await snapshot();
  const allowed = made.allowed(actor) && made.wellFormed && made.exists;
  const said = `${actor}: ${made.story} → ${status} ${text.slice(0, 300)}`;
  const counted = tally.get(`${key} as ${actor}`) ?? { through: 0, refused: 0 };
  if (status < 300) counted.through++;
  else counted.refused++;
  tally.set(`${key} as ${actor}`, counted);

  expect(status, said).toBeLessThan(500);
  if (status >= 200 && status < 300)
    expect(allowed, `succeeded though refused: ${said}`).toBe(true);
  if (!allowed) {
    expect(after, `a refused write changed D1: ${said}`).toEqual(before);
    if (made.wellFormed && made.exists && !made.allowed(actor)) {
      expect(status, said).toBe(actor === "anonymous" ? 401 : 403);
    }
  } else {
    expect([401, 403], said).not.toContain(status);
    if (made.mustSucceed) expect(status, said).toBeLessThan(300);
  }
}

// ---------------------------------------------------------------------------------------------

describe("authorization of every write, by random actors on random targets", () => {
  it("covers every write route", () => {
    const writes = new Set<string>();
    for (const route of app.routes) {
      if (["POST", "PUT", "PATCH", "DELETE"].includes(route.method))
        writes.add(`${route.method} ${route.path}`);
    }
    expect([...writes].filter((key) => !UNSCOPED.has(key)).sort()).toEqual(
      Object.keys(ROUTES).sort(),
    );
  });

  for (const [key, cases] of Object.entries(ROUTES)) {
    it(`${key} succeeds only for an actor who may change the target, and a refusal changes nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...ACTORS), cases, async (actor, made) => {
          await check(key, actor, made);
        }),
        { numRuns: RUNS, seed: SEED },
      );
      await sessionsAlive();
    }, 300_000);
  }

  it("refuses a reviewer who invites a submitter for an agency in another province by naming a region inside its own", async () => {
    const before = await snapshot();
    const answer = await requestJson("/api/invites", {
      method: "POST",
      as: world.sessions.reviewer,
      json: {
        email: "e@x.cn",
        name: "x",
        role: "submitter",
        agency_id: world.ids.B,
        region_agency_id: world.ids.C1,
      },
    });
    // Refused by the policy: agency B lies outside the reviewer's region, whatever else the
    // body names.
    expect(answer.status).toBe(403);
    expect(await snapshot()).toEqual(before);
    const outside = await requestJson("/api/invites", {
      method: "POST",
      as: world.sessions.reviewer,
      json: { email: "e@x.cn", name: "x", role: "submitter", agency_id: world.ids.B },
    });
    expect(outside.status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
});
