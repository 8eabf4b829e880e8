import { describe, expect, it } from "vitest";
import { linearScale, niceTicks, tickStep } from "../../worker/embed/scale";

describe("linearScale", () => {
  it("maps the domain onto the range, inverted ranges included", () => {
    const y = linearScale([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(25)).toBe(150);
    expect(y(100)).toBe(0);
  });

  it("maps a zero-width domain to the range start", () => {
    expect(linearScale([5, 5], [10, 20])(5)).toBe(10);
  });
});

describe("niceTicks", () => {
  it("steps by 1, 2 or 5 × 10ⁿ and covers the data", () => {
    expect(niceTicks(0, 5_820_000, 4)).toEqual([0, 2_000_000, 4_000_000, 6_000_000]);
    expect(niceTicks(0, 97, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 7.3, 4)).toEqual([0, 2, 4, 6, 8]);
  });

  it("gives clean decimals, without float noise", () => {
    expect(niceTicks(0, 0.7, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(0.1, 0.35, 5)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
  });

  it("keeps whole steps for counts", () => {
    expect(niceTicks(0, 3, 5, 1)).toEqual([0, 1, 2, 3]);
    expect(tickStep(0, 3, 5, 1)).toBe(1);
  });

  it("starts a single positive value at zero and gives an empty domain a unit", () => {
    expect(niceTicks(40, 40, 4)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(0, 0, 4)).toEqual([0, 0.5, 1]);
  });

  it("steps by the 1–2–5 sequence only", () => {
    for (const max of [1, 3, 7, 13, 47, 99, 1234, 56_789, 3_985_758]) {
      const ticks = niceTicks(0, max, 5);
      const step = ticks[1]! - ticks[0]!;
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 5]).toContain(Math.round(mantissa * 1e9) / 1e9);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
    }
  });
});
