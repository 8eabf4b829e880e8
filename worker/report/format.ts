/** Reading a count typed into a form or copied from a published table. */

export type ParseCountFailure = "not_a_number" | "negative" | "fractional" | "too_large";

export type ParseCountResult =
  { ok: true; value: number | null } | { ok: false; reason: ParseCountFailure };

const FULL_WIDTH_ZERO = 0xff10;

/** Full-width digits and comma (１２３，４５６) as typed with a Chinese input method. */
function toHalfWidth(input: string): string {
  return input
    .replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - FULL_WIDTH_ZERO))
    .replace(/，/g, ",")
    .replace(/．/g, ".")
    .replace(/－/g, "-");
}

/**
 * `"1,234"` → 1234, `"１２３"` → 123, `"  7 "` → 7, `""` → null (blank, not zero).
 *
 * @example parseCount("3,985,758") // { ok: true, value: 3985758 }
 */
export function parseCount(input: string): ParseCountResult {
  const text = toHalfWidth(input).trim();
  if (text === "") return { ok: true, value: null };
  if (/^-\s*\d/.test(text)) return { ok: false, reason: "negative" };
  if (/^(\d{1,3}(,\d{3})+|\d+)\.\d*[1-9]\d*$/.test(text))
    return { ok: false, reason: "fractional" };
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.0*)?$/.exec(text);
  if (!match?.[1]) return { ok: false, reason: "not_a_number" };
  const value = Number(match[1].replace(/,/g, ""));
  if (!Number.isSafeInteger(value)) return { ok: false, reason: "too_large" };
  return { ok: true, value };
}
