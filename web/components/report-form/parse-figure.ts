/** Reading what was typed or pasted into one cell of the form. */

import type { FigureDef } from "../../../worker/report/figures";
import { parseCount, type ParseCountFailure } from "../../../worker/report/format";
import type { MessageKey } from "../../i18n";

export type ParseFailure = ParseCountFailure | "too_many_decimals";
export type ParseResult = { ok: true; value: number | null } | { ok: false; reason: ParseFailure };

export const FAILURE_MESSAGES: Record<ParseFailure, MessageKey> = {
  not_a_number: "rfInvalidNotANumber",
  negative: "rfInvalidNegative",
  fractional: "rfInvalidFractional",
  too_large: "rfInvalidTooLarge",
  too_many_decimals: "rfInvalidTooManyDecimals",
};

function halfWidth(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/，/g, ",")
    .replace(/．/g, ".")
    .replace(/[－−]/g, "-")
    .replace(/＋/g, "+")
    .trim();
}

function parseAmount(text: string): ParseResult {
  if (text.startsWith("-")) return { ok: false, reason: "negative" };
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/.exec(text);
  if (!match?.[1]) return { ok: false, reason: "not_a_number" };
  if ((match[2] ?? "").replace(/0+$/, "").length > 4) {
    return { ok: false, reason: "too_many_decimals" };
  }
  const value = Number(`${match[1].replace(/,/g, "")}.${match[2] || "0"}`);
  if (value > Number.MAX_SAFE_INTEGER) return { ok: false, reason: "too_large" };
  return { ok: true, value };
}

/**
 * A typed or pasted value for one figure: counts through `parseCount` (`1,234`, `１２３`, blank →
 * null); 本年增/减 may carry a sign; amounts (万元, 元) take up to four decimals.
 */
export function parseFigure(text: string, def: Pick<FigureDef, "kind" | "signed">): ParseResult {
  if (def.kind === "count" && !def.signed) return parseCount(text);
  const plain = halfWidth(text);
  if (plain === "") return { ok: true, value: null };
  if (def.kind === "amount") return parseAmount(plain);
  const sign = /^([+-])\s*/.exec(plain);
  const count = parseCount(sign ? plain.slice(sign[0].length) : plain);
  if (!count.ok || count.value === null)
    return count.ok ? { ok: false, reason: "not_a_number" } : count;
  return { ok: true, value: sign?.[1] === "-" && count.value !== 0 ? -count.value : count.value };
}
