import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../worker/db/client";
import type { ReportDocument } from "../../worker/report/document";
import { readOutlierRows } from "../../worker/routes/quality";
import { SPLIT_OTHER_ROW_KEYS } from "../../worker/report/templates";
import {
  admin,
  createAgency,
  publish,
  request,
  requestJson,
  saveDocument,
  signIn,
  type Session,
} from "./api";
import { validDocument } from "./builders";

const YEAR = 2024;

/** Breaks R4: 行政复议 总计 one more than its parts. */
const breakR4 = (d: ReportDocument) => {
  d.section4!.reconsideration[4] = (d.section4!.reconsideration[4] ?? 0) + 1;
};

async function move(id: number, action: "submit" | "return" | "approve", json: object) {
  const response = await requestJson(`/api/agencies/${id}/reports/${YEAR}/${action}`, {
    method: "POST",
    as: await admin(),
    json,
  });
  if (response.status !== 200) throw new Error(`${action}: ${JSON.stringify(response.body)}`);
}

async function setDeadline(day: string) {
  const response = await requestJson(`/api/deadlines/${YEAR}`, {
    method: "PUT",
    as: await admin(),
    json: { department_deadline: day, government_deadline: day },
  });
  expect(response.status).toBe(200);
}

/**
 * 示例市 (code 950100): its government reports nothing; under it, a and b are published (b
 * breaks R4, explained), c was returned, d submitted late, e is a draft, and a county-level
 * department is missing. a has three published years of history and a wild 2024 visit count.
 */
let world: Awaited<ReturnType<typeof buildRegion>>;

async function buildRegion() {
  const code = "950100";
  const gov = await createAgency({
    level: "city",
    kind: "government",
    scope: "region",
    region_code: code,
  });
  const dept = (level = "city") => createAgency({ level, parent_id: gov.id, region_code: code });
  const [a, b, c, d, e, silent] = [
    await dept(),
    await dept(),
    await dept(),
    await dept(),
    await dept(),
    await dept("county"),
  ];
  for (const [year, visits] of [
    [2021, 100],
    [2022, 110],
    [2023, 105],
  ] as const) {
    await saveDocument(
      a.id,
      validDocument(year, (doc) => (doc.metrics!.website_visits = visits)),
    );
    await publish(a.id, year, 1);
  }
  await setDeadline("2099-12-31");
  await saveDocument(
    a.id,
    validDocument(YEAR, (doc) => (doc.metrics!.website_visits = 5000)),
  );
  await publish(a.id, YEAR, 1);
  await saveDocument(b.id, validDocument(YEAR, breakR4));
  await move(b.id, "submit", {
    revision: 1,
    explanations: [{ rule: "R4", text: "原表如此，已核实" }],
  });
  await move(b.id, "approve", { revision: 1 });
  await saveDocument(c.id, validDocument(YEAR));
  await move(c.id, "submit", { revision: 1 });
  await move(c.id, "return", { revision: 1, message: "请核对" });
  await setDeadline("2025-01-31");
  await saveDocument(d.id, validDocument(YEAR));
  await move(d.id, "submit", { revision: 1 });
  await saveDocument(e.id, validDocument(YEAR));
  return { gov, a, b, c, d, e, silent };
}

beforeAll(async () => {
  world = await buildRegion();
});

const get = async (path: string, as?: Session) => requestJson(path, { as: as ?? (await admin()) });

/** A signed-in viewer without review rights: a submitter of an agency outside the region. */
let otherSubmitterSession: Promise<Session> | undefined;
const otherSubmitter = () =>
  (otherSubmitterSession ??= createAgency({ region_code: "960200" }).then((agency) =>
    signIn("submitter", { agencyId: agency.id }),
  ));

/** An anonymous request to a staff aggregate: refused, asking to sign in. */
async function expectSignInRequired(path: string) {
  const response = await requestJson(path);
  expect(response.status, path).toBe(401);
  expect(response.body.error.code, path).toBe("authentication_required");
}

describe("overview", () => {
  it("counts agencies by level and state, with late submissions and the missing list", async () => {
    const { status, body } = await get(`/api/overview?year=${YEAR}&under=${world.gov.id}&limit=1`);
    expect(status).toBe(200);
    expect(body.completeness.by_level).toEqual({
      city: { approved: 2, submitted: 1, returned: 1, draft: 1, missing: 1, late: 1 },
      county: { approved: 0, submitted: 0, returned: 0, draft: 0, missing: 1, late: 0 },
    });
    expect(body.completeness.totals).toMatchObject({ agencies: 7, missing: 2, late: 1 });
    expect(body.completeness.missing.total).toBe(2);
    expect(body.completeness.missing.items).toEqual([
      {
        id: world.gov.id,
        name: world.gov.name,
        level: "city",
        region_code: "950100",
        parent_name: null,
      },
    ]);
    const all = await get(`/api/overview?year=${YEAR}&under=${world.gov.id}`);
    expect(all.body.completeness.missing.items[1]).toMatchObject({
      id: world.silent.id,
      level: "county",
      parent_name: world.gov.name,
    });
  });

  it("sums published figures by default and current ones for staff who ask", async () => {
    const published = await get(`/api/overview?year=${YEAR}&under=${world.gov.id}`);
    expect(published.body.basis).toBe("published");
    expect(published.body.figures["section3.new_received.total"]).toBe(2 * 95);
    const rate = published.body.indicators.find((i: any) => i.key === "disclosure_rate");
    expect(rate).toMatchObject({ status: "ok", numerator: 44, denominator: 184 });
    expect(published.body.failing_reports).toEqual({
      items: [
        {
          id: expect.any(Number),
          agency_id: world.b.id,
          agency_name: expect.any(String),
          level: "city",
          status: "approved",
          error_count: 1,
          warning_count: expect.any(Number),
        },
      ],
      total: 1,
    });

    const current = await get(`/api/overview?year=${YEAR}&under=${world.gov.id}&basis=current`);
    expect(current.body.figures["section3.new_received.total"]).toBe(5 * 95);
  });

  it("judges each basis by its own revision's findings while a correction is under way", async () => {
    const gov = await createAgency({
      level: "city",
      kind: "government",
      scope: "region",
      region_code: "950300",
    });
    const agency = await createAgency({ level: "city", parent_id: gov.id, region_code: "950300" });
    await saveDocument(agency.id, validDocument(YEAR, breakR4));
    await move(agency.id, "submit", {
      revision: 1,
      explanations: [{ rule: "R4", text: "已核实" }],
    });
    await move(agency.id, "approve", { revision: 1 });
    const fixed = await saveDocument(agency.id, validDocument(YEAR), 1, { note: "更正 R4" });
    expect(fixed.status).toBe(200);

    const published = await get(`/api/overview?year=${YEAR}&under=${gov.id}`);
    expect(published.body.failing_reports.items).toEqual([
      expect.objectContaining({ agency_id: agency.id, status: "draft", error_count: 1 }),
    ]);
    const current = await get(`/api/overview?year=${YEAR}&under=${gov.id}&basis=current`);
    expect(current.body.failing_reports).toEqual({ items: [], total: 0 });
  });

  it("lets a reviewer read current figures only inside their region, other viewers only published ones, and the public only through /api/public", async () => {
    const inside = await signIn("reviewer", { regionAgencyId: world.gov.id });
    const own = await get(`/api/overview?year=${YEAR}&basis=current`, inside);
    expect(own.status).toBe(200);
    expect(own.body.completeness.totals.agencies).toBe(7);
    const outsider = await createAgency({ region_code: "960100" });
    const elsewhere = await signIn("reviewer", { regionAgencyId: outsider.id });
    const refused = await get(
      `/api/overview?year=${YEAR}&under=${world.gov.id}&basis=current`,
      elsewhere,
    );
    expect(refused.status).toBe(403);

    // A submitter elsewhere reads the published figures, never the current ones.
    const submitter = await otherSubmitter();
    const current = await get(
      `/api/overview?year=${YEAR}&under=${world.gov.id}&basis=current`,
      submitter,
    );
    expect(current.status).toBe(403);
    const published = await get(`/api/overview?year=${YEAR}&under=${world.gov.id}`, submitter);
    expect(published.status).toBe(200);
    expect(published.body.figures["section3.new_received.total"]).toBe(2 * 95);

    // The public reads no staff aggregate at all, only the published sums under /api/public.
    await expectSignInRequired(`/api/overview?year=${YEAR}&under=${world.gov.id}&basis=current`);
    await expectSignInRequired(`/api/overview?year=${YEAR}&under=${world.gov.id}`);
    const publicRead = await requestJson(`/api/public/rollup?year=${YEAR}&under=${world.gov.id}`);
    expect(publicRead.status).toBe(200);
    expect(publicRead.body.reports).toBe(2);
    expect(publicRead.body.figures["section3.new_received.total"]).toBe(2 * 95);
  });
});

describe("quality", () => {
  it("lists a report breaking R4 with its explanation, and an outlier against the agency's history, by name", async () => {
    const { status, body } = await get(`/api/quality?year=${YEAR}&under=${world.gov.id}`);
    expect(status).toBe(200);
    expect(body.hard.total).toBe(1);
    const [report] = body.hard.items;
    expect(report.agency_id).toBe(world.b.id);
    expect(report.errors.map((f: any) => f.rule)).toEqual(["R4"]);
    expect(report.explanations).toEqual([{ rule: "R4", text: "原表如此，已核实" }]);
    expect(body.soft.items.map((r: any) => r.agency_id)).not.toContain(world.b.id);
    expect(body.outliers).toEqual([
      {
        agency_id: world.a.id,
        agency_name: world.a.name,
        year: YEAR,
        figure: "metrics.website_visits",
        kind: "history",
        value: 5000,
        median: 105,
        mad: 5,
        z: expect.closeTo(4895 / (1.4826 * 5), 6),
        reference_count: 3,
      },
    ]);
  });
});

describe("quality lists and limits", () => {
  it("pages each list by its own offset, counting every report", async () => {
    const code = "950400";
    const gov = await createAgency({
      level: "city",
      kind: "government",
      scope: "region",
      region_code: code,
    });
    const save = async (mutate: (d: ReportDocument) => void) => {
      const agency = await createAgency({ level: "city", parent_id: gov.id, region_code: code });
      await saveDocument(agency.id, validDocument(YEAR, mutate));
      return agency.id;
    };
    const hard = [await save(breakR4), await save(breakR4), await save(breakR4)];
    // A blank cell: a warning (S-blank) and no error.
    const blank = (d: ReportDocument) => {
      (d.section2 as { coercion_decisions: number | null }).coercion_decisions = null;
    };
    const soft = [await save(blank), await save(blank)];
    const base = `/api/quality?year=${YEAR}&under=${gov.id}&basis=current&limit=2`;

    const first = await get(base);
    expect(first.status).toBe(200);
    expect(first.body.hard).toMatchObject({ total: 3, offset: 0, limit: 2 });
    expect(first.body.soft).toMatchObject({ total: 2, offset: 0, limit: 2 });
    expect(first.body.soft.items.map((r: any) => r.agency_id).sort()).toEqual(soft.sort());

    const second = await get(`${base}&hard_offset=2`);
    expect(second.body.hard).toMatchObject({ total: 3, offset: 2, limit: 2 });
    expect(second.body.soft.items).toHaveLength(2);
    const paged = [...first.body.hard.items, ...second.body.hard.items].map(
      (r: any) => r.agency_id,
    );
    expect(paged.sort()).toEqual(hard.sort());

    const past = await get(`${base}&hard_offset=10&soft_offset=2`);
    expect(past.body.hard).toMatchObject({ items: [], total: 3, offset: 10 });
    expect(past.body.soft).toMatchObject({ items: [], total: 2, offset: 2 });
  });

  it("judges outliers over every report or refuses with 400, naming the limit and the count", async () => {
    const db = createDatabase(env.DB);
    const query = {
      under: world.gov.id,
      basis: "current" as const,
      figures: ["metrics.website_visits"],
      years: [2021, 2022, 2023, 2024],
    };
    // a: 2021–2024; b, c, d, e: 2024.
    expect(await readOutlierRows(db, query, 8)).toHaveLength(8);
    await expect(readOutlierRows(db, query, 7)).rejects.toMatchObject({
      status: 400,
      code: "too_many_rows",
      extra: { limit: 7, total: 8 },
      messageZh: expect.stringContaining("超过上限 7"),
    });
  });

  it("refuses a negative offset", async () => {
    const { status, body } = await get(
      `/api/quality?year=${YEAR}&under=${world.gov.id}&hard_offset=-1`,
    );
    expect(status).toBe(400);
    expect(body.error.issues[0].path).toBe("hard_offset");
  });
});

describe("region report", () => {
  const sum = (cells: (number | null)[][]) =>
    cells[0]!.map((_, i) => cells.reduce((n, row) => n + (row[i] ?? 0), 0));

  it("sums the published reports' tables for any signed-in viewer, with the ledger, and the public reads the sums from /api/public", async () => {
    const doc = validDocument(YEAR);
    const broken = validDocument(YEAR, breakR4);
    await expectSignInRequired(`/api/region-report?year=${YEAR}&under=${world.gov.id}`);
    await expectSignInRequired(
      `/api/rollup/ledger?year=${YEAR}&under=${world.gov.id}&basis=published`,
    );
    const viewer = await get(
      `/api/region-report?year=${YEAR}&under=${world.gov.id}`,
      await otherSubmitter(),
    );
    expect(viewer.status).toBe(200);
    const body = viewer.body;
    expect(body.templates).toEqual({ "2021": 2, "2019": 0 });
    // The region's own report sums its agencies' reports (scope self): the government's
    // whole-region report is not part of it.
    expect(body.counts).toEqual({
      included: 2,
      contained: 0,
      covered_by_parts: 0,
      pending: 3,
      missing: 1,
    });
    for (const [row, cells] of Object.entries(doc.section3!.rows)) {
      expect(body.section3.rows[row], row).toEqual(sum([cells, cells]));
    }
    expect(body.section3.other_processing_total).toEqual(
      sum(SPLIT_OTHER_ROW_KEYS.flatMap((k) => [doc.section3!.rows[k]!, doc.section3!.rows[k]!])),
    );
    expect(body.section4.reconsideration).toEqual(
      sum([doc.section4!.reconsideration, broken.section4!.reconsideration]),
    );
    expect(body.section2["section2.regulations.made"]).toBe(
      2 * ((doc.section2 as any).regulations.made ?? 0),
    );
    // The page carries the ledger's summary; its agencies come a page at a time.
    expect(body.ledger_total).toBe(6);
    expect(body).not.toHaveProperty("ledger");
    const ledger = await get(
      `/api/rollup/ledger?year=${YEAR}&under=${world.gov.id}&basis=published`,
      await otherSubmitter(),
    );
    expect(ledger.status).toBe(200);
    expect(ledger.body.total).toBe(6);
    const inclusion = Object.fromEntries(ledger.body.items.map((a: any) => [a.id, a.inclusion]));
    expect(inclusion).toEqual({
      [world.a.id]: "included",
      [world.b.id]: "included",
      [world.c.id]: "pending",
      [world.d.id]: "pending",
      [world.e.id]: "pending",
      [world.silent.id]: "missing",
    });

    // The public's rollup holds the same published sums.
    const publicRollup = await requestJson(`/api/public/rollup?year=${YEAR}&under=${world.gov.id}`);
    expect(publicRollup.status).toBe(200);
    expect(publicRollup.body.reports).toBe(2);
    expect(publicRollup.body.figures["section3.new_received.total"]).toBe(
      body.section3.rows.new_received[6],
    );
  });

  it("answers CSV with one line per cell, and the ledger as a second CSV", async () => {
    await expectSignInRequired(`/api/region-report?year=${YEAR}&under=${world.gov.id}&format=csv`);
    const tables = await request(
      `/api/region-report?year=${YEAR}&under=${world.gov.id}&format=csv`,
      { as: await otherSubmitter() },
    );
    expect(tables.status).toBe(200);
    expect(tables.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await tables.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("table,row_key,row_label,column_label,value");
    expect(lines).toContain("三,new_received,一、本年新收政府信息公开申请数量,总计,190");
    expect(lines.some((l) => l.startsWith("四,reconsideration,行政复议,总计,"))).toBe(true);
    expect(lines.filter((l) => l.startsWith("三,")).length).toBe((25 + 1 + 1) * 7);

    const ledger = await request(
      `/api/region-report?year=${YEAR}&under=${world.gov.id}&format=csv&part=ledger`,
      { as: await otherSubmitter() },
    );
    expect(ledger.status).toBe(200);
    const rows = (await ledger.text()).trim().split("\r\n");
    expect(rows.length).toBe(1 + 6);
    expect(
      rows.some(
        (l) =>
          l.startsWith(`${world.a.id},`) && l.includes(",included,已纳入,approved,已发布,2021,"),
      ),
    ).toBe(true);
  });
});

describe("compare ranking", () => {
  it("refuses to rank whole-region reports with agencies, and shows small counts unranked", async () => {
    const code = "950200";
    const gov = await createAgency({
      level: "city",
      kind: "government",
      scope: "region",
      region_code: code,
    });
    const x = await createAgency({ level: "city", parent_id: gov.id, region_code: code });
    const y = await createAgency({ level: "city", parent_id: gov.id, region_code: code });
    await saveDocument(gov.id, validDocument(2022));
    await saveDocument(x.id, validDocument(2022));
    await saveDocument(
      y.id,
      validDocument(2022, (doc) => (doc.section3!.rows.total_processed![6] = 3)),
    );
    const base = `/api/compare?figure=indicator.disclosure_rate&years=2022&under=${gov.id}&basis=current&rank=true`;
    const mixed = await get(base);
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.code).toBe("mixed_scope");
    expect(mixed.body.scopes).toEqual(["region", "self"]);

    const self = await get(`${base}&scope=self`);
    expect(self.status).toBe(200);
    expect(self.body.ranking).toEqual([
      { agency_id: x.id, year: 2022, rank: 1, reason: "ok", value: 22 / 92, denominator: 92 },
      {
        agency_id: y.id,
        year: 2022,
        rank: null,
        reason: "below_min_count",
        value: null,
        denominator: 3,
      },
    ]);
    const unranked = await get(base.replace("&rank=true", ""));
    expect(unranked.status).toBe(200);
    expect(unranked.body.ranking).toBeUndefined();
  });
});

describe("what a viewer without review rights sees of the review", () => {
  it("shows only published, not yet published and missing, and no unpublished report's state; the public must sign in", async () => {
    const path = `year=${YEAR}&under=${world.gov.id}`;
    await expectSignInRequired(`/api/overview?${path}`);
    await expectSignInRequired(`/api/rollup/ledger?${path}&limit=500`);
    const publicView = await get(`/api/overview?${path}`, await otherSubmitter());
    expect(publicView.status).toBe(200);
    expect(Object.keys(publicView.body.completeness.totals).sort()).toEqual(
      ["agencies", "approved", "missing", "pending"].sort(),
    );
    const staffView = await requestJson(`/api/overview?${path}`, { as: await admin() });
    expect(staffView.body.completeness.totals.returned).toBeGreaterThan(0);
    expect(publicView.body.completeness.totals.pending).toBe(
      staffView.body.completeness.totals.draft +
        staffView.body.completeness.totals.submitted +
        staffView.body.completeness.totals.returned,
    );

    const ledger = await get(`/api/rollup/ledger?${path}&limit=500`, await otherSubmitter());
    expect(ledger.status).toBe(200);
    expect(ledger.body.items.length).toBeGreaterThan(0);
    const states = ledger.body.items.map((a: { report_status: string | null }) => a.report_status);
    expect(states.every((s: string | null) => s === null || s === "approved")).toBe(true);
    const staffLedger = await requestJson(`/api/rollup/ledger?${path}&limit=500`, {
      as: await admin(),
    });
    expect(
      staffLedger.body.items.map((a: { report_status: string | null }) => a.report_status),
    ).toContain("returned");
  });
});
