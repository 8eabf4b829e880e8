import { describe, expect, it } from "vitest";
import { regionNameOf, regionReportCoverage } from "../../worker/report/region-title";
import { checkSums, summedDocument, type RegionSums } from "../../worker/report/summed-document";

/** A row of table 三 whose six applicant columns are `cells` and whose 总计 is their sum. */
const row = (...cells: number[]) => [...cells, cells.reduce((a, b) => a + b, 0)];

/**
 * Two reports summed by hand: a 2021-layout one (（六） in three rows, 2 + 1 + 0) and a 2019-layout
 * one (（六） in one row, 3). Every rule holds in each, so it holds in the sum.
 */
function sums(): RegionSums {
  return {
    year: 2024,
    section2: { "section2.regulations.made": 2, "section2.regulations.valid": null },
    section3: {
      rows: {
        new_received: row(10, 0, 0, 0, 0, 0),
        carried_over: row(0, 0, 0, 0, 0, 0),
        granted: row(4, 0, 0, 0, 0, 0),
        other_no_correction: row(2, 0, 0, 0, 0, 0),
        other_no_fee_payment: row(1, 0, 0, 0, 0, 0),
        other_other: row(0, 0, 0, 0, 0, 0),
        other_processing: row(3, 0, 0, 0, 0, 0),
        total_processed: row(10, 0, 0, 0, 0, 0),
        carried_forward: row(0, 0, 0, 0, 0, 0),
      },
    },
    section4: {
      reconsideration: [1, 0, 0, 0, 1],
      litigation_direct: [0, 0, 0, 0, 0],
      litigation_after_reconsideration: [0, 0, 0, 0, 0],
    },
  };
}

describe("the summed document", () => {
  it("carries both layouts of （六） as their total in the single row, so neither drops out of 三(七)", () => {
    const doc = summedDocument(sums(), "示范省");
    expect(doc.section3!.rows.other_processing).toEqual(row(6, 0, 0, 0, 0, 0));
    expect(doc.section3!.rows.other_no_correction).toBeUndefined();
    expect(doc.section2).toMatchObject({ regulations: { made: 2, valid: null } });
    expect(checkSums(sums())).toEqual([]);
  });

  it("keeps the three rows of a sum of 2021-layout reports only", () => {
    const only2021 = sums();
    delete only2021.section3.rows.other_processing;
    only2021.section3.rows.granted = row(7, 0, 0, 0, 0, 0);
    const doc = summedDocument(only2021, "示范省");
    expect(doc.section3!.rows.other_no_correction).toEqual(row(2, 0, 0, 0, 0, 0));
    expect(checkSums(only2021)).toEqual([]);
  });

  it("holds the sum to the hard rules but not to the checks that need one report's context", () => {
    const broken = sums();
    broken.section3.rows.granted = [4, 0, 0, 0, 0, 0, 5];
    // A blank cell no report gave, and a stock in force not summed, say nothing about a sum.
    broken.section3.rows.carried_over = [null, null, null, null, null, null, null];
    const findings = checkSums(broken);
    expect(findings.map((f) => [f.rule, f.row, f.column, f.expected, f.actual])).toEqual([
      ["R1", "granted", "total", 4, 5],
      ["R3", "total_processed", "total", 11, 10],
    ]);
  });
});

describe("the region report's title", () => {
  it("names the region a government stands for", () => {
    expect(regionNameOf("示范省人民政府")).toBe("示范省");
    expect(regionNameOf("示范市东城区人民政府")).toBe("示范市东城区");
    expect(regionNameOf("示范街道办事处")).toBe("示范街道");
    expect(regionNameOf("示范市教育局")).toBe("示范市教育局");
  });

  it("says its coverage in agencies, or for whole-region reports in regions covered", () => {
    const counts = { included: 145, contained: 0, covered_by_parts: 0 };
    expect(regionReportCoverage(counts, 335, "self")).toBe("汇总 145 / 335 个机构已发布的报告");
    expect(
      regionReportCoverage({ included: 3, contained: 20, covered_by_parts: 2 }, 30, "region"),
    ).toBe("汇总 3 份最上一级的全地区报告，覆盖 25 / 30 个地区");
  });
});
