import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { can, explainDenial, isAgencyPath, reachOf } from "../../../worker/auth/policy";
import { ACTIONS, ACTOR_KINDS, type Action, type Actor } from "../../../worker/auth/roles";

const REGION = "/1/7/";
const AGENCY_A = "/1/7/42/";
const AGENCY_B = "/1/9/50/";

const admin: Actor = { kind: "admin", userId: 1 };
const reviewer: Actor = { kind: "reviewer", userId: 2, regionPath: REGION };
const submitterOfA: Actor = { kind: "submitter", userId: 3, agencyId: 42, agencyPath: AGENCY_A };
const tokenOfA: Actor = { kind: "token", tokenId: 4, agencyId: 42, agencyPath: AGENCY_A };
const visitor: Actor = { kind: "public" };

const CASES = [
  { name: "admin", actor: admin, agencyPath: AGENCY_B },
  { name: "reviewer inside its region", actor: reviewer, agencyPath: AGENCY_A },
  { name: "reviewer outside its region", actor: reviewer, agencyPath: AGENCY_B },
  { name: "submitter of A on A", actor: submitterOfA, agencyPath: AGENCY_A },
  { name: "submitter of A on B", actor: submitterOfA, agencyPath: AGENCY_B },
  { name: "token of A on A", actor: tokenOfA, agencyPath: AGENCY_A },
  { name: "token of A on B", actor: tokenOfA, agencyPath: AGENCY_B },
  { name: "public", actor: visitor, agencyPath: AGENCY_A },
] as const;

/** ✓ allowed, otherwise the status of the refusal. Columns follow CASES. */
type Outcome = "✓" | 401 | 403;
type Row = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

// prettier-ignore
const EXPECTED: Record<Action, Row> = {
  //                            admin  rev-in rev-out subA/A subA/B tokA/A tokA/B public
  "agency.read":                ["✓",  "✓",   "✓",    "✓",   "✓",   "✓",   "✓",   "✓"],
  "agency.create":              ["✓",  403,   403,    403,   403,   403,   403,   401],
  "agency.update":              ["✓",  403,   403,    403,   403,   403,   403,   401],
  "report.read_published":      ["✓",  "✓",   "✓",    "✓",   "✓",   "✓",   "✓",   "✓"],
  "report.read_draft":          ["✓",  "✓",   403,    "✓",   403,   "✓",   403,   401],
  "report.write":               ["✓",  403,   403,    "✓",   403,   "✓",   403,   401],
  "report.submit":              ["✓",  403,   403,    "✓",   403,   "✓",   403,   401],
  "report.review":              ["✓",  "✓",   403,    403,   403,   403,   403,   401],
  "report.correct":             ["✓",  403,   403,    "✓",   403,   "✓",   403,   401],
  "user.manage":                ["✓",  403,   403,    403,   403,   403,   403,   401],
  "user.invite_submitter":      ["✓",  "✓",   403,    403,   403,   403,   403,   401],
  "token.manage":               ["✓",  403,   403,    "✓",   403,   403,   403,   401],
  "audit.read":                 ["✓",  403,   403,    403,   403,   403,   403,   401],
  "deadline.manage":            ["✓",  403,   403,    403,   403,   403,   403,   401],
  "notification.read_own":      ["✓",  "✓",   "✓",    "✓",   "✓",   403,   403,   401],
  "outbox.read":                ["✓",  403,   403,    403,   403,   403,   403,   401],
  "aggregate.read_unpublished": ["✓",  "✓",   403,    403,   403,   403,   403,   401],
};

const outcome = (actor: Actor, action: Action, agencyPath: string): Outcome => {
  const allowed = can(actor, action, { agencyPath });
  const denial = explainDenial(actor, action, { agencyPath });
  expect(allowed).toBe(denial === null);
  return denial ? denial.status : "✓";
};

describe("authorization policy", () => {
  it("has an expectation for every action and a case for every kind of actor", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
    expect(new Set(CASES.map((c) => c.actor.kind))).toEqual(new Set(ACTOR_KINDS));
  });

  describe.each(ACTIONS)("%s", (action) => {
    it.each(CASES.map((c, column) => ({ ...c, column })))(
      "gives the expected answer to the $name",
      ({ actor, agencyPath, column }) => {
        expect(outcome(actor, action, agencyPath)).toBe(EXPECTED[action][column]);
      },
    );
  });

  it("lets a reviewer act on its region's root and on every depth below it", () => {
    for (const path of [REGION, "/1/7/42/", "/1/7/42/99/1000/"]) {
      expect(can(reviewer, "report.review", { agencyPath: path })).toBe(true);
    }
  });

  it("does not mistake a sibling whose id shares a prefix for part of the region", () => {
    expect(can(reviewer, "report.review", { agencyPath: "/1/70/" })).toBe(false);
    expect(can(reviewer, "report.review", { agencyPath: "/1/" })).toBe(false);
  });

  it("does not let a submitter act on its agency's descendants or ancestors", () => {
    expect(can(submitterOfA, "report.write", { agencyPath: "/1/7/42/5/" })).toBe(false);
    expect(can(submitterOfA, "report.write", { agencyPath: REGION })).toBe(false);
  });

  it("refuses scoped actions without a well-formed agency path to all but the admin", () => {
    for (const resource of [undefined, {}, { agencyPath: "" }, { agencyPath: "/1/7/42" }]) {
      expect(can(reviewer, "report.read_draft", resource)).toBe(false);
      expect(can(submitterOfA, "report.write", resource)).toBe(false);
      expect(can(tokenOfA, "report.submit", resource)).toBe(false);
      expect(can(admin, "report.write", resource)).toBe(true);
    }
    expect(can(visitor, "report.read_published")).toBe(true);
  });

  it("grants nothing scoped to an actor whose own path is malformed, rather than everything", () => {
    const unplaced: Actor = { kind: "reviewer", userId: 9, regionPath: "" };
    expect(can(unplaced, "report.read_draft", { agencyPath: AGENCY_A })).toBe(false);
    const unplacedSubmitter: Actor = { kind: "submitter", userId: 9, agencyId: 1, agencyPath: "" };
    expect(can(unplacedSubmitter, "report.write", { agencyPath: "" })).toBe(false);
  });

  it("agrees with a plain prefix test for any reviewer region and agency path", () => {
    const path = fc
      .array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 5 })
      .map((ids) => `/${ids.join("/")}/`);
    fc.assert(
      fc.property(path, path, (regionPath, agencyPath) => {
        const actor: Actor = { kind: "reviewer", userId: 1, regionPath };
        const inside = agencyPath.startsWith(regionPath);
        expect(can(actor, "report.read_draft", { agencyPath })).toBe(inside);
        expect(can(actor, "report.write", { agencyPath })).toBe(false);
      }),
    );
  });
});

describe("denial explanations", () => {
  it("asks the public to sign in with 401", () => {
    expect(explainDenial(visitor, "report.read_draft", { agencyPath: AGENCY_A })).toEqual({
      status: 401,
      code: "authentication_required",
      message: "需要登录才能查看未公开的年报",
      message_en: "Sign in to read unpublished reports",
    });
  });

  it("names the role when a signed-in actor's role never allows the action", () => {
    expect(explainDenial(reviewer, "report.write", { agencyPath: AGENCY_A })).toEqual({
      status: 403,
      code: "forbidden",
      message: "审核员无权填写年报",
      message_en: "A reviewer may not edit reports",
    });
  });

  it("says the agency is out of scope when the role allows the action elsewhere", () => {
    expect(explainDenial(submitterOfA, "report.submit", { agencyPath: AGENCY_B })).toMatchObject({
      status: 403,
      code: "outside_scope",
    });
  });

  it("tells a token holder to sign in for what only its agency's submitter may do", () => {
    expect(explainDenial(tokenOfA, "token.manage", { agencyPath: AGENCY_A })).toMatchObject({
      status: 403,
      code: "token_not_allowed",
    });
    expect(explainDenial(tokenOfA, "user.manage")).toMatchObject({ code: "forbidden" });
  });

  it("returns null when the action is allowed", () => {
    expect(explainDenial(admin, "audit.read")).toBeNull();
  });
});

describe("reach for list queries", () => {
  it("describes where each actor may read drafts", () => {
    expect(reachOf(admin, "report.read_draft")).toEqual({ kind: "everywhere" });
    expect(reachOf(reviewer, "report.read_draft")).toEqual({ kind: "subtree", rootPath: REGION });
    expect(reachOf(submitterOfA, "report.read_draft")).toEqual({
      kind: "agency",
      agencyPath: AGENCY_A,
    });
    expect(reachOf(visitor, "report.read_draft")).toEqual({ kind: "nowhere" });
  });

  it("accepts only materialized paths of positive ids", () => {
    expect(isAgencyPath("/1/7/42/")).toBe(true);
    for (const path of ["", "/", "1/7/", "/1/7", "/0/", "/1//7/", "/a/"]) {
      expect(isAgencyPath(path)).toBe(false);
    }
  });
});
