import { beforeAll, describe, expect, it } from "vitest";
import { atDeclaredPrecision } from "../../worker/report/figures";
import { admin, createAgency, publish, requestJson, saveDocument } from "./api";
import { validDocument } from "./builders";

/**
 * Issue 12, item 6: three fees of 0.1 万元 sum to 0.3 in every answer, not to the
 * 0.30000000000000004 that floating point makes of them in any order.
 */

const YEAR = 2020;
const FEE = "section2.fees_wan_yuan";
let government: { id: number };

beforeAll(async () => {
  government = await createAgency({
    level: "city",
    kind: "government",
    scope: "region",
    region_code: "932100",
  });
  // Three departments (the own-scope sums) and three county governments whose whole-region
  // reports stand in for the city's missing one (the whole-region sums), each with 0.1 万元.
  const parts = [
    ...[1, 2, 3].map(() => ({ parent_id: government.id, region_code: "932100" })),
    ...[1, 2, 3].map((n) => ({
      level: "county",
      kind: "government",
      scope: "region",
      parent_id: government.id,
      region_code: `93210${n}`,
    })),
  ];
  for (const part of parts) {
    const agency = await createAgency(part);
    const document = validDocument(YEAR, (d) => {
      (d.section2 as Record<string, unknown>).fees_wan_yuan = 0.1;
    });
    const saved = await saveDocument(agency.id, document);
    if (saved.status !== 201) throw new Error(`save: ${saved.status}`);
    await publish(agency.id, YEAR, 1);
  }
});

describe("sums at their declared precision", () => {
  it("rounds amounts to four places and counts to whole numbers", () => {
    expect(atDeclaredPrecision(FEE, 0.1 + 0.1 + 0.1)).toBe(0.3);
    expect(atDeclaredPrecision(FEE, 185.64849999999998)).toBe(185.6485);
    expect(atDeclaredPrecision("metrics.website_visits", 299.99999999999994)).toBe(300);
    expect(atDeclaredPrecision("not.a.figure", 0.1 + 0.2)).toBe(0.1 + 0.2);
  });

  it.each(["self", "region"])(
    "the %s rollup, staff and public, sums three 0.1 to 0.3",
    async (scope) => {
      const query = `year=${YEAR}&under=${government.id}&scope=${scope}`;
      const staff = await requestJson(`/api/rollup?${query}`, { as: await admin() });
      expect(staff.status).toBe(200);
      expect(staff.body.figures[FEE]).toBe(0.3);
      const open = await requestJson(`/api/public/rollup?${query}`);
      expect(open.status).toBe(200);
      expect(open.body.figures[FEE]).toBe(0.3);
    },
  );

  it("the public series sums them to 0.3 too", async () => {
    const series = await requestJson(
      `/api/public/series?figure=${FEE}&under=${government.id}&scope=self&years=${YEAR}`,
    );
    expect(series.status).toBe(200);
    expect(JSON.stringify(series.body)).toContain('"value":0.3');
    expect(JSON.stringify(series.body)).not.toContain("0.30000000000000004");
  });
});
