/**
 * Reading a figure typed into a form or copied from a published table: the one grammar of
 * digits, full-width forms, counts and amounts that the form (web/) and the importer share.
 */

import { AMOUNT_DECIMALS } from "./document";
import type { FigureDef } from "./figures";

type ParseCountFailure = "not_a_number" | "negative" | "fractional" | "too_large";
export type ParseFailure = ParseCountFailure | "too_many_decimals";

export type ParseCountResult =
  { ok: true; value: number | null } | { ok: false; reason: ParseCountFailure };
export type ParseResult = { ok: true; value: number | null } | { ok: false; reason: ParseFailure };

/** The whole part of a printed number: digits, grouped by thousands with commas or not. */
export const GROUPED_DIGITS = String.raw`\d{1,3}(?:,\d{3})+|\d+`;

/** `("1,234", "5")` → 1234.5: a number from its whole digits (commas allowed) and decimals. */
export const decimalValue = (whole: string, fraction = ""): number =>
  Number(`${whole.replace(/,/g, "")}${fraction ? `.${fraction}` : ""}`);

/** A count: a whole number from 0 up to 2^53 − 1. */
export const isCount = (value: number): boolean => Number.isSafeInteger(value) && value >= 0;

/** An amount (万元, 元): a finite number from 0 up to 2^53 − 1. */
export const isAmount = (value: number): boolean =>
  Number.isFinite(value) && value >= 0 && value <= Number.MAX_SAFE_INTEGER;

/** An amount at the precision the document keeps (four decimals). */
export const roundAmount = (value: number): number => Number(value.toFixed(AMOUNT_DECIMALS));

const FULL_WIDTH_ZERO = 0xff10;

/**
 * Full-width digits, comma, point and signs (１２３，４５６．７, －, ＋) as typed with a Chinese
 * input method, and the minus sign (−), to their ASCII forms. Nothing else is folded: the form
 * must not read ① or ² as digits.
 */
export function toHalfWidth(input: string): string {
  return input
    .replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - FULL_WIDTH_ZERO))
    .replace(/，/g, ",")
    .replace(/．/g, ".")
    .replace(/[－−]/g, "-")
    .replace(/＋/g, "+");
}

const FRACTIONAL = new RegExp(String.raw`^(${GROUPED_DIGITS})\.\d*[1-9]\d*$`);
const COUNT = new RegExp(String.raw`^(${GROUPED_DIGITS})(?:\.0*)?$`);
const AMOUNT = new RegExp(String.raw`^(${GROUPED_DIGITS})(?:\.(\d*))?$`);

/**
 * `"1,234"` → 1234, `"１２３"` → 123, `"  7 "` → 7, `""` → null (blank, not zero).
 *
 * @example parseCount("3,985,758") // { ok: true, value: 3985758 }
 */
export function parseCount(input: string): ParseCountResult {
  const text = toHalfWidth(input).trim();
  if (text === "") return { ok: true, value: null };
  if (/^-\s*\d/.test(text)) return { ok: false, reason: "negative" };
  if (FRACTIONAL.test(text)) return { ok: false, reason: "fractional" };
  const match = COUNT.exec(text);
  if (!match?.[1]) return { ok: false, reason: "not_a_number" };
  const value = decimalValue(match[1]);
  if (!isCount(value)) return { ok: false, reason: "too_large" };
  return { ok: true, value };
}

/**
 * An amount (万元, 元) with at most four decimals (trailing zeros aside): `"1,234.5"` → 1234.5.
 * More decimals are refused rather than rounded, so what is stored is what was typed.
 *
 * @example parseAmount("０．５") // { ok: true, value: 0.5 }
 */
export function parseAmount(input: string): ParseResult {
  const text = toHalfWidth(input).trim();
  if (text === "") return { ok: true, value: null };
  if (text.startsWith("-")) return { ok: false, reason: "negative" };
  const match = AMOUNT.exec(text);
  if (!match?.[1]) return { ok: false, reason: "not_a_number" };
  if ((match[2] ?? "").replace(/0+$/, "").length > AMOUNT_DECIMALS) {
    return { ok: false, reason: "too_many_decimals" };
  }
  const value = decimalValue(match[1], match[2] || "0");
  if (!isAmount(value)) return { ok: false, reason: "too_large" };
  return { ok: true, value };
}

/**
 * A typed or pasted value for one figure: counts through `parseCount` (`1,234`, `１２３`, blank →
 * null); 本年增/减 may carry a sign; amounts (万元, 元) through `parseAmount`.
 *
 * @example parseFigure("－５", { kind: "count", signed: true }) // { ok: true, value: -5 }
 */
export function parseFigure(text: string, def: Pick<FigureDef, "kind" | "signed">): ParseResult {
  if (def.kind === "count" && !def.signed) return parseCount(text);
  if (def.kind === "amount") return parseAmount(text);
  const plain = toHalfWidth(text).trim();
  if (plain === "") return { ok: true, value: null };
  const sign = /^([+-])\s*/.exec(plain);
  const count = parseCount(sign ? plain.slice(sign[0].length) : plain);
  if (!count.ok || count.value === null)
    return count.ok ? { ok: false, reason: "not_a_number" } : count;
  return { ok: true, value: sign?.[1] === "-" && count.value !== 0 ? -count.value : count.value };
}
