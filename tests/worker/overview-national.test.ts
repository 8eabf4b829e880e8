import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { admin, createAgency, publish, requestJson, saveDocument } from "./api";
import { validDocument } from "./builders";

/**
 * The national overview reads the year's reports and looks their agencies up; a subtree's
 * overview walks its agencies and looks their reports up. Two plans over the same rows: the
 * country must be the sum of its roots.
 */

const YEAR = 2011;

beforeAll(async () => {
  const province = await createAgency({
    level: "province",
    kind: "government",
    scope: "region",
    region_code: "933000",
  });
  const city = await createAgency({
    level: "city",
    kind: "government",
    scope: "region",
    parent_id: province.id,
    region_code: "933100",
  });
  const departments = await Promise.all(
    [province, city, city, city].map((parent) =>
      createAgency({ parent_id: parent.id, region_code: parent.region_code }),
    ),
  );
  const other = await createAgency({ level: "city", region_code: "934100" });
  const broken = validDocument(YEAR, (d) => {
    d.section3!.rows.new_received![6] = 9999;
  });
  // Two published, a draft with a hard error, a draft, and the rest missing.
  await saveDocument(departments[0]!.id, validDocument(YEAR));
  await publish(departments[0]!.id, YEAR, 1);
  await saveDocument(departments[1]!.id, broken);
  await saveDocument(other.id, validDocument(YEAR));
  await publish(other.id, YEAR, 1);
  await saveDocument(city.id, validDocument(YEAR));
});

type Counts = Record<string, number>;
const add = (into: Counts, counts: Counts) => {
  for (const [key, value] of Object.entries(counts)) into[key] = (into[key] ?? 0) + value;
};

describe("the national overview", () => {
  it.each(["current", "published"])(
    "on the %s basis equals the sum of its roots' overviews",
    async (basis) => {
      const as = await admin();
      const national = await requestJson(`/api/overview?year=${YEAR}&basis=${basis}`, { as });
      expect(national.status).toBe(200);
      const roots = await env.DB.prepare("SELECT id FROM agencies WHERE parent_id IS NULL").all<{
        id: number;
      }>();
      const byLevel: Record<string, Counts> = {};
      const totals: Counts = {};
      let failing = 0;
      for (const root of roots.results) {
        const part = await requestJson(
          `/api/overview?year=${YEAR}&basis=${basis}&under=${root.id}`,
          { as },
        );
        expect(part.status).toBe(200);
        for (const [level, counts] of Object.entries(part.body.completeness.by_level))
          add((byLevel[level] ??= {}), counts as Counts);
        add(totals, part.body.completeness.totals);
        failing += part.body.failing_reports.total;
      }
      const nonZero = (levels: Record<string, Counts>) =>
        Object.fromEntries(
          Object.entries(levels).filter(([, counts]) => Object.values(counts).some((n) => n > 0)),
        );
      expect(nonZero(national.body.completeness.by_level)).toEqual(nonZero(byLevel));
      expect(national.body.completeness.totals).toEqual(totals);
      expect(national.body.failing_reports.total).toBe(failing);
      if (basis === "current") expect(failing).toBeGreaterThan(0);
      expect(totals.missing).toBeGreaterThan(0);
    },
  );
});
