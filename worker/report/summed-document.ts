/**
 * A region's summed tables as one canonical document, and the rules a sum can break. The region
 * report prints the sums in the official layout and holds them to the same rules as a single
 * report (R1–R5): a sum of reports that each add up adds up too, so a broken rule in the sum
 * comes from reports that break it themselves.
 */

import type { ReportDocument2021 } from "./document";
import { isFigureKey, writeFigure } from "./figures";
import { otherProcessingTotal, type Cells } from "./other-processing";
import { checkReport, type Finding, type RuleId } from "./rules";
import { SPLIT_OTHER_ROW_KEYS } from "./templates";

/** What a region's sums hold, as the region report answers them. */
export interface RegionSums {
  year: number;
  /** Table 二 (2021 template) by flat figure key ("section2.regulations.made"). */
  section2: Record<string, number | null>;
  section3: { rows: Record<string, Cells> };
  section4: Record<string, Cells>;
}

/**
 * The sums as a 2021 document, as printed and checked. When reports of both layouts of （六）
 * were summed, the document carries their total as the single （六） row (a document holds one
 * layout), so that neither layout's outcomes drop out of 三(一)–三(六).
 */
export function summedDocument(sums: RegionSums, agency: string): ReportDocument2021 {
  const rows = { ...sums.section3.rows };
  const split = SPLIT_OTHER_ROW_KEYS.some((key) => rows[key] !== undefined);
  if (split && rows.other_processing !== undefined) {
    rows.other_processing = otherProcessingTotal(rows);
    for (const key of SPLIT_OTHER_ROW_KEYS) delete rows[key];
  }
  let doc: ReportDocument2021 = {
    template: "2021",
    year: sums.year,
    agency,
    section3: { rows },
    section4: sums.section4 as ReportDocument2021["section4"],
  };
  for (const [key, value] of Object.entries(sums.section2)) {
    if (isFigureKey(key)) doc = writeFigure(doc, key, value);
  }
  return doc;
}

/**
 * Rules that say nothing about a sum: blanks of a sum are cells no report gave, a sum has no
 * previous year's document, no narrative and no single agency, and its stocks in force are not
 * summed.
 */
const NOT_FOR_SUMS: ReadonlySet<RuleId> = new Set([
  "S-blank",
  "S-missing-rows",
  "S-carry-over",
  "S-valid-continuity",
  "S-regulations-scope",
  "S-narrative",
  "S-made-le-valid",
]);

/** The findings of the summed tables, by the rules that apply to a sum. */
export function checkSums(sums: RegionSums): Finding[] {
  return checkReport(summedDocument(sums, "")).filter((f) => !NOT_FOR_SUMS.has(f.rule));
}

/** Where a finding points: the same rule at the same row and column of a report's tables. */
export const findingPlace = (f: {
  rule: string;
  table: string | null;
  row: string | null;
  column: string | null;
}) => [f.rule, f.table ?? "", f.row ?? "", f.column ?? ""].join("|");
