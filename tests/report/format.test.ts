import { describe, expect, it } from "vitest";
import {
  decimalValue,
  isAmount,
  isCount,
  parseAmount,
  parseCount,
  parseFigure,
  roundAmount,
  toHalfWidth,
} from "../../worker/report/format";

describe("toHalfWidth", () => {
  it("folds full-width digits, comma, point and signs, and the minus sign", () => {
    expect(toHalfWidth("１２３，４５６．７")).toBe("123,456.7");
    expect(toHalfWidth("－５ −５ ＋５")).toBe("-5 -5 +5");
  });

  it("leaves other look-alikes alone, so a form never reads ① or ² as a digit", () => {
    expect(toHalfWidth("①²")).toBe("①²");
  });
});

describe("parseCount", () => {
  it.each([
    ["1,234", 1234],
    ["3,985,758", 3985758],
    ["１２３", 123],
    ["１，２３４", 1234],
    ["  7 ", 7],
    ["\u30000\u3000", 0],
    ["12.0", 12],
    ["１２．００", 12],
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
    ["−3", "negative"],
    ["2.5", "fractional"],
    ["1,23", "not_a_number"],
    ["12a", "not_a_number"],
    ["+3", "not_a_number"],
    ["约400", "not_a_number"],
    ["99999999999999999", "too_large"],
  ])("rejects %j as %s", (input, reason) => {
    expect(parseCount(input)).toEqual({ ok: false, reason });
  });
});

describe("parseAmount", () => {
  it.each([
    ["１２，３４５．６７", 12345.67],
    ["0.1234", 0.1234],
    ["0.12340000", 0.1234],
    ["1,234", 1234],
    ["5.", 5],
    [" 3 ", 3],
  ])("reads %j as %d", (input, value) => {
    expect(parseAmount(input)).toEqual({ ok: true, value });
  });

  it("reads a blank as null", () => {
    expect(parseAmount("　")).toEqual({ ok: true, value: null });
  });

  it.each([
    ["-1", "negative"],
    ["−0.5", "negative"],
    ["0.12345", "too_many_decimals"],
    [".5", "not_a_number"],
    ["12万", "not_a_number"],
    ["9".repeat(400), "too_large"],
  ])("rejects %j as %s", (input, reason) => {
    expect(parseAmount(input)).toEqual({ ok: false, reason });
  });
});

describe("parseFigure", () => {
  const count = { kind: "count", signed: false } as const;
  const change = { kind: "count", signed: true } as const;
  const amount = { kind: "amount", signed: false } as const;

  it("reads counts through parseCount and amounts with decimals", () => {
    expect(parseFigure("3,985,758", count)).toEqual({ ok: true, value: 3985758 });
    expect(parseFigure("", count)).toEqual({ ok: true, value: null });
    expect(parseFigure("１２，３４５．６７", amount)).toEqual({ ok: true, value: 12345.67 });
    expect(parseFigure("-1", amount)).toEqual({ ok: false, reason: "negative" });
  });

  it("lets 本年增/减 carry a sign, full-width or not", () => {
    expect(parseFigure("+4", change)).toEqual({ ok: true, value: 4 });
    expect(parseFigure("－５", change)).toEqual({ ok: true, value: -5 });
    expect(parseFigure("- 3", change)).toEqual({ ok: true, value: -3 });
    expect(parseFigure("-0", change)).toEqual({ ok: true, value: 0 });
    expect(parseFigure(" ", change)).toEqual({ ok: true, value: null });
    expect(parseFigure("-", change)).toEqual({ ok: false, reason: "not_a_number" });
    expect(parseFigure("+2.5", change)).toEqual({ ok: false, reason: "fractional" });
  });
});

describe("the importer's primitives", () => {
  it("reads whole digits with or without thousands commas, and decimals", () => {
    expect(decimalValue("3,985,758")).toBe(3985758);
    expect(decimalValue("12", "05")).toBe(12.05);
  });

  it("takes a count as a whole number from 0 to 2^53 − 1", () => {
    expect([0, 7, Number.MAX_SAFE_INTEGER].every(isCount)).toBe(true);
    expect([-1, 2.5, Number.MAX_SAFE_INTEGER + 1].some(isCount)).toBe(false);
  });

  it("takes an amount as a finite number from 0 to 2^53 − 1, kept to four decimals", () => {
    expect([0, 0.5, Number.MAX_SAFE_INTEGER].every(isAmount)).toBe(true);
    expect([-0.5, Infinity, Number.MAX_SAFE_INTEGER + 2].some(isAmount)).toBe(false);
    expect(roundAmount(0.123456)).toBe(0.1235);
    expect(roundAmount(12.34)).toBe(12.34);
  });
});
