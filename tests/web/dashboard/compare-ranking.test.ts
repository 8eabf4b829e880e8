import { describe, expect, it } from "vitest";
import { rankLabelKey, shownFilter } from "../../../web/lib/compare-ranking";

describe("the ranking's direction and the group shown", () => {
  it("heads the rank column with the better end, or the largest first for a raw count", () => {
    expect(rankLabelKey({ direction: "higher_first", better: "higher" })).toBe("cmpRank_higher");
    expect(rankLabelKey({ direction: "lower_first", better: "lower" })).toBe("cmpRank_lower");
    expect(rankLabelKey({ direction: "higher_first", better: null })).toBe("cmpRank_largest");
    expect(rankLabelKey(null)).toBe("cmpRank");
  });

  it("shows the URL's filter, and the server's pick where the URL leaves the group open", () => {
    const picked = {
      level: "county",
      kind: "department",
      scope: "self",
      reason: "mixed_peers" as const,
      scopes: [],
      peers: [],
    };
    expect(shownFilter({ level: null, kind: null, scope: null }, picked)).toEqual({
      level: "county",
      kind: "department",
      scope: "self",
    });
    expect(shownFilter({ level: "city", kind: null, scope: null }, picked)).toEqual({
      level: "city",
      kind: "department",
      scope: "self",
    });
    expect(shownFilter({ level: null, kind: null, scope: "region" }, null)).toEqual({
      level: null,
      kind: null,
      scope: "region",
    });
  });
});
