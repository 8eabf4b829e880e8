import { describe, expect, it } from "vitest";
import { rankable } from "../../worker/report/ranking";

const row = (agency_id: number, value: number | null, extra: Record<string, unknown> = {}) => ({
  agency_id,
  year: 2022,
  scope: "self",
  value,
  ...extra,
});

describe("rankable", () => {
  it("ranks highest first within each year, ties sharing a rank", () => {
    const result = rankable([row(1, 5), row(2, 9), row(3, 5), { ...row(4, 1), year: 2023 }]);
    expect(result.kind).toBe("ranked");
    expect(result.ranking.map((r) => [r.agency_id, r.rank, r.reason])).toEqual([
      [1, 2, "ok"],
      [2, 1, "ok"],
      [3, 2, "ok"],
      [4, 1, "ok"],
    ]);
  });

  it("refuses to rank whole-region reports with single agencies, naming the scopes", () => {
    const result = rankable([row(1, 5), row(2, 9, { scope: "region" })]);
    expect(result).toMatchObject({ kind: "mixed_scope", scopes: ["region", "self"] });
    expect(result.ranking.every((r) => r.rank === null && r.reason === "mixed_scope")).toBe(true);
  });

  it("shows the count instead of a rank below the indicator's minimum count", () => {
    const result = rankable(
      [
        row(1, 0.5, { denominator: 100 }),
        row(2, null, { denominator: 4 }),
        row(3, 0.9, { denominator: 10 }),
      ],
      { metricDefinitionKey: "disclosure_rate" },
    );
    expect(result.ranking.map((r) => [r.agency_id, r.rank, r.reason, r.denominator])).toEqual([
      [1, 2, "ok", 100],
      [2, null, "below_min_count", 4],
      [3, 1, "ok", 10],
    ]);
  });

  it("leaves blank values unranked", () => {
    expect(rankable([row(1, null)]).ranking[0]).toMatchObject({ rank: null, reason: "no_data" });
  });
});
