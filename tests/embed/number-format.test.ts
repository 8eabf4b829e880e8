import { describe, expect, it } from "vitest";
import {
  formatAmount,
  formatCount,
  formatExact,
  formatPercent,
  formatValue,
} from "../../worker/embed/number-format";

describe("formatCount", () => {
  it("writes 万 from 100,000 and 亿 from 100,000,000 with at most two decimals", () => {
    expect(formatCount(99_999, "zh")).toBe("99,999");
    expect(formatCount(100_000, "zh")).toBe("10万");
    expect(formatCount(3_985_758, "zh")).toBe("398.58万");
    expect(formatCount(5_820_000, "zh")).toBe("582万");
    expect(formatCount(100_000_000, "zh")).toBe("1亿");
    expect(formatCount(250_000_000, "zh")).toBe("2.5亿");
    expect(formatCount(1_234_567_890, "zh")).toBe("12.35亿");
  });

  it("writes 1亿 rather than 10000万 when 万 would round up to it", () => {
    expect(formatCount(99_999_999, "zh")).toBe("1亿");
  });

  it("uses thousands separators in English", () => {
    expect(formatCount(5_820_000, "en")).toBe("5,820,000");
    expect(formatCount(14_219, "en")).toBe("14,219");
  });

  it("writes a dash for a blank and 0 for zero, never -0", () => {
    expect(formatCount(null, "zh")).toBe("—");
    expect(formatCount(undefined, "en")).toBe("—");
    expect(formatCount(0, "zh")).toBe("0");
    expect(formatCount(-0, "en")).toBe("0");
  });
});

describe("formatPercent", () => {
  it("writes a rate in percent with one decimal at most", () => {
    expect(formatPercent(87.54, "zh")).toBe("87.5%");
    expect(formatPercent(100, "en")).toBe("100%");
    expect(formatPercent(0, "en")).toBe("0%");
    expect(formatPercent(null, "zh")).toBe("—");
  });
});

describe("formatAmount", () => {
  it("writes 万元 amounts with two decimals at most and separators", () => {
    expect(formatAmount(0.13, "zh")).toBe("0.13");
    expect(formatAmount(0.1349, "en")).toBe("0.13");
    expect(formatAmount(12_345.6, "en")).toBe("12,345.6");
    expect(formatAmount(null, "en")).toBe("—");
  });
});

describe("formatValue and formatExact", () => {
  it("format by unit: charts round, tables keep every digit", () => {
    expect(formatValue(5_820_000, "count", "zh")).toBe("582万");
    expect(formatExact(5_820_000, "count", "zh")).toBe("5,820,000");
    expect(formatValue(42.25, "rate", "en")).toBe("42.3%");
    expect(formatExact(0.1349, "amount", "zh")).toBe("0.1349");
    expect(formatExact(null, "count", "en")).toBe("—");
  });
});
