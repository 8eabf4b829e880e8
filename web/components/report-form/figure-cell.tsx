import type { ReportDocument } from "../../../worker/report/document";
import type { FigureKey } from "../../../worker/report/figures";
import type { Labelled } from "../../../worker/report/templates";
import type { Locale } from "../../i18n";
import { CellInput, display } from "./cell-input";
import type { CellMarks } from "./finding-cells";

export interface FigureCellProps {
  figure: FigureKey;
  value: number | null;
  label: string;
  row: number;
  col: number;
  marks?: CellMarks;
  readOnly?: boolean;
  /** Print the value as text (blank as empty) instead of an input. */
  print?: boolean;
  colSpan?: number;
}

/** A table cell holding one figure: an input in the form, the printed value in the print view. */
export function FigureCell({ figure, value, marks, print, colSpan, ...rest }: FigureCellProps) {
  if (print) {
    return (
      <td className="figure-cell" colSpan={colSpan}>
        {display(value)}
      </td>
    );
  }
  const mark = marks?.get(figure);
  return (
    <td className="figure-cell" colSpan={colSpan}>
      <CellInput
        figure={figure}
        value={value}
        severity={mark?.severity}
        note={mark?.note}
        highlighted={mark?.highlighted}
        comment={mark?.comment}
        {...rest}
      />
    </td>
  );
}

/** What every table of the form takes. */
export interface ReportTableProps {
  document: ReportDocument;
  marks?: CellMarks;
  readOnly?: boolean;
  /** Values as text, for the print page. */
  print?: boolean;
}

/** A model label in the reader's language: the official Chinese, or the model's English. */
export function labelIn(labelled: Labelled, locale: Locale): string {
  return locale === "zh" ? labelled.label : labelled.labelEn;
}
