import type { ReportDocument2021 } from "../../worker/report/document";
import { isFigureKey, writeFigure } from "../../worker/report/figures";

/** What the region report sums, as the API gives it. */
export interface RegionSums {
  year: number;
  section2: Record<string, number | null>;
  section3: { rows: Record<string, (number | null)[]> };
  section4: Record<string, (number | null)[]>;
}

/**
 * The region's sums as a canonical 2021 document, so the print view shows them in the official
 * layout. Table 二 arrives as flat figure keys ("section2.regulations.made") and is written back
 * into its nested place.
 */
export function regionDocument(sums: RegionSums, agency: string): ReportDocument2021 {
  let doc: ReportDocument2021 = {
    template: "2021",
    year: sums.year,
    agency,
    section3: { rows: sums.section3.rows },
    section4: sums.section4 as ReportDocument2021["section4"],
  };
  for (const [key, value] of Object.entries(sums.section2)) {
    if (isFigureKey(key)) doc = writeFigure(doc, key, value);
  }
  return doc;
}
