import { describe, expect, it } from "vitest";
import { admin, createAgency, request, requestJson, saveDocument } from "./api";
import { validDocument } from "./builders";
import type { ReportDocument } from "../../worker/report/document";

/** A small region: a government (whole-region scope) and two departments under it. */
async function region(code: string) {
  const government = await createAgency({
    level: "city",
    kind: "government",
    scope: "region",
    region_code: code,
  });
  const a = await createAgency({ level: "city", parent_id: government.id, region_code: code });
  const b = await createAgency({ level: "city", parent_id: government.id, region_code: code });
  const silent = await createAgency({ level: "city", parent_id: government.id, region_code: code });
  await saveDocument(
    government.id,
    validDocument(2022, (d) => (d.metrics!.website_visits = 1_000_000)),
  );
  await saveDocument(
    a.id,
    validDocument(2022, (d) => (d.metrics!.website_visits = 100)),
  );
  await saveDocument(
    a.id,
    validDocument(2023, (d) => (d.metrics!.website_visits = 150)),
  );
  await saveDocument(
    b.id,
    validDocument(2022, (d) => (d.metrics!.website_visits = 200)),
  );
  return { government, a, b, silent };
}

describe("compare", () => {
  it("returns one figure across a region's agencies and years", async () => {
    const { a, b } = await region("940100");
    const response = await requestJson(
      "/api/compare?figure=metrics.website_visits,section3.new_received.total&years=2022-2023&region=9401&scope=self&basis=current",
      { as: await admin() },
    );
    expect(response.status).toBe(200);
    const rows = response.body.items.map((i: any) => [
      i.agency_id,
      i.year,
      i.values["metrics.website_visits"],
      i.values["section3.new_received.total"],
    ]);
    expect(rows).toEqual([
      [a.id, 2022, 100, 95],
      [a.id, 2023, 150, 95],
      [b.id, 2022, 200, 95],
    ]);
    expect(response.body.agencies.map((x: { id: number }) => x.id)).toEqual([a.id, b.id]);

    const csv = await request(
      "/api/compare?figure=metrics.website_visits&years=2022&region=9401&scope=self&basis=current&format=csv",
      { as: await admin() },
    );
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "agency_id,agency_name,region_code,level,scope,year,metrics.website_visits",
    );
    expect(lines[1]).toMatch(new RegExp(`^${a.id},测试机构.*,940100,city,self,2022,100$`));
  });

  it("computes indicators from their figures with the minimum-count guard", async () => {
    const { a } = await region("940200");
    const response = await requestJson(
      `/api/compare?figure=indicator.disclosure_rate&years=2022&under=${a.id}&basis=current`,
      { as: await admin() },
    );
    const value = response.body.items[0].values["indicator.disclosure_rate"];
    expect(value.status).toBe("ok");
    expect(value.numerator).toBe(22);
    expect(value.denominator).toBe(92);
    expect(value.value).toBeCloseTo(22 / 92);
  });

  it("pages and sorts every matching report before cutting the page", async () => {
    const { government, a, b } = await region("940300");
    const page = async (query: string) => {
      const response = await requestJson(
        `/api/compare?figure=metrics.website_visits&years=2022&under=${government.id}&basis=current&${query}`,
        { as: await admin() },
      );
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body as {
        total: number;
        items: { agency_id: number; values: Record<string, number> }[];
        agencies: { id: number }[];
        ranking?: { agency_id: number; rank: number }[];
      };
    };
    const ids = (body: { items: { agency_id: number }[] }) => body.items.map((i) => i.agency_id);

    // Path order (the default) is cut by SQLite, with the full count beside it.
    const second = await page("limit=1&offset=1");
    expect(second.total).toBe(3);
    expect(ids(second)).toEqual([a.id]);
    expect(second.agencies.map((x) => x.id)).toEqual([a.id]);

    const past = await page("limit=10&offset=30");
    expect([past.total, past.items]).toEqual([3, []]);

    // By value, largest first: the whole-region report leads — sorting is not ranking.
    expect(ids(await page("sort=value&dir=desc&limit=2"))).toEqual([government.id, b.id]);
    expect(ids(await page("sort=value&dir=asc&limit=2"))).toEqual([a.id, b.id]);

    // By rank within one scope, with the ranking of the page's rows only.
    const ranked = await page("scope=self&sort=rank&rank=true&limit=1&offset=1");
    expect(ranked.total).toBe(2);
    expect(ids(ranked)).toEqual([a.id]);
    expect(ranked.ranking).toEqual([expect.objectContaining({ agency_id: a.id, rank: 2 })]);

    // Ranking both scopes together is still refused.
    const mixed = await requestJson(
      `/api/compare?figure=metrics.website_visits&years=2022&under=${government.id}&basis=current&sort=rank`,
      { as: await admin() },
    );
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.code).toBe("mixed_scope");
  });

  it("ranks alike in SQLite (by rank or value) and in memory (by name): ties, blanks, small counts", async () => {
    const government = await createAgency({
      level: "city",
      kind: "government",
      scope: "region",
      region_code: "940400",
    });
    const scaled = (visits: number | null, scale: number) => (d: ReportDocument) => {
      d.metrics!.website_visits = visits;
      const rows = d.section3!.rows as Record<string, (number | null)[]>;
      for (const [row, cells] of Object.entries(rows))
        rows[row] = cells.map((v) => (v === null ? null : v * scale));
    };
    for (const [visits, scale] of [
      [100, 1],
      [200, 2],
      [200, 1],
      [null, 3],
      [50, 0],
      [75, 1],
    ] as const) {
      const agency = await createAgency({
        level: "city",
        parent_id: government.id,
        region_code: "940400",
      });
      const saved = await saveDocument(agency.id, validDocument(2022, scaled(visits, scale)));
      expect(saved.status).toBe(201);
    }
    for (const figure of ["metrics.website_visits", "indicator.disclosure_rate"]) {
      const ranks = async (sort: string, dir = "asc") => {
        const response = await requestJson(
          `/api/compare?figure=${figure}&years=2022&under=${government.id}&scope=self&basis=current&rank=true&sort=${sort}&dir=${dir}`,
          { as: await admin() },
        );
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        const ranking = response.body.ranking as {
          agency_id: number;
          rank: number | null;
          reason: string;
        }[];
        return {
          order: ranking.map((r) => r.agency_id),
          byAgency: Object.fromEntries(ranking.map((r) => [r.agency_id, [r.rank, r.reason]])),
        };
      };
      const inMemory = await ranks("agency");
      const byRank = await ranks("rank");
      expect(byRank.byAgency, figure).toEqual(inMemory.byAgency);
      expect((await ranks("value", "desc")).byAgency, figure).toEqual(inMemory.byAgency);
      const ranked = byRank.order.map((id) => byRank.byAgency[id]![0]);
      // Rows without a rank come last, and ties share one.
      expect(ranked.slice(-1)).toEqual([null]);
      expect(new Set(ranked).size).toBeLessThan(ranked.length);
      const descending = (await ranks("rank", "desc")).order;
      expect(descending.at(-1)).toBe(byRank.order.at(-1));
    }
  });

  it("refuses a page past the limits, naming the field", async () => {
    const response = await requestJson(
      "/api/compare?figure=metrics.website_visits&years=2022&limit=0&sort=size",
    );
    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "limit",
      "sort",
    ]);
  });

  it("rejects unknown figures naming the field", async () => {
    const response = await requestJson("/api/compare?figure=section3.nope.total&years=2022", {
      as: await admin(),
    });
    expect(response.status).toBe(400);
    expect(response.body.error.issues[0].path).toMatch(/^figure/);
  });
});

describe("rollup", () => {
  it("sums the region's own-scope reports and lists included and missing agencies", async () => {
    const { government, a, b, silent } = await region("940300");
    const response = await requestJson(
      `/api/rollup?year=2022&under=${government.id}&basis=current`,
      { as: await admin() },
    );
    expect(response.status).toBe(200);
    expect(response.body.scope).toBe("self");
    expect(response.body.figures["metrics.website_visits"]).toBe(300);
    expect(response.body.section3.rows.new_received).toEqual([180, 8, 0, 0, 0, 2, 190]);
    const inclusion = Object.fromEntries(
      response.body.agencies.map((x: any) => [x.id, x.inclusion]),
    );
    expect(inclusion[a.id]).toBe("included");
    expect(inclusion[b.id]).toBe("included");
    expect(inclusion[silent.id]).toBe("missing");
    expect(inclusion[government.id]).toBeUndefined();
    expect(response.body.counts).toEqual({ included: 2, pending: 0, missing: 1 });
  });

  it("counts only approved revisions on the published basis", async () => {
    const { government } = await region("940400");
    const response = await requestJson(
      `/api/rollup?year=2022&under=${government.id}&basis=published`,
    );
    expect(response.body.counts).toEqual({ included: 0, pending: 2, missing: 1 });
    expect(response.body.figures["metrics.website_visits"]).toBeUndefined();
  });

  it("filters the report list by findings and exports it as CSV", async () => {
    const agency = await createAgency({ region_code: "930101" });
    await saveDocument(
      agency.id,
      validDocument(2022, (d) => (d.section4!.reconsideration = [1, 1, 1, 1, 9])),
    );
    const clean = await createAgency({ region_code: "930101" });
    await saveDocument(clean.id, validDocument(2022));
    const errors = await requestJson("/api/reports?region=93&has_findings=errors", {
      as: await admin(),
    });
    expect(errors.body.items.map((r: any) => r.agency_id)).toEqual([agency.id]);
    const csv = await (
      await import("./api")
    ).request("/api/reports?region=93&format=csv", { as: await admin() });
    expect((await csv.text()).split("\r\n").filter(Boolean)).toHaveLength(3);
  });
});
