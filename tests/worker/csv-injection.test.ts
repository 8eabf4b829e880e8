import { beforeAll, describe, expect, it } from "vitest";
import { inert } from "../../worker/http/csv";
import { readCsv } from "../reference/read-exports";
import { admin, createAgency, publish, request, saveDocument } from "./api";
import { validDocument } from "./builders";

/**
 * Issue 12, item 4: a name that a spreadsheet would run (`=HYPERLINK(…)`) reaches every CSV
 * download as text, never as a formula.
 */

const YEAR = 2018;
const FORMULA = '=HYPERLINK("http://evil.example/","点此查看")';
const REGION = "931100";

let government: { id: number; name: string };
let department: { id: number; name: string };

beforeAll(async () => {
  government = await createAgency({
    name: FORMULA,
    level: "city",
    kind: "government",
    scope: "region",
    region_code: REGION,
  });
  department = await createAgency({
    name: `@SUM(1+1)*cmd|' /C calc'!A0`,
    parent_id: government.id,
    region_code: REGION,
  });
  for (const agency of [government, department]) {
    const saved = await saveDocument(
      agency.id,
      validDocument(YEAR, (d) => (d.agency = agency.name)),
    );
    if (saved.status !== 201)
      throw new Error(`save: ${saved.status} ${JSON.stringify(saved.body)}`);
    await publish(agency.id, YEAR, 1);
  }
});

/**
 * Every CSV download that names agencies, by what it is: its path once the agencies exist.
 * (A report's own export is its table cells under official labels: no text of the agency's.)
 */
const DOWNLOADS: [string, (government: number) => string][] = [
  ["agency list", (g) => `/api/agencies?under=${g}&format=csv`],
  ["public agency list", (g) => `/api/public/agencies?under=${g}&format=csv`],
  ["report list", () => `/api/reports?region=${REGION}&year=${YEAR}&format=csv`],
  [
    "compare",
    (g) => `/api/compare?figure=metrics.website_visits&years=${YEAR}&under=${g}&format=csv`,
  ],
  ["bulk data", () => `/api/public/bulk/${YEAR}.csv`],
  ["region embed data", () => `/embed/region/${REGION}/data.csv?kind=bars&years=${YEAR}`],
  [
    "region report ledger",
    (g) => `/api/region-report?year=${YEAR}&under=${g}&format=csv&part=ledger`,
  ],
];

describe("CSV downloads", () => {
  it("write formula-leading text with a leading apostrophe and numbers as they are", () => {
    expect(inert(FORMULA)).toBe(`'${FORMULA}`);
    for (const text of ["+1+1", "-2+3", "@cmd", "\t=1", "\r=1"])
      expect(inert(text)).toBe(`'${text}`);
    for (const text of ["-3", "+12.5", "洛阳市", "a=b", ""]) expect(inert(text)).toBe(text);
  });

  it.each(DOWNLOADS)("%s carries no cell a spreadsheet would run", async (_, path) => {
    const response = await request(path(government.id), { as: await admin() });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const { header, rows } = readCsv(await response.text());
    const fields = [...header, ...rows.flat()];
    const names = fields.filter((f) => f === `'${government.name}` || f === `'${department.name}`);
    expect(names.length, "the names are in the file, made inert").toBeGreaterThan(0);
    const live = fields.filter((f) => /^[=+@\t\r]/.test(f) || /^-(?![0-9.]+$)/.test(f));
    expect(live).toEqual([]);
  });
});
