import { describe, expect, it } from "vitest";
import { admin, createAgency, requestJson, saveDocument } from "./api";
import { validDocument } from "./builders";

/**
 * A city (whole-region report), two city departments and a county government (own-agency
 * report), each with a report for 2022: two scopes, and two peer groups within `self`.
 */
async function mixedRegion(code: string) {
  const government = await createAgency({
    level: "city",
    kind: "government",
    scope: "region",
    region_code: code,
  });
  await saveDocument(
    government.id,
    validDocument(2022, (d) => (d.metrics!.website_visits = 9_000)),
  );
  const departments = [];
  for (const visits of [300, 100]) {
    const department = await createAgency({
      level: "city",
      parent_id: government.id,
      region_code: code,
    });
    await saveDocument(
      department.id,
      validDocument(2022, (d) => (d.metrics!.website_visits = visits)),
    );
    departments.push(department);
  }
  const county = await createAgency({
    level: "county",
    kind: "government",
    scope: "self",
    parent_id: government.id,
    region_code: code,
  });
  await saveDocument(
    county.id,
    validDocument(2022, (d) => (d.metrics!.website_visits = 500)),
  );
  return { government, departments, county };
}

const compare = async (under: number, query: string) =>
  requestJson(`/api/compare?years=2022&under=${under}&basis=current&rank=true&pick=true&${query}`, {
    as: await admin(),
  });

const rankedIds = (body: { ranking: { agency_id: number }[] }) =>
  body.ranking.map((r) => r.agency_id);

describe("compare with pick=true", () => {
  it("ranks a raw count among the peer group with the most reports instead of refusing the mix", async () => {
    const { government, departments } = await mixedRegion("940700");
    const answer = await compare(government.id, "figure=metrics.website_visits&sort=rank");
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.picked).toEqual({
      level: "city",
      kind: "department",
      scope: "self",
      reason: "mixed_peers",
      scopes: [],
      peers: [
        { level: "city", kind: "department", scope: "self", reports: 2 },
        { level: "city", kind: "government", scope: "region", reports: 1 },
        { level: "county", kind: "government", scope: "self", reports: 1 },
      ],
    });
    expect(answer.body.total).toBe(2);
    expect(rankedIds(answer.body)).toEqual([departments[0]!.id, departments[1]!.id]);
  });

  it("ranks a rate over single agencies' reports when the region's reports mix scopes", async () => {
    const { government, departments, county } = await mixedRegion("940800");
    const answer = await compare(government.id, "figure=indicator.disclosure_rate&sort=rank");
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.picked).toMatchObject({
      level: null,
      kind: null,
      scope: "self",
      reason: "mixed_scope",
      peers: [],
    });
    expect([...answer.body.picked.scopes].sort()).toEqual(["region", "self"]);
    expect(answer.body.total).toBe(3);
    expect(new Set(rankedIds(answer.body))).toEqual(
      new Set([departments[0]!.id, departments[1]!.id, county.id]),
    );
  });

  it("says nothing was picked when the filter already names one group, and still refuses without pick", async () => {
    const { government } = await mixedRegion("940900");
    const peers = await compare(
      government.id,
      "figure=metrics.website_visits&level=county&kind=government&scope=self",
    );
    expect(peers.status).toBe(200);
    expect(peers.body).not.toHaveProperty("picked");
    expect(peers.body.total).toBe(1);

    const refused = await requestJson(
      `/api/compare?years=2022&under=${government.id}&basis=current&rank=true&figure=indicator.disclosure_rate`,
      { as: await admin() },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("mixed_scope");
    // The message names scopes in words, never as codes.
    expect(refused.body.error.message).not.toMatch(/region|self/);
  });

  it("picks within the name-sorted ranking too", async () => {
    const { government, departments } = await mixedRegion("941000");
    const answer = await compare(government.id, "figure=metrics.website_visits&sort=agency");
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.picked.reason).toBe("mixed_peers");
    expect(new Set(rankedIds(answer.body))).toEqual(new Set(departments.map((d) => d.id)));
  });
});
