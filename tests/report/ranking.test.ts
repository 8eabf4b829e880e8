import { describe, expect, it } from "vitest";
import { INDICATORS } from "../../worker/report/indicators";
import { peerGroups, rankable, rankOrder } from "../../worker/report/ranking";

const row = (agency_id: number, value: number | null, extra: Record<string, unknown> = {}) => ({
  agency_id,
  year: 2022,
  scope: "self",
  level: "county",
  kind: "department",
  value,
  ...extra,
});

describe("rankable", () => {
  it("ranks a plain figure highest first within each year, ties sharing a rank", () => {
    const result = rankable([row(1, 5), row(2, 9), row(3, 5), { ...row(4, 1), year: 2023 }]);
    expect(result).toMatchObject({
      kind: "ranked",
      order: { direction: "higher_first", better: null },
    });
    expect(result.ranking.map((r) => [r.agency_id, r.rank, r.reason])).toEqual([
      [1, 2, "ok"],
      [2, 1, "ok"],
      [3, 2, "ok"],
      [4, 1, "ok"],
    ]);
  });

  it("ranks a lower-better rate lowest first: ties, blanks and small counts keep their rules", () => {
    const result = rankable(
      [
        row(1, 0.3, { denominator: 10 }),
        row(2, 0.1, { denominator: 50 }),
        row(3, 0.3, { denominator: 20 }),
        row(4, null, { denominator: 3 }),
        row(5, null, { denominator: null }),
        row(6, 0.5, { denominator: 8 }),
      ],
      { metricDefinitionKey: "denial_rate" },
    );
    expect(result).toMatchObject({
      kind: "ranked",
      order: { direction: "lower_first", better: "lower" },
    });
    expect(result.ranking.map((r) => [r.agency_id, r.rank, r.reason])).toEqual([
      [1, 2, "ok"],
      [2, 1, "ok"],
      [3, 2, "ok"],
      [4, null, "below_min_count"],
      [5, null, "no_data"],
      [6, 4, "ok"],
    ]);
  });

  it("gives rank 1 to the best end of every indicator: the highest 公开率, the lowest of the rest", () => {
    const directions = Object.fromEntries(
      INDICATORS.map((i) => [i.key, rankOrder(i.key).direction]),
    );
    expect(directions).toEqual({
      disclosure_rate: "higher_first",
      denial_rate: "lower_first",
      unable_rate: "lower_first",
      carry_forward_rate: "lower_first",
      reconsideration_correction_rate: "lower_first",
      litigation_correction_rate: "lower_first",
    });
    for (const indicator of INDICATORS) {
      const { ranking } = rankable(
        [row(1, 0.2, { denominator: 10 }), row(2, 0.6, { denominator: 10 })],
        { metricDefinitionKey: indicator.key },
      );
      const best = ranking.find((r) => r.rank === 1)!.value;
      expect(best, indicator.key).toBe(indicator.better === "higher" ? 0.6 : 0.2);
    }
  });

  it("refuses to rank a rate over whole-region reports with single agencies, naming the scopes", () => {
    const result = rankable(
      [row(1, 0.5, { denominator: 10 }), row(2, 0.9, { scope: "region", denominator: 10 })],
      { metricDefinitionKey: "disclosure_rate" },
    );
    expect(result).toMatchObject({ kind: "mixed_scope", scopes: ["region", "self"] });
    expect(result.ranking.every((r) => r.rank === null && r.reason === "mixed_scope")).toBe(true);
  });

  it("ranks a rate across levels and kinds of one scope", () => {
    const result = rankable(
      [
        row(1, 0.5, { denominator: 10 }),
        row(2, 0.9, { level: "province", kind: "government", denominator: 10 }),
      ],
      { metricDefinitionKey: "disclosure_rate" },
    );
    expect(result.ranking.map((r) => r.rank)).toEqual([2, 1]);
  });

  it("refuses to rank a raw count over agencies that are not peers, naming the groups", () => {
    const result = rankable([
      row(1, 5),
      row(2, 9, { level: "city" }),
      row(3, 7),
      row(4, 8, { kind: "government" }),
      row(5, 1, { scope: "region" }),
    ]);
    expect(result).toMatchObject({
      kind: "mixed_peers",
      peers: [
        { level: "county", kind: "department", scope: "self", reports: 2 },
        { level: "city", kind: "department", scope: "self", reports: 1 },
        { level: "county", kind: "department", scope: "region", reports: 1 },
        { level: "county", kind: "government", scope: "self", reports: 1 },
      ],
    });
    expect(result.ranking.every((r) => r.rank === null && r.reason === "mixed_peers")).toBe(true);
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

describe("peerGroups", () => {
  it("counts the reports of each level, kind and scope, most first, ties in code order", () => {
    expect(
      peerGroups([
        { level: "township", kind: "government", scope: "self" },
        { level: "city", kind: "department", scope: "self" },
        { level: "township", kind: "government", scope: "self" },
      ]),
    ).toEqual([
      { level: "township", kind: "government", scope: "self", reports: 2 },
      { level: "city", kind: "department", scope: "self", reports: 1 },
    ]);
  });
});
