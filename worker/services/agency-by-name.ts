/**
 * The agency a report's printed name means. Exact names first; otherwise the agencies sharing the
 * name's distinctive tail are compared with `sameAgency` (简称, 办公厅/办公室, 人民政府/政府, the
 * regions above), and a name that fits several agencies is reported, never guessed.
 */

import type { Database } from "../db/client";
import { agenciesNameContaining, findAgencyByName } from "../db/queries/agencies";
import type { AgencyRow } from "../db/queries/agencies";
import { sameAgency } from "../import/agency-match";
import { expandShortForm, shortFormsOf } from "../import/agency-name";

export type AgencyMatch =
  | { kind: "found"; agency: AgencyRow; exact: boolean }
  | { kind: "ambiguous"; candidates: AgencyRow[] }
  | { kind: "none" };

const VARIANT_ENDING =
  /(?:人民政府办公厅|人民政府办公室|政府办公厅|政府办公室|政府办|人民政府|政府|办公厅|办公室)$/;
const TAIL = 4;

/**
 * What any spelling of the name contains, one fragment per form (full and short): the end of the
 * name once the office/government variants are taken off.
 */
function distinctiveTails(name: string): string[] {
  const full = expandShortForm(name) ?? name;
  return [...new Set([full, ...shortFormsOf(full)])].map((spelling) => {
    const core = spelling.replace(VARIANT_ENDING, "");
    return (core === "" ? spelling : core).slice(-TAIL);
  });
}

export async function findAgencyByPrintedName(db: Database, name: string): Promise<AgencyMatch> {
  const printed = name.trim();
  if (printed === "") return { kind: "none" };
  const exact = await findAgencyByName(db, printed);
  if (exact) return { kind: "found", agency: exact, exact: true };
  const found = new Map<number, AgencyRow>();
  for (const tail of distinctiveTails(printed)) {
    for (const agency of await agenciesNameContaining(db, tail)) {
      if (sameAgency(agency.name, printed)) found.set(agency.id, agency);
    }
  }
  const candidates = [...found.values()];
  if (candidates.length === 1) return { kind: "found", agency: candidates[0]!, exact: false };
  if (candidates.length > 1) return { kind: "ambiguous", candidates };
  return { kind: "none" };
}
