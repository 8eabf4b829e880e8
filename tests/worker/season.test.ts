import { describe, expect, it } from "vitest";
import { admin, createAgency, publish, requestJson, saveDocument, signIn } from "./api";
import { validDocument } from "./builders";

/** The answer of GET /api/season as `as` sees it. */
const season = async (as?: Awaited<ReturnType<typeof admin>>) => {
  const answer = await requestJson("/api/season", as ? { as } : {});
  expect(answer.status).toBe(200);
  return answer.body;
};

/** Top-level governments and how many agencies each region holds, from the directory's list. */
async function agenciesPerRegion() {
  const list = await requestJson("/api/agencies?limit=1000", { as: await admin() });
  const agencies = list.body.items as {
    id: number;
    name: string;
    path: string;
    kind: string;
    parent_id: number | null;
  }[];
  return agencies
    .filter((a) => a.parent_id === null && a.kind === "government")
    .map((root) => ({
      id: root.id,
      name: root.name,
      members: agencies.filter((a) => a.path.startsWith(root.path)).length,
    }));
}

describe("GET /api/season", () => {
  it("opens on the newest year with published reports, counting them per year", async () => {
    const before = await season();
    const agency = await createAgency({ region_code: "910101" });
    await saveDocument(agency.id, validDocument(2011));
    await publish(agency.id, 2011, 1);
    const other = await createAgency({ region_code: "910101" });
    await saveDocument(other.id, validDocument(2011));
    await saveDocument(other.id, validDocument(2012)); // a draft: not counted
    await publish(other.id, 2011, 1);

    const after = await season();
    const count = (body: typeof before, year: number) =>
      (body.years as { year: number; published: number }[]).find((y) => y.year === year)
        ?.published ?? 0;
    expect(count(after, 2011)).toBe(count(before, 2011) + 2);
    expect(count(after, 2012)).toBe(count(before, 2012));
    const years = (after.years as { year: number }[]).map((y) => y.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    if (after.open_year === null) expect(after.default_year).toBe(years[0]);
  });

  it("opens on the year an administrator set deadlines for, once it has begun", async () => {
    const as = await admin();
    const thisYear = new Date().getUTCFullYear();
    for (const year of [thisYear, thisYear + 1]) {
      const set = await requestJson(`/api/deadlines/${year}`, {
        method: "PUT",
        as,
        json: {
          department_deadline: `${year + 1}-01-31`,
          government_deadline: `${year + 1}-03-31`,
        },
      });
      expect(set.status).toBe(200);
    }
    const body = await season(as);
    expect(body.open_year).toBe(thisYear);
    expect(body.default_year).toBe(thisYear);
    expect(body.deadlines).toEqual({
      department_deadline: `${thisYear + 1}-01-31`,
      government_deadline: `${thisYear + 1}-03-31`,
    });
  });

  it("opens a reviewer on their own region, and others on the region with the most agencies", async () => {
    const big = await createAgency({
      level: "province",
      kind: "government",
      scope: "region",
      region_code: "930000",
    });
    for (let i = 0; i < 3; i++) await createAgency({ parent_id: big.id, region_code: "930000" });
    const small = await createAgency({
      level: "province",
      kind: "government",
      scope: "region",
      region_code: "940000",
    });

    const reviewer = await signIn("reviewer", { regionAgencyId: small.id });
    expect((await season(reviewer)).default_region).toEqual({ id: small.id, name: small.name });

    const regions = await agenciesPerRegion();
    const most = Math.max(...regions.map((r) => r.members));
    const largest = regions.filter((r) => r.members === most).sort((a, b) => a.id - b.id)[0]!;
    for (const as of [await admin(), undefined]) {
      expect((await season(as)).default_region).toEqual({ id: largest.id, name: largest.name });
    }
  });
});
