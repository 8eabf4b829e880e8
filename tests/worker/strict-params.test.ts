import { beforeAll, describe, expect, it } from "vitest";
import { admin, createAgency, request, requestJson, signIn, type Session } from "./api";

/**
 * Issue 12, item 5: every value at the edge is read in one spelling, and a body is JSON or
 * refused. Each case is an answer the app gave before (a write that did something else, or a
 * 200 that did nothing).
 */

const NON_CANONICAL_IDS = ["%201", "1.0", "+1", "00001", "0x10", "1e0", "-1", "0", "1%20"];

let agency: { id: number; path: string; name: string };
let asAdmin: Session;

beforeAll(async () => {
  asAdmin = await admin();
  agency = await createAgency();
});

const issuePaths = (body: any) =>
  (body.error.issues as { path: string }[]).map((issue) => issue.path);

describe("ids", () => {
  it.each(NON_CANONICAL_IDS)("refuses the path id %s with 400 naming id", async (spelling) => {
    const { status, body } = await requestJson(`/api/agencies/${spelling}`, { as: asAdmin });
    expect(status).toBe(400);
    expect(issuePaths(body)).toEqual(["id"]);
  });

  it("does not revoke anyone's sessions through a spelled-out id", async () => {
    const victim = await signIn("admin");
    for (const spelling of NON_CANONICAL_IDS) {
      const response = await request(`/api/users/${spelling}/revoke-sessions`, {
        method: "POST",
        as: asAdmin,
      });
      expect(response.status, spelling).toBe(400);
    }
    const still = await request("/api/auth/session", { as: victim });
    expect(((await still.json()) as any).user.id).toBe(victim.userId);
  });

  it("refuses true as an agency id when minting a token", async () => {
    const { status, body } = await requestJson("/api/tokens", {
      method: "POST",
      as: asAdmin,
      json: { agency_id: true, name: "x" },
    });
    expect(status).toBe(400);
    expect(issuePaths(body)).toEqual(["agency_id"]);
  });

  it.each([true, "1", 1.5, 0])(
    "refuses parent_id %j and leaves the agency where it was",
    async (parent) => {
      const { status, body } = await requestJson(`/api/agencies/${agency.id}`, {
        method: "PATCH",
        as: asAdmin,
        json: { parent_id: parent },
      });
      expect(status).toBe(400);
      expect(issuePaths(body)).toEqual(["parent_id"]);
      const after = await requestJson(`/api/agencies/${agency.id}`, { as: asAdmin });
      expect(after.body.parent_id).toBeNull();
      expect(after.body.path).toBe(agency.path);
    },
  );

  it("refuses a spelled-out limit or offset", async () => {
    for (const query of ["limit=1.0", "limit=+5", "offset=01", "limit=0x10", "offset=-1"]) {
      const response = await request(`/api/agencies?${query}`, { as: asAdmin });
      expect(response.status, query).toBe(400);
    }
  });
});

describe("flags", () => {
  it("take true or false only", async () => {
    const compare = "/api/compare?figure=metrics.website_visits&years=2022";
    for (const spelling of ["1", "yes", "on", "TRUE"]) {
      const ranked = await requestJson(`${compare}&rank=${spelling}`, { as: asAdmin });
      expect(ranked.status, spelling).toBe(400);
      expect(issuePaths(ranked.body)).toEqual(["rank"]);
      const embed = await request(`/embed/agency/${agency.id}?transparent=${spelling}`);
      expect(embed.status, spelling).toBe(400);
    }
    expect((await request(`${compare}&rank=true`, { as: asAdmin })).status).toBe(200);
  });
});

describe("years", () => {
  it("refuses a year path with trailing space and leaves the deadline as it was", async () => {
    const put = (path: string, date: string) =>
      requestJson(path, {
        method: "PUT",
        as: asAdmin,
        json: { department_deadline: date, government_deadline: date },
      });
    expect((await put("/api/deadlines/2019", "2020-01-31")).status).toBe(200);
    for (const path of [
      "/api/deadlines/2019%20",
      "/api/deadlines/%202019",
      "/api/deadlines/2007",
    ]) {
      expect((await put(path, "2020-03-31")).status, path).toBe(400);
    }
    const { body } = await requestJson("/api/deadlines", { as: asAdmin });
    const deadline = body.items.find((d: { year: number }) => d.year === 2019);
    expect(deadline.department_deadline).toBe("2020-01-31");
  });

  it("refuses years outside the reporting era, however many are asked, at once", async () => {
    const ranges = Array.from({ length: 175 }, (_, i) => `${1000 + i * 51}-${1050 + i * 51}`);
    const ninetyFive = Array.from({ length: 95 }, (_, i) => 1930 + i).join(",");
    const lists = [ranges.join(","), ninetyFive, "2007", "2008-2099", "1000-1050"];
    for (const years of lists) {
      for (const path of [
        `/embed/region/99?years=${years}`,
        `/embed/agency/${agency.id}?years=${years}`,
        `/embed/agency/${agency.id}/data.csv?years=${years}`,
        `/api/public/series?figure=metrics.website_visits&under=${agency.id}&years=${years}`,
        `/api/compare?figure=metrics.website_visits&years=${years}`,
      ]) {
        const started = Date.now();
        const response = await request(path, { as: asAdmin });
        expect(response.status, `${path.slice(0, 60)}…`).toBe(400);
        expect(Date.now() - started).toBeLessThan(1000);
        if (path.startsWith("/api/")) expect(issuePaths(await response.json())).toEqual(["years"]);
      }
    }
  });

  it("accepts the whole era in one list", async () => {
    const response = await request(
      `/api/public/series?figure=metrics.website_visits&under=${agency.id}&years=2008-2025`,
    );
    expect(response.status).toBe(200);
  });

  it("refuses a report for a year past next year", async () => {
    const next = new Date().getUTCFullYear() + 1;
    const response = await request(`/api/agencies/${agency.id}/reports/${next + 1}`, {
      as: asAdmin,
    });
    expect(response.status).toBe(400);
  });
});

describe("bodies", () => {
  it.each(["text/plain", "application/x-www-form-urlencoded", ""])(
    "answers 415 to a PATCH sent as %j and changes nothing",
    async (type) => {
      const response = await request(`/api/agencies/${agency.id}`, {
        method: "PATCH",
        as: asAdmin,
        headers: type ? { "content-type": type } : {},
        body: JSON.stringify({ name: "改过的名称" }),
      });
      expect(response.status).toBe(415);
      expect(((await response.json()) as any).error.code).toBe("unsupported_media_type");
      const after = await requestJson(`/api/agencies/${agency.id}`, { as: asAdmin });
      expect(after.body.name).toBe(agency.name);
    },
  );

  it.each([
    ["PATCH", "users/:user"],
    ["PATCH", "agencies/:agency"],
    ["PUT", "deadlines/2024"],
  ])("answers 415 to a %s of /api/%s with no body and no content type", async (method, path) => {
    const url = `/api/${path.replace(":agency", String(agency.id)).replace(":user", String(asAdmin.userId))}`;
    const response = await request(url, { method, as: asAdmin });
    expect(response.status).toBe(415);
    expect(((await response.json()) as any).error.code).toBe("unsupported_media_type");
  });

  it("takes JSON with a charset", async () => {
    const response = await request(`/api/agencies/${agency.id}`, {
      method: "PATCH",
      as: asAdmin,
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ name: agency.name }),
    });
    expect(response.status).toBe(200);
  });
});
