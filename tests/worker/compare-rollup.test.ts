import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createDatabase } from "../../worker/db/client";
import { compareAll, compareFigures } from "../../worker/db/queries/compare";
import { admin, createAgency, request, requestJson, saveDocument } from "./api";
import { validDocument } from "./builders";
import type { ReportDocument } from "../../worker/report/document";

/** Own-agency reports never nest: nothing is contained or covered by parts. */
const NO_NESTING = { contained: 0, covered_by_parts: 0 };

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

    // Ranking both scopes together is still refused: they are not peers.
    const mixed = await requestJson(
      `/api/compare?figure=metrics.website_visits&years=2022&under=${government.id}&basis=current&sort=rank`,
      { as: await admin() },
    );
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.code).toBe("mixed_peers");
  });

  it("ranks a raw count only among peers of one level, kind and scope, naming the groups it found", async () => {
    const code = "940500";
    const government = await createAgency({
      level: "city",
      kind: "government",
      scope: "region",
      region_code: code,
    });
    const visits = [300, 100, 200];
    const departments = [];
    for (const n of visits.slice(0, 2)) {
      const department = await createAgency({
        level: "city",
        parent_id: government.id,
        region_code: code,
      });
      await saveDocument(
        department.id,
        validDocument(2022, (d) => (d.metrics!.website_visits = n)),
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
      validDocument(2022, (d) => (d.metrics!.website_visits = visits[2]!)),
    );
    await saveDocument(government.id, validDocument(2022));
    const compare = async (query: string) =>
      requestJson(
        `/api/compare?years=2022&under=${government.id}&basis=current&rank=true&${query}`,
        { as: await admin() },
      );

    // Two levels within one scope: refused, in SQLite's ranking and in the name-sorted one.
    for (const sort of ["rank", "agency", "path"]) {
      const refused = await compare(`figure=metrics.website_visits&scope=self&sort=${sort}`);
      expect(refused.status, sort).toBe(400);
      expect(refused.body.error.code).toBe("mixed_peers");
      expect(refused.body.error.message).toContain("level、kind 和 scope");
      expect(refused.body.error.message_en).toContain("level=, kind= and scope=");
      expect(refused.body.peers).toEqual([
        { level: "city", kind: "department", scope: "self", reports: 2 },
        { level: "county", kind: "government", scope: "self", reports: 1 },
      ]);
    }
    const everyone = await compare("figure=metrics.website_visits");
    expect(everyone.body.peers).toHaveLength(3);

    // Peers rank; so do they when the filter only confirms what all matching rows share.
    const peers = await compare("figure=metrics.website_visits&level=city&kind=department");
    expect(peers.status, JSON.stringify(peers.body)).toBe(200);
    expect(
      Object.fromEntries(
        peers.body.ranking.map((r: { agency_id: number; rank: number }) => [r.agency_id, r.rank]),
      ),
    ).toEqual({ [departments[0]!.id]: 1, [departments[1]!.id]: 2 });
    const alone = await requestJson(
      `/api/compare?years=2022&under=${county.id}&basis=current&rank=true&figure=metrics.website_visits`,
      { as: await admin() },
    );
    expect(alone.status).toBe(200);

    // Sorting by value is not ranking: no refusal.
    const sorted = await requestJson(
      `/api/compare?years=2022&under=${government.id}&basis=current&scope=self&sort=value&dir=desc&figure=metrics.website_visits`,
      { as: await admin() },
    );
    expect(sorted.status).toBe(200);
    expect(sorted.body.items.map((i: { agency_id: number }) => i.agency_id)).toEqual([
      departments[0]!.id,
      county.id,
      departments[1]!.id,
    ]);

    // A rate ranks across levels within one scope, never across scopes.
    const rate = await compare("figure=indicator.disclosure_rate&scope=self");
    expect(rate.status, JSON.stringify(rate.body)).toBe(200);
    expect(rate.body.ranking).toHaveLength(3);
    const scopes = await compare("figure=indicator.disclosure_rate");
    expect(scopes.status).toBe(400);
    expect(scopes.body.error.code).toBe("mixed_scope");
  });

  it("ranks alike in SQLite (by rank or value) and in memory (by name), the best first either way: ties, blanks, small counts", async () => {
    const government = await createAgency({
      level: "city",
      kind: "government",
      scope: "region",
      region_code: "940400",
    });
    /**
     * Fixture 00 with `granted` more disclosed (taken from 逾期未缴费) and `denied` more denied
     * (taken from 其他), every table-三 cell then times `scale`: 公开率 (22+granted)/92 and
     * 不予公开率 (2+denied)/92 whatever the scale, but a scale of 0 leaves no case to rate.
     */
    const shaped =
      (visits: number | null, scale: number, granted: number, denied: number | "blank") =>
      (d: ReportDocument) => {
        d.metrics!.website_visits = visits;
        const rows = d.section3!.rows as Record<string, (number | null)[]>;
        const move = (from: string, to: string, n: number) => {
          for (const column of [0, 6]) {
            rows[from]![column]! -= n;
            rows[to]![column]! += n;
          }
        };
        move("other_no_fee_payment", "granted", granted);
        if (denied !== "blank") move("other_other", "denied_process_info", denied - 3);
        else rows.total_processed = rows.total_processed!.map(() => null);
        for (const [row, cells] of Object.entries(rows))
          rows[row] = cells.map((v) => (v === null ? null : v * scale));
      };
    const ids: number[] = [];
    for (const [visits, scale, granted, denied] of [
      [100, 1, 0, 0],
      [200, 2, 1, 2],
      [200, 1, 0, 2],
      [null, 3, 3, 4],
      [50, 0, 0, 0],
      [75, 1, 1, 1],
      [75, 1, 0, "blank"],
    ] as const) {
      const agency = await createAgency({
        level: "city",
        parent_id: government.id,
        region_code: "940400",
      });
      ids.push(agency.id);
      const saved = await saveDocument(
        agency.id,
        validDocument(2022, shaped(visits, scale, granted, denied)),
      );
      expect(saved.status).toBe(201);
    }
    // Worked out by hand from the shapes above: [rank, reason] per agency, in creation order.
    const ok = (rank: number) => [rank, "ok"];
    const expected = {
      // Visits 100, 200, 200, blank, 50, 75, 75: the most visits first.
      "metrics.website_visits": {
        direction: "higher_first",
        better: null,
        ranks: [ok(3), ok(1), ok(1), [null, "no_data"], ok(6), ok(4), ok(4)],
      },
      // 公开率 22, 23, 22, 25, —, 23, — (/92): the highest first.
      "indicator.disclosure_rate": {
        direction: "higher_first",
        better: "higher",
        ranks: [ok(4), ok(2), ok(4), ok(1), [null, "below_min_count"], ok(2), [null, "no_data"]],
      },
      // 不予公开率 2, 4, 4, 6, —, 3, — (/92): the lowest first.
      "indicator.denial_rate": {
        direction: "lower_first",
        better: "lower",
        ranks: [ok(1), ok(3), ok(3), ok(5), [null, "below_min_count"], ok(2), [null, "no_data"]],
      },
    };
    for (const [figure, want] of Object.entries(expected)) {
      const ranks = async (sort: string, dir = "asc") => {
        const response = await requestJson(
          `/api/compare?figure=${figure}&years=2022&under=${government.id}&scope=self&basis=current&rank=true&sort=${sort}&dir=${dir}`,
          { as: await admin() },
        );
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        expect([response.body.direction, response.body.better], figure).toEqual([
          want.direction,
          want.better,
        ]);
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
      const wanted = Object.fromEntries(ids.map((id, i) => [id, want.ranks[i]]));
      const inMemory = await ranks("agency");
      const byRank = await ranks("rank");
      expect(inMemory.byAgency, figure).toEqual(wanted);
      expect(byRank.byAgency, figure).toEqual(wanted);
      expect((await ranks("value", "desc")).byAgency, figure).toEqual(wanted);
      // By rank: 1 first, rows without a rank last.
      const ranked = byRank.order.map((id) => byRank.byAgency[id]![0]);
      expect(ranked, figure).toEqual(
        [...want.ranks.map((r) => r[0])].sort(
          (a, b) => (a === null ? 1 : 0) - (b === null ? 1 : 0) || Number(a) - Number(b),
        ),
      );
      const descending = (await ranks("rank", "desc")).order;
      expect(descending.at(-1)).toBe(byRank.order.at(-1));
    }
  });

  it("refuses a page past the limits, naming the field", async () => {
    const response = await requestJson(
      "/api/compare?figure=metrics.website_visits&years=2022&limit=0&sort=size",
      { as: await admin() },
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

describe("compare as CSV", () => {
  it("downloads every matching report in region order, whatever page, sort or ranking the JSON would take", async () => {
    const { government, a, b } = await region("940600");
    const path = `/api/compare?figure=metrics.website_visits,indicator.disclosure_rate&years=2022-2023&under=${government.id}&basis=current`;
    const csv = await request(`${path}&format=csv&limit=1&offset=1&sort=rank&rank=true`, {
      as: await admin(),
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "agency_id,agency_name,region_code,level,scope,year,metrics.website_visits,indicator.disclosure_rate",
    );
    // The government's 2022, a's 2022 and 2023, b's 2022: region order (path, then year),
    // nothing cut.
    const rate = String(22 / 92);
    const expected = [
      [government, 2022, 1_000_000],
      [a, 2022, 100],
      [a, 2023, 150],
      [b, 2022, 200],
    ] as const;
    const inRegionOrder = [...expected].sort(([x, xYear], [y, yYear]) =>
      x.path < y.path ? -1 : x.path > y.path ? 1 : xYear - yYear,
    );
    expect(lines.slice(1).map((line) => line.split(",").filter((_, i) => i !== 1))).toEqual(
      inRegionOrder.map(([agency, year, visits]) => [
        String(agency.id),
        agency.region_code,
        "city",
        agency === government ? "region" : "self",
        String(year),
        String(visits),
        rate,
      ]),
    );
  });

  it("reads page after page until every report is read, each once, in region order", async () => {
    const { government } = await region("940700");
    const more = await createAgency({
      level: "city",
      parent_id: government.id,
      region_code: "940700",
    });
    for (const year of [2022, 2023, 2024]) await saveDocument(more.id, validDocument(year));
    const query = {
      figures: ["metrics.website_visits"],
      years: [2022, 2023, 2024],
      under: government.id,
      basis: "current" as const,
    };
    const db = createDatabase(env.DB);
    const { rows: all } = await compareFigures(db, { ...query, limit: 100 });
    expect(all).toHaveLength(7);
    for (const pageSize of [1, 2, 3, 7, 8]) {
      const pages: number[] = [];
      const read: [number, number][] = [];
      for await (const page of compareAll(db, query, pageSize)) {
        pages.push(page.length);
        read.push(...page.map((row): [number, number] => [row.agencyId, row.year]));
      }
      expect(read, `page size ${pageSize}`).toEqual(all.map((row) => [row.agencyId, row.year]));
      expect(Math.max(...pages)).toBeLessThanOrEqual(pageSize);
    }
  });

  it("refuses as the JSON does (unpublished figures to the public, an unknown region) and sends an empty region's header alone", async () => {
    const anonymous = await request(
      "/api/compare?figure=metrics.website_visits&years=2022&basis=current&format=csv",
    );
    expect([401, 403]).toContain(anonymous.status);
    expect(anonymous.headers.get("content-type")).toContain("application/json");
    const missing = await request(
      "/api/compare?figure=metrics.website_visits&years=2022&under=99999999&basis=current&format=csv",
      { as: await admin() },
    );
    expect(missing.status).toBe(404);
    const empty = await request(
      "/api/compare?figure=metrics.website_visits&years=2022&region=949999&format=csv",
      { as: await admin() },
    );
    expect(empty.status).toBe(200);
    expect((await empty.text()).trim().split("\r\n")).toHaveLength(1);
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
    expect(response.body).not.toHaveProperty("agencies");
    expect(response.body.ledger_total).toBe(3);
    const ledger = await requestJson(
      `/api/rollup/ledger?year=2022&under=${government.id}&basis=current`,
      { as: await admin() },
    );
    expect(ledger.status).toBe(200);
    expect(ledger.body.total).toBe(3);
    const inclusion = Object.fromEntries(ledger.body.items.map((x: any) => [x.id, x.inclusion]));
    expect(inclusion[a.id]).toBe("included");
    expect(inclusion[b.id]).toBe("included");
    expect(inclusion[silent.id]).toBe("missing");
    expect(inclusion[government.id]).toBeUndefined();
    expect(response.body.counts).toEqual({ ...NO_NESTING, included: 2, pending: 0, missing: 1 });
  });

  it("counts only approved revisions on the published basis", async () => {
    const { government } = await region("940400");
    const response = await requestJson(
      `/api/rollup?year=2022&under=${government.id}&basis=published`,
      { as: await admin() },
    );
    expect(response.status).toBe(200);
    expect(response.body.counts).toEqual({ ...NO_NESTING, included: 0, pending: 2, missing: 1 });
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
