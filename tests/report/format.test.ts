import { describe, expect, it } from "vitest";
import { parseCount } from "../../worker/report/format";

describe("parseCount", () => {
  it.each([
    ["1,234", 1234],
    ["3,985,758", 3985758],
    ["１２３", 123],
    ["１，２３４", 1234],
    ["  7 ", 7],
    ["\u30000\u3000", 0],
    ["12.0", 12],
  ])("reads %j as %d", (input, value) => {
    expect(parseCount(input)).toEqual({ ok: true, value });
  });

  it("reads a blank as null, not zero", () => {
    expect(parseCount("")).toEqual({ ok: true, value: null });
    expect(parseCount("   ")).toEqual({ ok: true, value: null });
  });

  it.each([
    ["-3", "negative"],
    ["－3", "negative"],
    ["2.5", "fractional"],
    ["1,23", "not_a_number"],
    ["12a", "not_a_number"],
    ["约400", "not_a_number"],
    ["99999999999999999", "too_large"],
  ])("rejects %j as %s", (input, reason) => {
    expect(parseCount(input)).toEqual({ ok: false, reason });
  });
});
