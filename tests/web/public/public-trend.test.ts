import { describe, expect, it } from "vitest";
import { hasValues, publicTrendRows, subjectQuery, yearRange } from "../../../web/lib/public-trend";

describe("publicTrendRows", () => {
  it("reads counts from each series and rates in percent from the indicators, by year", () => {
    const rows = publicTrendRows(
      [2022, 2023],
      ["section3.new_received.total", "indicator.disclosure_rate"],
      [{ figure: "section3.new_received.total", items: [{ year: 2023, value: 95 }] }],
      {
        items: [
          {
            year: 2022,
            indicators: [
              {
                key: "disclosure_rate",
                value: null,
                numerator: 1,
                denominator: 2,
                status: "below_min_count",
              },
            ],
            derived_totals: {},
          },
          {
            year: 2023,
            indicators: [
              { key: "disclosure_rate", value: 0.5, numerator: 5, denominator: 10, status: "ok" },
            ],
            derived_totals: {},
          },
        ],
      },
    );
    expect(rows).toEqual([
      {
        year: 2022,
        values: { "section3.new_received.total": null, "indicator.disclosure_rate": null },
      },
      {
        year: 2023,
        values: { "section3.new_received.total": 95, "indicator.disclosure_rate": 50 },
      },
    ]);
    expect(hasValues(rows)).toBe(true);
    expect(hasValues(rows.slice(0, 1))).toBe(false);
  });

  it("names an agency or a region with its sum, and the years as a range", () => {
    expect(subjectQuery({ agency: 7 })).toEqual({ agency: 7 });
    expect(subjectQuery({ region: "41", scope: "region" })).toEqual({
      region: "41",
      scope: "region",
    });
    expect(yearRange([2019, 2020, 2021])).toBe("2019-2021");
  });
});
