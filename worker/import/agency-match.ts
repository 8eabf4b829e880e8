/**
 * Whether the agency a report's text names is the agency whose report is being edited, as
 * Chinese agencies name themselves in titles and sentences: with or without 人民, the general
 * office as 办公厅 or 办公室 (or 政府办), the common short forms of departments (市科委, 发改委),
 * and with or without the names of the regions above (江苏省淮安市人民政府 is 淮安市人民政府).
 */

import { expandShortForm } from "./agency-name";

const QUOTES_AND_SPACE = /[\s“”"'《》〈〉<>「」『』·]/g;

/** One spelling per variant, so that two spellings of one agency compare equal. */
function canonical(name: string): string {
  let out = name.normalize("NFKC").replace(QUOTES_AND_SPACE, "");
  out = expandShortForm(out) ?? out;
  return out
    .replace(/(?:人民)?政府(?:办公厅|办公室|办)$/, "政府办")
    .replace(/人民政府/g, "政府")
    .replace(/(?:办公厅|办公室)$/, "办");
}

/** The shortest tail that still names a place and a body (吉江市政府), not a bare 政府. */
const MIN_TAIL = 4;

/**
 * True when `a` and `b` name the same agency; one may carry the names of the regions above it
 * (江苏省淮安市…), but a government is never its own general office (淮安市人民政府 is not
 * 淮安市人民政府办公室: each reports for itself).
 *
 * @example
 * sameAgency("淮安市政府办", "淮安市人民政府办公室"); // true
 */
export function sameAgency(a: string, b: string): boolean {
  const x = canonical(a);
  const y = canonical(b);
  if (x === "" || y === "") return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length < MIN_TAIL || !long.endsWith(short)) return false;
  // What the longer name adds in front must be the regions above: it ends like a region's name.
  return /(?:省|自治区|市|州|盟|地区|县|区|旗)$/.test(long.slice(0, long.length - short.length));
}
