import { describe, expect, it } from "vitest";
import {
  demoProvinceOptions,
  generateAgencies,
  type SyntheticAgency,
} from "../../worker/demo/synthetic-agencies";
import { generateReports, type GeneratedReport } from "../../worker/demo/synthetic-reports";
import type { Cell, ReportDocument } from "../../worker/report/document";

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
const agencies = generateAgencies(demoProvinceOptions(1));
const reports = generateReports(agencies, YEARS, 1);
const byAgencyYear = new Map(reports.map((r) => [`${r.agencyKey}@${r.year}`, r]));
const CLEAN = { missing: 0, breaksRules: 0, blankCells: 0 };

function n(cell: Cell | undefined): number {
  return cell ?? 0;
}

/**
 * Every figure a whole-region report sums, by name: each cell of table 三 and 四 and the counts of
 * table 二 (not 规章, which are the government's own, nor the metrics of its own portal).
 */
function summedFigures(doc: ReportDocument): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, cells] of Object.entries(doc.section3?.rows ?? {})) {
    cells.forEach((cell, c) => out.set(`三.${key}.${c}`, n(cell)));
  }
  for (const [group, cells] of Object.entries(doc.section4 ?? {})) {
    cells.forEach((cell, c) => out.set(`四.${group}.${c}`, n(cell)));
  }
  if (doc.template === "2021" && doc.section2) {
    const s = doc.section2;
    out.set("二.normative.made", n(s.normative_documents.made));
    out.set("二.normative.repealed", n(s.normative_documents.repealed));
    out.set("二.normative.valid", n(s.normative_documents.valid));
    out.set("二.licensing", n(s.licensing_decisions));
    out.set("二.punishment", n(s.punishment_decisions));
    out.set("二.coercion", n(s.coercion_decisions));
    out.set("二.fees", Math.round(n(s.fees_wan_yuan) * 10_000));
  } else if (doc.template === "2019" && doc.section2) {
    const section2 = doc.section2;
    for (const kind of ["licensing", "punishment", "coercion"] as const) {
      out.set(`二.${kind}.prev`, n(section2[kind].prev_year_items));
      out.set(`二.${kind}.change`, n(section2[kind].change));
      out.set(`二.${kind}.decisions`, n(section2[kind].decisions));
    }
    out.set("二.procurement.projects", n(section2.centralized_procurement.projects));
  }
  return out;
}

/** The agencies a government's whole-region report sums directly: its children. */
function partsOf(government: SyntheticAgency, among: readonly SyntheticAgency[]) {
  return among.filter((a) => a.parentKey === government.key);
}

function sumOf(docs: readonly ReportDocument[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const doc of docs) {
    for (const [key, value] of summedFigures(doc)) out.set(key, (out.get(key) ?? 0) + value);
  }
  return out;
}

function reportOf(list: readonly GeneratedReport[], key: string, year: number) {
  return list.find((r) => r.agencyKey === key && r.year === year);
}

describe("whole-region reports of the demo", () => {
  it("hold, figure by figure, at least the sum of the reports of their parts that exist", () => {
    let compared = 0;
    let withMissingPart = 0;
    for (const government of agencies.filter((a) => a.scope === "region")) {
      const parts = partsOf(government, agencies);
      if (parts.length === 0) continue;
      for (const year of YEARS) {
        const region = byAgencyYear.get(`${government.key}@${year}`);
        if (!region || region.intent === "breaks-rules") continue;
        // A part broken on purpose prints figures it did not mean; the region summed its intent.
        const printed = parts.map((p) => byAgencyYear.get(`${p.key}@${year}`));
        if (printed.some((r) => r === undefined)) withMissingPart++;
        const sums = sumOf(
          printed
            .filter((r) => r !== undefined && r.intent !== "breaks-rules")
            .map((r) => r!.document),
        );
        const figures = summedFigures(region.document);
        for (const [key, sum] of sums) {
          if (key.endsWith(".change")) continue; // signed: a region's matters may shrink
          expect(figures.get(key), `${government.name} ${year} ${key}`).toBeGreaterThanOrEqual(sum);
        }
        expect(figures.get("三.new_received.6")).toBeGreaterThanOrEqual(
          sums.get("三.new_received.6") ?? 0,
        );
        compared++;
      }
    }
    // 1 province, 4 cities and 20 counties over six years, less the missing and broken.
    expect(compared).toBeGreaterThan(120);
    expect(withMissingPart).toBeGreaterThan(10);
  });

  it("make a county's report its own part plus the intended figures of its parts, missing, broken or blank", () => {
    const county = agencies.find((a) => a.kind === "government" && a.level === "county")!;
    const subtree = agencies.filter(
      (a) => a.key === county.key || a.key.startsWith(`${county.key}/`),
    );
    const rates = { missing: 0.25, breaksRules: 0.25, blankCells: 0.25 };
    const drawn = generateReports(subtree, YEARS, 7, rates);
    const intended = (agency: SyntheticAgency, year: number) =>
      reportOf(generateReports([agency], YEARS, 7, CLEAN), agency.key, year)!.document;
    const parts = partsOf(county, subtree);
    expect(new Set(drawn.map((r) => r.intent))).toEqual(
      new Set(["clean", "breaks-rules", "blank-cells"]),
    );
    expect(drawn.length).toBeLessThan(subtree.length * YEARS.length);

    let checked = 0;
    for (const year of YEARS) {
      const region = reportOf(drawn, county.key, year);
      if (!region || region.intent === "breaks-rules") continue;
      const own = intended(county, year);
      const expected = sumOf([own, ...parts.map((p) => intended(p, year))]);
      expect(summedFigures(region.document), `${year}`).toEqual(expected);
      // 规章 and the portal's metrics are the government's own.
      expect(region.document.section2?.regulations).toEqual(own.section2?.regulations);
      expect(region.document.metrics).toEqual(own.metrics);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  it("make a township's report, which has no parts, its own", () => {
    const township = agencies.find((a) => a.level === "township")!;
    expect(township.scope).toBe("region");
    expect(generateReports([township], YEARS, 1)).toEqual(
      reports.filter((r) => r.agencyKey === township.key),
    );
  });

  it("chain whole-region carry-over from year to year, as their parts do", () => {
    let chained = 0;
    for (const government of agencies.filter(
      (a) => a.scope === "region" && a.level !== "township",
    )) {
      for (const year of YEARS.slice(1)) {
        const now = byAgencyYear.get(`${government.key}@${year}`);
        const before = byAgencyYear.get(`${government.key}@${year - 1}`);
        if (!now || !before || now.intent === "breaks-rules" || before.intent === "breaks-rules")
          continue;
        expect(
          (now.document.section3?.rows.carried_over ?? []).map(n),
          `${government.name} ${year}`,
        ).toEqual((before.document.section3?.rows.carried_forward ?? []).map(n));
        chained++;
      }
    }
    expect(chained).toBeGreaterThan(80);
  });
});
