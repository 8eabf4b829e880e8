import { describe, expect, it } from "vitest";
import {
  DEMO_PROVINCE,
  countAgencies,
  demoProvinceOptions,
  generateAgencies,
  nationalBenchOptions,
  type SyntheticAgency,
} from "../../worker/demo/synthetic-agencies";
import {
  DEFECT_RULES,
  generateReport,
  generateReports,
  generateReportsBottomUp,
  type DefectKind,
  type GeneratedReport,
} from "../../worker/demo/synthetic-reports";
import { createRng } from "../../worker/demo/random";
import { REAL_PROVINCES } from "../../worker/report/provinces";
import {
  reportDocumentSchema,
  section3Variant,
  type Cell,
  type ReportDocument,
} from "../../worker/report/document";
import { checkReport } from "../../worker/report/rules";
import { OUTCOME_ROW_KEYS, section3RowKeys } from "../../worker/report/templates";

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
const HARD_RULES = new Set(["R1", "R2", "R3", "R4", "R5"]);

const demoAgencies = generateAgencies(demoProvinceOptions(1));
const demoReports = generateReports(demoAgencies, YEARS, 1);

/** Every fourth agency of the national set over five years: about 25,000 agency-years. */
const nationalSample = generateAgencies(nationalBenchOptions(2)).filter((_, i) => i % 4 === 0);
const nationalReports = generateReports(nationalSample, [2020, 2021, 2022, 2023, 2024], 2);

function byKey(agencies: readonly SyntheticAgency[]): Map<string, SyntheticAgency> {
  return new Map(agencies.map((a) => [a.key, a]));
}

function n(cell: Cell | undefined): number {
  return cell ?? 0;
}

/** R1–R4 checked by hand (blank read as 0), independently of worker/report/rules.ts. */
function arithmeticViolations(doc: ReportDocument): string[] {
  const out: string[] = [];
  const rows = doc.section3?.rows ?? {};
  const variant = section3Variant(doc);
  for (const key of section3RowKeys(variant)) {
    const row = rows[key] ?? [];
    const parts = row.slice(0, 6).reduce<number>((s, c) => s + n(c), 0);
    if (parts !== n(row[6])) out.push(`R1 ${key}`);
  }
  for (let c = 0; c < 7; c++) {
    const left = n(rows.new_received?.[c]) + n(rows.carried_over?.[c]);
    const right = n(rows.total_processed?.[c]) + n(rows.carried_forward?.[c]);
    if (left !== right) out.push(`R2 column ${c}`);
    const outcomes = OUTCOME_ROW_KEYS(variant).reduce((s, key) => s + n(rows[key]?.[c]), 0);
    if (outcomes !== n(rows.total_processed?.[c])) out.push(`R3 column ${c}`);
  }
  for (const [group, cells] of Object.entries(doc.section4 ?? {})) {
    if (n(cells[0]) + n(cells[1]) + n(cells[2]) + n(cells[3]) !== n(cells[4]))
      out.push(`R4 ${group}`);
  }
  return out;
}

function hasBlank(doc: ReportDocument): boolean {
  const cells = [
    ...Object.values(doc.section3?.rows ?? {}).flat(),
    ...Object.values(doc.section4 ?? {}).flat(),
  ];
  return cells.some((c) => c === null);
}

function share(reports: readonly GeneratedReport[], intent: GeneratedReport["intent"]): number {
  return reports.filter((r) => r.intent === intent).length / reports.length;
}

describe("generateAgencies", () => {
  it("gives the same agencies for the same seed and other names for another seed", () => {
    expect(JSON.stringify(generateAgencies(demoProvinceOptions(1)))).toBe(
      JSON.stringify(demoAgencies),
    );
    const other = generateAgencies(demoProvinceOptions(2));
    expect(other.map((a) => a.key)).toEqual(demoAgencies.map((a) => a.key));
    expect(other.map((a) => a.name)).not.toEqual(demoAgencies.map((a) => a.name));
  });

  it("builds a demo province of hundreds of agencies at every level and of both kinds", () => {
    expect(demoAgencies.length).toBe(countAgencies(demoProvinceOptions(1)));
    expect(demoAgencies.length).toBeGreaterThanOrEqual(200);
    expect(demoAgencies.length).toBeLessThan(1000);
    const combos = new Set(demoAgencies.map((a) => `${a.level}/${a.kind}`));
    expect([...combos].sort()).toEqual([
      "city/department",
      "city/government",
      "county/department",
      "county/government",
      "province/department",
      "province/government",
      "township/government",
    ]);
    expect(demoAgencies[0]).toMatchObject({
      key: "p99",
      parentKey: null,
      name: `${DEMO_PROVINCE.name}人民政府`,
      regionCode: "990000",
      scope: "region",
    });
    expect(demoAgencies.map((a) => a.name)).toContain("示范省教育厅");
  });

  it("lists every parent before its children, with unique keys and names", () => {
    const seen = new Map<string, SyntheticAgency>();
    for (const agency of demoAgencies) {
      if (agency.parentKey !== null) {
        const parent = seen.get(agency.parentKey);
        expect(parent, agency.key).toBeDefined();
        expect(parent?.kind).toBe("government");
        expect(agency.key.startsWith(`${agency.parentKey}/`)).toBe(true);
      }
      expect(seen.has(agency.key)).toBe(false);
      seen.set(agency.key, agency);
    }
    expect(new Set(demoAgencies.map((a) => a.name)).size).toBe(demoAgencies.length);
  });

  it("gives six-digit region codes consistent with the parent's", () => {
    const index = byKey(demoAgencies);
    for (const agency of demoAgencies) {
      expect(agency.regionCode).toMatch(/^\d{6}$/);
      const parent = agency.parentKey === null ? undefined : index.get(agency.parentKey);
      // A government reports for its region, at township level too (FORMAT §8).
      expect(agency.scope).toBe(agency.kind === "government" ? "region" : "self");
      if (agency.kind === "department" || agency.level === "township") {
        expect(agency.regionCode).toBe(parent?.regionCode);
        continue;
      }
      const code = agency.regionCode;
      if (agency.level === "province") expect(code).toMatch(/^\d{2}0000$/);
      if (agency.level === "city") {
        expect(code.slice(0, 2)).toBe(parent?.regionCode.slice(0, 2));
        expect(code).toMatch(/^\d{2}(?!00)\d{2}00$/);
      }
      if (agency.level === "county") {
        expect(code.slice(0, 4)).toBe(parent?.regionCode.slice(0, 4));
        expect(code.slice(4)).not.toBe("00");
      }
    }
    const governments = demoAgencies.filter(
      (a) => a.kind === "government" && a.level !== "township",
    );
    expect(new Set(governments.map((a) => a.regionCode)).size).toBe(governments.length);
  });

  it("builds the national bench set: about 20,000 agencies over the 31 real provinces", () => {
    const agencies = generateAgencies(nationalBenchOptions(1));
    expect(agencies.length).toBe(countAgencies(nationalBenchOptions(1)));
    expect(agencies.length).toBeGreaterThan(19_000);
    expect(agencies.length).toBeLessThan(21_000);
    const provinces = agencies.filter((a) => a.level === "province" && a.kind === "government");
    expect(provinces.map((a) => a.regionCode.slice(0, 2))).toEqual(
      REAL_PROVINCES.map((p) => p.code),
    );
    expect(provinces[0]?.name).toBe("北京市人民政府");
    expect(provinces.at(-1)?.name).toBe("新疆维吾尔自治区人民政府");
    expect(new Set(agencies.map((a) => a.name)).size).toBe(agencies.length);
  });

  it("rejects options it cannot satisfy", () => {
    expect(() =>
      generateAgencies({ ...demoProvinceOptions(), departmentsPerGovernment: 500 }),
    ).toThrow(RangeError);
    expect(() => generateAgencies({ ...demoProvinceOptions(), countiesPerCity: 120 })).toThrow(
      RangeError,
    );
  });
});

describe("generateReports", () => {
  it("gives byte-identical output for the same seed", () => {
    expect(JSON.stringify(generateReports(demoAgencies, YEARS, 1))).toBe(
      JSON.stringify(demoReports),
    );
  });

  it("gives different output for a different seed", () => {
    const other = generateReports(demoAgencies, YEARS, 2);
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(demoReports));
  });

  it("keeps an agency's reports when agencies outside its subtree are added or removed", () => {
    const department = demoAgencies.find((a) => a.kind === "department" && a.level === "county");
    const county = demoAgencies.find((a) => a.kind === "government" && a.level === "county");
    if (!department || !county) throw new Error("no county department or county");
    const alone = generateReports([department], YEARS, 1);
    expect(alone).toEqual(demoReports.filter((r) => r.agencyKey === department.key));

    const subtree = demoAgencies.filter(
      (a) => a.key === county.key || a.key.startsWith(`${county.key}/`),
    );
    expect(subtree.length).toBeGreaterThan(10);
    const keys = new Set(subtree.map((a) => a.key));
    expect(generateReports(subtree, YEARS, 1)).toEqual(
      demoReports.filter((r) => keys.has(r.agencyKey)),
    );
  });

  it("hands out every agency after the agencies under it, with the same reports", () => {
    const done = new Set<string>();
    const reports: GeneratedReport[] = [];
    for (const { agency, reports: own } of generateReportsBottomUp(demoAgencies, YEARS, 1)) {
      for (const child of demoAgencies.filter((a) => a.parentKey === agency.key)) {
        expect(done.has(child.key), `${child.key} before ${agency.key}`).toBe(true);
      }
      done.add(agency.key);
      reports.push(...own);
    }
    expect(done.size).toBe(demoAgencies.length);
    const order = new Map(demoAgencies.map((a, i) => [a.key, i]));
    reports.sort((a, b) => (order.get(a.agencyKey) ?? 0) - (order.get(b.agencyKey) ?? 0));
    expect(reports).toEqual(demoReports);
  });

  it("produces documents that pass the canonical zod schema", () => {
    for (const report of [...demoReports, ...nationalReports.slice(0, 5000)]) {
      const result = reportDocumentSchema.safeParse(report.document);
      expect(result.success, `${report.agencyKey} ${report.year}`).toBe(true);
    }
  });

  it("uses the 2019 layout before 2021 and the 2021 layout from 2021 on", () => {
    for (const { year, document } of demoReports) {
      const rows = Object.keys(document.section3?.rows ?? {});
      if (year < 2021) {
        expect(document.template).toBe("2019");
        expect(rows).toEqual(section3RowKeys("single"));
        expect(document.section2).toHaveProperty("centralized_procurement");
      } else {
        expect(document.template).toBe("2021");
        expect(rows).toEqual(section3RowKeys("split"));
        expect(document.section2).toHaveProperty("fees_wan_yuan");
      }
      const widths = new Set(Object.values(document.section3?.rows ?? {}).map((r) => r.length));
      const groups = new Set(Object.values(document.section4 ?? {}).map((g) => g.length));
      expect([...widths, ...groups]).toEqual([7, 5]);
    }
  });

  // About 30,000 reports checked twice: seconds alone, more beside other suites (30 s allowed).
  it("keeps clean reports free of errors and blanks (R1–R4 by hand and by checkReport)", () => {
    const clean = [...demoReports, ...nationalReports].filter((r) => r.intent === "clean");
    expect(clean.length).toBeGreaterThan(20_000);
    for (const report of clean) {
      expect(arithmeticViolations(report.document), `${report.agencyKey} ${report.year}`).toEqual(
        [],
      );
      expect(hasBlank(report.document)).toBe(false);
    }
    // With the agency and a clean previous year, not even a soft check fires.
    const index = byKey(demoAgencies);
    const byAgencyYear = new Map(demoReports.map((r) => [`${r.agencyKey}@${r.year}`, r]));
    for (const report of demoReports.filter((r) => r.intent === "clean")) {
      const agency = index.get(report.agencyKey);
      const previous = byAgencyYear.get(`${report.agencyKey}@${report.year - 1}`);
      const findings = checkReport(report.document, {
        agency: agency && { level: agency.level, kind: agency.kind },
        previous: previous?.intent === "clean" ? previous.document : undefined,
      });
      expect(
        findings.map((f) => f.rule),
        `${report.agencyKey} ${report.year}`,
      ).toEqual([]);
    }
  }, 30_000);

  it("chains this year's carried_over to last year's carried_forward", () => {
    const byAgencyYear = new Map(demoReports.map((r) => [`${r.agencyKey}@${r.year}`, r]));
    let chained = 0;
    for (const report of demoReports) {
      const previous = byAgencyYear.get(`${report.agencyKey}@${report.year - 1}`);
      if (!previous || previous.intent === "breaks-rules" || report.intent === "breaks-rules")
        continue;
      const forward = (previous.document.section3?.rows.carried_forward ?? []).map(n);
      const over = (report.document.section3?.rows.carried_over ?? []).map(n);
      expect(over, `${report.agencyKey} ${report.year}`).toEqual(forward);
      chained++;
    }
    expect(chained).toBeGreaterThan(1000);
    expect(demoReports.some((r) => n(r.document.section3?.rows.carried_over?.[6]) > 0)).toBe(true);
  });

  it("leaves out about 5% of agency-years, breaks about 3% and blanks about 2% of reports", () => {
    const expected = nationalSample.length * 5;
    expect(1 - nationalReports.length / expected).toBeCloseTo(0.05, 1);
    expect(Math.abs(1 - nationalReports.length / expected - 0.05)).toBeLessThan(0.01);
    expect(Math.abs(share(nationalReports, "breaks-rules") - 0.03)).toBeLessThan(0.008);
    expect(Math.abs(share(nationalReports, "blank-cells") - 0.02)).toBeLessThan(0.007);
  });

  it("breaks in each rule-breaking report exactly the hard rules its defect names", () => {
    const broken = [...demoReports, ...nationalReports].filter((r) => r.intent === "breaks-rules");
    expect(broken.length).toBeGreaterThan(300);
    const kinds = new Set<DefectKind>();
    for (const report of broken) {
      const defect = report.defect;
      if (!defect) throw new Error(`${report.agencyKey} ${report.year} has no defect`);
      kinds.add(defect.kind);
      expect(defect.rules).toEqual(DEFECT_RULES[defect.kind]);
      expect(arithmeticViolations(report.document).length).toBeGreaterThan(0);
      const hard = new Set(
        checkReport(report.document)
          .map((f) => f.rule)
          .filter((rule) => HARD_RULES.has(rule)),
      );
      expect([...hard].sort(), `${report.agencyKey} ${report.year} ${defect.kind}`).toEqual(
        [...defect.rules].sort(),
      );
      expect(hasBlank(report.document)).toBe(false);
    }
    expect([...kinds].sort()).toEqual(Object.keys(DEFECT_RULES).sort());
    expect(demoReports.filter((r) => r.intent !== "breaks-rules").some((r) => r.defect)).toBe(
      false,
    );
  });

  it("leaves blank cells that hold the hard rules when read as 0", () => {
    const blank = nationalReports.filter((r) => r.intent === "blank-cells");
    expect(blank.length).toBeGreaterThan(200);
    for (const report of blank) {
      expect(hasBlank(report.document)).toBe(true);
      expect(arithmeticViolations(report.document)).toEqual([]);
      const findings = checkReport(report.document);
      expect(findings.filter((f) => f.severity === "error")).toEqual([]);
      expect(findings.some((f) => f.rule === "S-blank")).toBe(true);
    }
  });

  it("reports 规章 only for province and city governments", () => {
    const index = byKey(nationalSample);
    let withRegulations = 0;
    for (const report of nationalReports) {
      const agency = index.get(report.agencyKey);
      const section2 = report.document.section2;
      if (!section2 || !agency) continue;
      const regulations = section2.regulations;
      const count = "valid" in regulations ? regulations.valid : regulations.total_published;
      const makesRegulations =
        agency.kind === "government" && (agency.level === "province" || agency.level === "city");
      if (!makesRegulations) expect(count, agency.name).toBe(0);
      else if (n(count) > 0) withRegulations++;
    }
    expect(withRegulations).toBeGreaterThan(100);
  });

  it("prints the fee in 万元 with at most four decimals", () => {
    let decimals = 0;
    for (const { document } of nationalReports) {
      if (document.template !== "2021") continue;
      const fee = document.section2?.fees_wan_yuan;
      if (fee === null || fee === undefined) continue;
      expect(fee).toBeGreaterThanOrEqual(0);
      expect(String(fee)).toMatch(/^\d+(\.\d{1,4})?$/);
      if (!Number.isInteger(fee)) decimals++;
    }
    expect(decimals).toBeGreaterThan(100);
  });

  it("sizes a whole-region city in thousands and millions, a township in a handful", () => {
    const index = byKey(nationalSample);
    const median = (values: number[]): number =>
      values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const pick = (
      test: (a: SyntheticAgency) => boolean,
      read: (d: ReportDocument) => number,
    ): number =>
      median(
        nationalReports
          .filter((r) => r.intent === "clean" && r.document.template === "2021")
          .filter((r) => {
            const agency = index.get(r.agencyKey);
            return agency !== undefined && test(agency);
          })
          .map((r) => read(r.document)),
      );
    const received = (d: ReportDocument): number => n(d.section3?.rows.new_received?.[6]);
    const punishments = (d: ReportDocument): number =>
      d.template === "2021" ? n(d.section2?.punishment_decisions) : 0;
    const isCity = (a: SyntheticAgency): boolean => a.level === "city" && a.kind === "government";
    const isTownship = (a: SyntheticAgency): boolean => a.level === "township";
    const isDepartment = (a: SyntheticAgency): boolean => a.kind === "department";

    expect(pick(isCity, received)).toBeGreaterThan(800);
    expect(pick(isCity, punishments)).toBeGreaterThan(100_000);
    expect(pick(isTownship, received)).toBeLessThan(10);
    const departments = pick(isDepartment, received);
    expect(departments).toBeGreaterThanOrEqual(3);
    expect(departments).toBeLessThan(100);
  });

  it("carries 2019 table 二 matters forward: next year's 上一年项目数量 is this year's plus the change", () => {
    const byAgencyYear = new Map(demoReports.map((r) => [`${r.agencyKey}@${r.year}`, r]));
    const kinds = [
      "licensing",
      "other_external_management_services",
      "punishment",
      "coercion",
      "fees",
    ] as const;
    let chained = 0;
    for (const report of demoReports) {
      const doc = report.document;
      if (doc.template !== "2019" || !doc.section2) continue;
      for (const kind of kinds) {
        const { prev_year_items: prev, change } = doc.section2[kind];
        expect(n(prev) + n(change), `${report.agencyKey} ${report.year}`).toBeGreaterThanOrEqual(0);
      }
      const next = byAgencyYear.get(`${report.agencyKey}@${report.year + 1}`)?.document;
      if (next?.template !== "2019" || !next.section2) continue;
      for (const kind of kinds) {
        const { prev_year_items: prev, change } = doc.section2[kind];
        expect(next.section2[kind].prev_year_items, `${report.agencyKey} ${kind}`).toBe(
          n(prev) + n(change),
        );
      }
      chained++;
    }
    expect(chained).toBeGreaterThan(250);
  });

  it("generates one agency-year on its own, or null when forced missing", () => {
    const township = demoAgencies.find((a) => a.level === "township");
    if (!township) throw new Error("no township");
    const doc = generateReport(township, 2023, createRng(9), { intent: "clean" });
    expect(reportDocumentSchema.parse(doc)).toEqual(doc);
    expect(arithmeticViolations(doc as ReportDocument)).toEqual([]);
    expect(generateReport(township, 2023, createRng(9), { intent: "missing" })).toBeNull();
    expect(generateReport(township, 2023, createRng(9), { intent: "clean" })).toEqual(doc);
  });
});
