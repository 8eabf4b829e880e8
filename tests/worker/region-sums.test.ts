import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { runBatch } from "../../worker/db/batch";
import { SECTION3_CELL_COLUMNS, SECTION3_TOTAL_COLUMNS } from "../../worker/db/cells";
import { createDatabase } from "../../worker/db/client";
import {
  readRegionSums,
  rebuildRegionSums,
  regionSumsStatement,
} from "../../worker/db/queries/region-sums";
import { readRollupSums, rollupStatements } from "../../worker/db/queries/rollup";
import type { SumBasis } from "../../worker/db/schema";
import type { ReportDocument } from "../../worker/report/document";
import { admin, createAgency, publish, requestJson, saveDocument } from "./api";
import { validDocument } from "./builders";

const db = createDatabase(env.DB);
type Sums = ReturnType<typeof readRegionSums>;

const APPLICANTS = SECTION3_CELL_COLUMNS.filter((column) => column !== "total");

/** Sums with blank figures left out: "no report gives it" and "every report leaves it blank" read alike. */
function normalized(sums: Sums) {
  const figures = Object.entries(sums.figures)
    .filter(([, v]) => v.sum !== null)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => [k, Math.round(v.sum! * 1e6) / 1e6, v.reported]);
  const section3 = Object.entries(sums.section3)
    .filter(([, cells]) => cells.some((c) => c !== null))
    .sort(([a], [b]) => a.localeCompare(b));
  return { figures, section3 };
}

async function maintained(year: number, basis: SumBasis, under?: number) {
  const [result] = await runBatch(db, [regionSumsStatement({ year, basis, under })]);
  return normalized(readRegionSums(result));
}

async function computed(year: number, basis: SumBasis, scope: "self" | "region", under?: number) {
  const statements = rollupStatements({ year, basis, scope, under });
  const [section3, figures] = await runBatch(db, [statements.section3, statements.figures]);
  return normalized(readRollupSums(section3, figures));
}

/**
 * Every maintained region agrees with the sums of its own-agency reports computed from the
 * reports, on every basis (whole-region reports are never maintained: they nest).
 */
async function expectInStep(roots: (number | undefined)[], years: number[]) {
  for (const under of roots)
    for (const year of years)
      for (const basis of ["current", "published"] as const)
        expect(
          await maintained(year, basis, under),
          `under ${under ?? "country"}, ${year}, ${basis}`,
        ).toEqual(await computed(year, basis, "self", under));
}

/** Rules are linear: table 三 scaled whole still holds them, and its sums tell reports apart. */
const visits =
  (n: number, fee = 0) =>
  (d: ReportDocument) => {
    d.metrics!.website_visits = n;
    const scale = 1 + (n % 3);
    const rows = d.section3!.rows as Record<string, (number | null)[]>;
    for (const [row, cells] of Object.entries(rows)) {
      rows[row] = cells.map((v) => (v === null ? null : v * scale));
    }
    (d.section2 as Record<string, unknown>).fees_wan_yuan = fee;
  };

async function patchAgency(id: number, json: Record<string, unknown>) {
  const response = await requestJson(`/api/agencies/${id}`, {
    method: "PATCH",
    as: await admin(),
    json,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

describe("maintained region sums", () => {
  it("stay equal to the sums of the reports through saves, approvals, corrections and agency changes", async () => {
    const province = await createAgency({
      level: "province",
      kind: "government",
      scope: "region",
      region_code: "930000",
    });
    const city = await createAgency({
      level: "city",
      kind: "government",
      scope: "region",
      parent_id: province.id,
      region_code: "930100",
    });
    const otherCity = await createAgency({
      level: "city",
      kind: "government",
      scope: "region",
      parent_id: province.id,
      region_code: "930200",
    });
    const county = await createAgency({
      level: "county",
      kind: "government",
      scope: "region",
      parent_id: city.id,
      region_code: "930102",
    });
    const department = await createAgency({
      level: "city",
      parent_id: city.id,
      region_code: "930100",
    });
    const township = await createAgency({
      level: "township",
      kind: "government",
      parent_id: county.id,
      region_code: "930102",
    });
    const roots = [province.id, city.id, otherCity.id, undefined];

    // Drafts count on the current basis only.
    await saveDocument(province.id, validDocument(2022, visits(1000)));
    await saveDocument(city.id, validDocument(2022, visits(300, 1.25)));
    await saveDocument(department.id, validDocument(2022, visits(41, 0.1)));
    await saveDocument(township.id, validDocument(2022, visits(17)));
    await saveDocument(township.id, validDocument(2023, visits(19)));
    await expectInStep(roots, [2022, 2023]);
    const draft = await maintained(2022, "current", province.id);
    expect(draft.figures).toContainEqual(["metrics.website_visits", 58, 2]);

    // A second save replaces the first in the current sums.
    await saveDocument(department.id, validDocument(2022, visits(43, 0.2)), 1);
    await expectInStep(roots, [2022]);

    // Approval adds to the published sums; a correction replaces the published revision.
    await publish(department.id, 2022, 2);
    await publish(township.id, 2022, 1);
    await publish(city.id, 2022, 1);
    await expectInStep(roots, [2022]);
    expect((await maintained(2022, "published", city.id)).figures).toContainEqual([
      "metrics.website_visits",
      60,
      2,
    ]);
    const correction = await saveDocument(department.id, validDocument(2022, visits(50, 0.3)), 2, {
      note: "更正访问量",
    });
    expect(correction.status).toBe(200);
    await expectInStep(roots, [2022]);
    await publish(department.id, 2022, 3);
    await expectInStep(roots, [2022]);

    // Moving, re-scoping and re-levelling agencies moves their subtrees' figures with them.
    await patchAgency(county.id, { parent_id: otherCity.id });
    await expectInStep(roots, [2022, 2023]);
    await patchAgency(department.id, { scope: "region" });
    await expectInStep(roots, [2022]);
    await patchAgency(county.id, { level: "city" });
    await expectInStep([...roots, county.id], [2022, 2023]);
    await patchAgency(county.id, { parent_id: null });
    await expectInStep([...roots, county.id], [2022, 2023]);

    // Table 三's totals kept wide are the cells' effective 总计, revision for revision.
    const totals = await env.DB.prepare("SELECT * FROM section3_totals ORDER BY revision_id").all();
    const effective = `COALESCE(total, CASE WHEN ${APPLICANTS.map((c) => `${c} IS NOT NULL`).join(" OR ")}
      THEN ${APPLICANTS.map((c) => `COALESCE(${c}, 0)`).join(" + ")} END)`;
    const pivot = SECTION3_TOTAL_COLUMNS.map(
      (key) => `MAX(CASE row_key WHEN '${key}' THEN ${effective} END) AS ${key}`,
    ).join(", ");
    const fromCells = await env.DB.prepare(
      `SELECT revision_id, ${pivot} FROM section3_cells GROUP BY revision_id ORDER BY revision_id`,
    ).all();
    expect(totals.results.length).toBeGreaterThan(4);
    expect(totals.results).toEqual(fromCells.results);

    // A rebuild from the reports finds exactly what was maintained.
    const before = await env.DB.prepare(
      "SELECT * FROM region_sums WHERE reported != 0 ORDER BY root_id, year, basis, scope, figure",
    ).all();
    await runBatch(db, rebuildRegionSums());
    const after = await env.DB.prepare(
      "SELECT * FROM region_sums ORDER BY root_id, year, basis, scope, figure",
    ).all();
    const settle = (rows: Record<string, unknown>[]) =>
      rows.map((row) => ({ ...row, total: Math.round((row.total as number) * 1e6) / 1e6 }));
    expect(settle(after.results)).toEqual(settle(before.results));
  });

  it("are what the overview and the region's report read for a province", async () => {
    const province = await createAgency({
      level: "province",
      kind: "government",
      scope: "region",
      region_code: "920000",
    });
    const department = await createAgency({
      level: "province",
      parent_id: province.id,
      region_code: "920000",
    });
    await saveDocument(department.id, validDocument(2022, visits(77)));
    await publish(department.id, 2022, 1);
    // Tampering with the stored sums shows up in both answers: they come from the table. The
    // overview shows only the key figures, so one of those is tampered with too.
    await env.DB.prepare(
      `UPDATE region_sums SET total = total + 1000 WHERE root_id = ?
        AND figure IN ('metrics.website_visits', 'section4.reconsideration.total')`,
    )
      .bind(province.id)
      .run();
    const as = await admin();
    const overview = await requestJson(`/api/overview?year=2022&under=${province.id}`, { as });
    expect(overview.status).toBe(200);
    const rollup = await requestJson(`/api/rollup?year=2022&under=${province.id}&scope=self`, {
      as,
    });
    expect(rollup.status).toBe(200);
    expect(rollup.body.figures["metrics.website_visits"]).toBe(1077);
    // A filter the table does not keep (level) sums the reports at read time.
    const filtered = await requestJson(
      `/api/rollup?year=2022&under=${province.id}&scope=self&level=province`,
      { as },
    );
    expect(filtered.status).toBe(200);
    expect(filtered.body.figures["metrics.website_visits"]).toBe(77);
    const reconsiderations = filtered.body.figures["section4.reconsideration.total"];
    expect(reconsiderations).toBeGreaterThan(0);
    expect(overview.body.figures["section4.reconsideration.total"]).toBe(reconsiderations + 1000);
    expect(rollup.body.figures["section4.reconsideration.total"]).toBe(reconsiderations + 1000);
  });
});
