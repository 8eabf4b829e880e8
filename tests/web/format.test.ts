import { describe, expect, it } from "vitest";
import { formatCount } from "../../web/lib/format";

describe("formatCount", () => {
  it("writes large counts with 万 and 亿 for Chinese readers", () => {
    expect(formatCount(5_820_000, "zh")).toBe("582万");
    expect(formatCount(3_985_758, "zh")).toBe("398.58万");
    expect(formatCount(250_000_000, "zh")).toBe("2.5亿");
    expect(formatCount(14_219, "zh")).toBe("14,219");
  });

  it("uses thousands separators in English and a dash for blanks", () => {
    expect(formatCount(5_820_000, "en")).toBe("5,820,000");
    expect(formatCount(null, "zh")).toBe("—");
    expect(formatCount(0, "en")).toBe("0");
  });
});
