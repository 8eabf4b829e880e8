import { describe, expect, it } from "vitest";
import { pickFor, rankLabelKey, refusalOf } from "../../../web/lib/compare-ranking";

describe("the ranking's direction and refusals", () => {
  it("heads the rank column with the better end, or the largest first for a raw count", () => {
    expect(rankLabelKey({ direction: "higher_first", better: "higher" })).toBe("cmpRank_higher");
    expect(rankLabelKey({ direction: "lower_first", better: "lower" })).toBe("cmpRank_lower");
    expect(rankLabelKey({ direction: "higher_first", better: null })).toBe("cmpRank_largest");
    expect(rankLabelKey(null)).toBe("cmpRank");
  });

  it("answers a refusal over mixed peers with the group that has the most reports", () => {
    const refusal = refusalOf("mixed_peers", {
      peers: [
        { level: "county", kind: "department", scope: "self", reports: 40 },
        { level: "city", kind: "department", scope: "self", reports: 9 },
      ],
    });
    expect(refusal?.kind).toBe("peers");
    expect(pickFor(refusal!)).toEqual({ level: "county", kind: "department", scope: "self" });
  });

  it("answers a refusal over mixed scopes with single agencies' reports", () => {
    expect(pickFor(refusalOf("mixed_scope", { scopes: ["region", "self"] })!)).toEqual({
      scope: "self",
    });
  });

  it("treats any other error, or a refusal without its groups, as an error", () => {
    expect(refusalOf("validation_failed", {})).toBeNull();
    expect(refusalOf("mixed_peers", {})).toBeNull();
    expect(refusalOf("mixed_scope", { scopes: [] })).toBeNull();
  });
});
