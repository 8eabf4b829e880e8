import { describe, expect, it } from "vitest";
import type { ReportDocument } from "../../worker/report/document";
import { admin, createAgency, publish, request, requestJson, saveDocument } from "./api";
import { fixture05, validDocument } from "./builders";

/**
 * A report whose figures tell it apart: table 三 scaled by `scale` (rules are linear, so it still
 * holds them) and `visits` website visits.
 */
const marked = (year: number, visits: number, scale: number) =>
  validDocument(year, (d) => {
    d.metrics!.website_visits = visits;
    const rows = d.section3!.rows as Record<string, (number | null)[]>;
    for (const [row, cells] of Object.entries(rows)) {
      rows[row] = cells.map((v) => (v === null ? null : v * scale));
    }
  });

const newReceived = (doc: ReportDocument) =>
  (doc.section3!.rows as Record<string, (number | null)[]>).new_received![6]!;

async function published(agencyId: number, doc: ReportDocument) {
  const saved = await saveDocument(agencyId, doc);
  expect(saved.status).toBe(201);
  await publish(agencyId, doc.year, 1);
}

/** 省 ⊃ 市一 ⊃ (区 ⊃ 镇, 市一部门), 省 ⊃ 市二: every government reports for its whole region. */
async function nestedRegion(code: string) {
  const government = (level: string, parent: number | null, suffix: string) =>
    createAgency({
      level,
      kind: "government",
      scope: "region",
      parent_id: parent,
      region_code: `${code}${suffix}`,
    });
  const province = await government("province", null, "0000");
  const city = await government("city", province.id, "0100");
  const otherCity = await government("city", province.id, "0200");
  const district = await government("county", city.id, "0102");
  const township = await government("township", district.id, "0102");
  const department = await createAgency({
    level: "city",
    parent_id: city.id,
    region_code: `${code}0100`,
  });
  return { province, city, otherCity, district, township, department };
}

/** The whole ledger of a rollup query, read from its paged route, as id → inclusion. */
async function inclusionOf(query: string) {
  const page = await requestJson(`/api/rollup/ledger?${query}&limit=500`, { as: await admin() });
  expect(page.status, JSON.stringify(page.body)).toBe(200);
  expect(page.body.items).toHaveLength(page.body.total);
  return Object.fromEntries(
    (page.body.items as { id: number; inclusion: string }[]).map((a) => [a.id, a.inclusion]),
  );
}

describe("whole-region sums", () => {
  it("count a region's own report once and the reports it contains never", async () => {
    const r = await nestedRegion("96");
    const docs = {
      province: marked(2022, 1000, 10),
      city: marked(2022, 300, 4),
      otherCity: marked(2022, 200, 3),
      district: marked(2022, 40, 2),
      township: marked(2022, 7, 1),
      department: marked(2022, 11, 1),
    };
    for (const [key, doc] of Object.entries(docs))
      await published(r[key as keyof typeof r].id, doc);

    const province = await requestJson(
      `/api/public/rollup?year=2022&under=${r.province.id}&scope=region`,
    );
    expect(province.status).toBe(200);
    expect(province.body.figures["metrics.website_visits"]).toBe(1000);
    expect(province.body.figures["section3.new_received.total"]).toBe(newReceived(docs.province));
    expect(province.body.reports).toBe(1);

    const staff = await requestJson(`/api/rollup?year=2022&under=${r.province.id}&scope=region`, {
      as: await admin(),
    });
    expect(staff.body.figures["section3.new_received.total"]).toBe(newReceived(docs.province));
    expect(staff.body.ledger_total).toBe(5);
    expect(await inclusionOf(`year=2022&under=${r.province.id}&scope=region`)).toEqual({
      [r.province.id]: "included",
      [r.city.id]: "contained",
      [r.otherCity.id]: "contained",
      [r.district.id]: "contained",
      [r.township.id]: "contained",
    });
    // 自报 vs 汇总: the province's parts are the two cities' whole-region reports.
    const check = staff.body.cross_check;
    expect(check.parts_reports).toBe(2);
    const received = check.figures.find(
      (f: { figure: string }) => f.figure === "section3.new_received.total",
    );
    expect(received.own).toBe(newReceived(docs.province));
    expect(received.parts).toBe(newReceived(docs.city) + newReceived(docs.otherCity));
    expect(received.large).toBe(true);
    expect(received.message).toContain("本级自报");

    // A city's parts: its department's own report and its district's whole-region report.
    const city = await requestJson(`/api/rollup?year=2022&under=${r.city.id}&scope=region`, {
      as: await admin(),
    });
    expect(city.body.figures["metrics.website_visits"]).toBe(300);
    expect(city.body.cross_check.parts_reports).toBe(2);
    const cityReceived = city.body.cross_check.figures.find(
      (f: { figure: string }) => f.figure === "section3.new_received.total",
    );
    expect(cityReceived.parts).toBe(newReceived(docs.department) + newReceived(docs.district));

    // Named by region code, the region opens at the province.
    const byCode = await requestJson(`/api/rollup?year=2022&region=96&scope=region`, {
      as: await admin(),
    });
    expect(byCode.body.figures["metrics.website_visits"]).toBe(1000);

    // The overview's key figures and the region report follow the same rule.
    const overview = await requestJson(
      `/api/overview?year=2022&under=${r.province.id}&scope=region`,
      { as: await admin() },
    );
    expect(overview.body.figures["section3.new_received.total"]).toBe(newReceived(docs.province));
    const report = await requestJson(
      `/api/region-report?year=2022&under=${r.province.id}&scope=region`,
      { as: await admin() },
    );
    expect(report.body.section3.rows.new_received[6]).toBe(newReceived(docs.province));
    expect(report.body.counts).toMatchObject({ included: 1, contained: 4 });

    // The quality page lists whole-region reports far from the sum of their parts.
    const quality = await requestJson(`/api/quality?year=2022&under=${r.province.id}`, {
      as: await admin(),
    });
    const flagged = quality.body.region_differences.map((d: { agency_id: number }) => d.agency_id);
    expect(flagged).toContain(r.province.id);
    const provinceRow = quality.body.region_differences.find(
      (d: { agency_id: number }) => d.agency_id === r.province.id,
    );
    expect(provinceRow.parts_reports).toBe(2);
    // The district's only part is its township: its table 三 at scale 1 against the district's 2.
    const district = quality.body.region_differences.find(
      (d: { agency_id: number }) => d.agency_id === r.district.id,
    );
    expect(district.parts_reports).toBe(1);
    const districtReceived = district.figures.find(
      (f: { figure: string }) => f.figure === "section3.new_received.total",
    );
    expect(districtReceived).toMatchObject({
      own: newReceived(docs.district),
      parts: newReceived(docs.township),
      large: true,
    });
  });

  it("let the reports below stand in for a region whose own report is missing", async () => {
    const r = await nestedRegion("95");
    const docs = {
      otherCity: marked(2023, 200, 3),
      district: marked(2023, 40, 2),
      township: marked(2023, 7, 1),
      department: marked(2023, 11, 1),
    };
    for (const [key, doc] of Object.entries(docs))
      await published(r[key as keyof typeof r].id, doc);
    // A draft is no report on the published basis.
    await saveDocument(r.city.id, marked(2023, 300, 4));

    const rollup = await requestJson(`/api/rollup?year=2023&under=${r.province.id}&scope=region`, {
      as: await admin(),
    });
    expect(rollup.body.figures["metrics.website_visits"]).toBe(240);
    expect(rollup.body.figures["section3.new_received.total"]).toBe(
      newReceived(docs.otherCity) + newReceived(docs.district),
    );
    expect(rollup.body.ledger_total).toBe(5);
    expect(await inclusionOf(`year=2023&under=${r.province.id}&scope=region`)).toEqual({
      [r.province.id]: "covered_by_parts",
      [r.city.id]: "covered_by_parts",
      [r.otherCity.id]: "included",
      [r.district.id]: "included",
      [r.township.id]: "contained",
    });
    expect(rollup.body.counts).toEqual({
      included: 2,
      contained: 1,
      covered_by_parts: 2,
      pending: 0,
      missing: 0,
    });
    // No own report, nothing to cross-check.
    expect(rollup.body.cross_check).toBeNull();

    // On the current basis the city's draft contains its district again.
    const current = await requestJson(
      `/api/rollup?year=2023&under=${r.province.id}&scope=region&basis=current`,
      { as: await admin() },
    );
    expect(current.body.figures["metrics.website_visits"]).toBe(500);
  });
});

describe("the rollup's ledger", () => {
  it("pages each inclusion in path order, with its total, without the rest", async () => {
    const r = await nestedRegion("86");
    // The province and the district report; the city is stood in for by its district, the
    // township is contained in the district, the other city has only a draft.
    await published(r.province.id, marked(2022, 1000, 10));
    await published(r.district.id, marked(2022, 40, 2));
    await saveDocument(r.otherCity.id, marked(2022, 200, 3));
    const ask = async (query: string) => {
      const page = await requestJson(
        `/api/rollup/ledger?year=2022&under=${r.city.id}&scope=region&${query}`,
        { as: await admin() },
      );
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      return page.body as {
        total: number;
        offset: number;
        limit: number;
        state: string | null;
        counts: Record<string, number>;
        items: { id: number; inclusion: string; report_status: string | null }[];
      };
    };
    const ids = (body: { items: { id: number }[] }) => body.items.map((a) => a.id);

    // Under the city (whose own report is missing): city, district, township.
    const whole = await ask("");
    expect(whole.total).toBe(3);
    expect(whole.counts).toEqual({
      included: 1,
      contained: 1,
      covered_by_parts: 1,
      pending: 0,
      missing: 0,
    });
    expect(whole.items.map((a) => [a.id, a.inclusion])).toEqual([
      [r.city.id, "covered_by_parts"],
      [r.district.id, "included"],
      [r.township.id, "contained"],
    ]);

    // limit and offset cut the path order; the total stays the ledger's.
    const second = await ask("limit=1&offset=1");
    expect([second.total, second.offset, second.limit, ids(second)]).toEqual([
      3,
      1,
      1,
      [r.district.id],
    ]);
    const past = await ask("limit=2&offset=10");
    expect([past.total, past.items]).toEqual([3, []]);

    // A state keeps only its agencies, and its total is that state's count.
    const contained = await ask("state=contained");
    expect([contained.state, contained.total, ids(contained)]).toEqual([
      "contained",
      1,
      [r.township.id],
    ]);
    expect((await ask("state=missing")).total).toBe(0);

    // From the province: everything below it is contained; the draft is not on the basis.
    const province = await requestJson(
      `/api/rollup/ledger?year=2022&under=${r.province.id}&scope=region&state=contained&limit=2`,
      { as: await admin() },
    );
    expect(province.body.total).toBe(4);
    expect(province.body.items.map((a: { id: number }) => a.id)).toEqual([
      r.city.id,
      r.district.id,
    ]);
    expect(province.body.counts).toMatchObject({ included: 1, contained: 4, pending: 0 });

    // The summary of the rollup itself says the same without a list.
    const rollup = await requestJson(
      `/api/rollup?year=2022&under=${r.city.id}&scope=region&basis=published`,
      { as: await admin() },
    );
    expect(rollup.body).not.toHaveProperty("agencies");
    expect([rollup.body.counts, rollup.body.ledger_total]).toEqual([whole.counts, 3]);

    // The region report's page carries the summary; its downloads still list every agency.
    const report = await requestJson(
      `/api/region-report?year=2022&under=${r.city.id}&scope=region`,
      { as: await admin() },
    );
    expect(report.body).not.toHaveProperty("ledger");
    expect([report.body.counts, report.body.ledger_total]).toEqual([whole.counts, 3]);
    expect(report.body.templates).toEqual({ "2021": 1, "2019": 0 });
    const csv = await request(
      `/api/region-report?year=2022&under=${r.city.id}&scope=region&format=csv&part=ledger`,
      { as: await admin() },
    );
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines).toHaveLength(4);
    const inclusion = lines[0]!.split(",").indexOf("inclusion");
    expect(lines.slice(1).map((line) => line.split(",")[inclusion])).toEqual([
      "covered_by_parts",
      "included",
      "contained",
    ]);
  });

  it("refuses the public, an unknown state and an oversized page", async () => {
    const anonymous = await requestJson(`/api/rollup/ledger?year=2022`);
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, "authentication_required"]);
    for (const query of ["state=lost", "limit=0", "limit=501", "offset=-1"]) {
      const response = await requestJson(`/api/rollup/ledger?year=2022&${query}`, {
        as: await admin(),
      });
      expect(response.status, query).toBe(400);
    }
    const unknown = await requestJson(`/api/rollup/ledger?year=2022&under=99999999`, {
      as: await admin(),
    });
    expect(unknown.status).toBe(404);
  });
});

describe("effective totals", () => {
  it("read a blank printed 总计 as the sum of the applicant columns, in sums and indicators", async () => {
    const agency = await createAgency({ region_code: "940101" });
    const doc = fixture05();
    const rows = doc.section3!.rows as Record<string, (number | null)[]>;
    expect(rows.granted![6]).toBeNull();
    await published(agency.id, doc);

    const indicators = await requestJson(`/api/public/indicators?agency=${agency.id}&years=2019`);
    expect(indicators.status).toBe(200);
    const disclosure = indicators.body.items[0].indicators.find(
      (i: { key: string }) => i.key === "disclosure_rate",
    );
    expect(disclosure).toMatchObject({ status: "ok", numerator: 275, denominator: 805 });
    expect(disclosure.value).toBeCloseTo(275 / 805, 10);
    // The answer says which rows' totals were derived: every outcome row that printed none.
    const blankTotals = Object.entries(rows)
      .filter(([, cells]) => cells[6] === null && cells.slice(0, 6).some((c) => c !== null))
      .map(([row]) => row)
      .sort();
    expect(Object.keys(indicators.body.items[0].derived_totals).sort()).toEqual(blankTotals);
    expect(blankTotals).toContain("granted");

    const rollup = await requestJson(`/api/rollup?year=2019&under=${agency.id}`, {
      as: await admin(),
    });
    const applicants = (row: string) =>
      rows[row]!.slice(0, 6).reduce<number>((a, b) => a + (b ?? 0), 0);
    expect(rollup.body.section3.rows.granted[6]).toBe(applicants("granted"));
    expect(rollup.body.section3.derived_totals.granted).toBe(1);
    expect(rollup.body.figures["section3.granted.total"]).toBe(applicants("granted"));

    // The stored document keeps what was printed.
    const stored = await requestJson(`/api/public/agencies/${agency.id}/reports/2019`);
    expect(stored.body.document.section3.rows.granted[6]).toBeNull();
  });
});
