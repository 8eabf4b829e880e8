import type { CsvTable } from "../http/csv";
import type { ReportDocument } from "../report/document";
import { flattenFigures, listFigures } from "../report/figures";

/** A report in long form: one line per figure, with its printed label and unit. */
export function reportTable(document: ReportDocument): CsvTable {
  const labels = new Map(listFigures(document.template).map((f) => [f.key, f]));
  const rows = [...flattenFigures(document)].map(([figure, value]) => {
    const meta = labels.get(figure);
    return [document.year, figure, meta?.table ?? "", meta?.label ?? "", meta?.unit ?? "", value];
  });
  return { header: ["year", "figure", "table", "label", "unit", "value"], rows };
}
