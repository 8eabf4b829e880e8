import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { ReportDocument } from "../../../worker/report/document";
import {
  figureDef,
  isFigureKey,
  writeFigure,
  type FigureKey,
} from "../../../worker/report/figures";
import { parseFigure } from "../../../worker/report/format";
import { checkReport, type CheckContext, type Finding } from "../../../worker/report/rules";
import { useI18n } from "../../i18n";
import { CellActionsContext, type CellActions } from "./cell-input";
import { cellMarks } from "./finding-cells";
import { FindingsPanel } from "./findings-panel";
import { planPaste } from "./grid-navigation";
import { MetricsFields } from "./metrics-fields";
import { NarrativeFields, type TextKey } from "./narrative-fields";
import { Section2Table } from "./section2-table";
import { Section3Grid } from "./section3-grid";
import { Section4Table } from "./section4-table";
import { TotalsButton } from "./totals-button";
import "../../styles/review-comments.css";

export interface ReportFormProps {
  document: ReportDocument;
  onChange: (next: ReportDocument) => void;
  /** Last year's report and the agency, for the soft checks. */
  context?: CheckContext;
  readOnly?: boolean;
  /** Cells to point out besides the findings' (a reviewer's comments, a diff). */
  highlight?: FigureKey[];
  /** A reviewer's open comments, shown on their cells. */
  comments?: readonly { path: string; text: string }[];
}

/** The findings of the document, re-checked whenever it (or the context) changes. */
export function useFindings(document: ReportDocument, context?: CheckContext): Finding[] {
  return useMemo(() => checkReport(document, context), [document, context]);
}

export interface PasteResult {
  document: ReportDocument;
  filled: number;
  ignored: number;
  /** Figures whose pasted value could not be read; left as they were. */
  invalid: FigureKey[];
}

/** Fills a pasted block into the document, from the cell `start` rightwards and down. */
function pasteInto(doc: ReportDocument, start: HTMLInputElement, text: string): PasteResult {
  const plan = planPaste(start, text);
  const result: PasteResult = { document: doc, filled: 0, ignored: plan.ignored, invalid: [] };
  for (const { figure, text: value } of plan.targets) {
    if (!isFigureKey(figure)) continue;
    const parsed = parseFigure(value, figureDef(figure));
    if (!parsed.ok) {
      result.invalid.push(figure);
      continue;
    }
    result.document = writeFigure(result.document, figure, parsed.value);
    result.filled += 1;
  }
  return result;
}

type Status =
  | { kind: "paste"; filled: number; ignored: number; invalid: FigureKey[] }
  | { kind: "totals"; filled: number; replaced: number };

function useStatusText(status: Status | null): string {
  const { t, locale } = useI18n();
  if (!status) return "";
  if (status.kind === "totals") {
    if (status.filled + status.replaced === 0) return t("rfTotalsNone");
    const done = [];
    if (status.filled > 0) done.push(t("rfTotalsFilled", { count: status.filled }));
    if (status.replaced > 0) done.push(t("rfTotalsReplaced", { count: status.replaced }));
    return done.join(locale === "zh" ? "；" : "; ");
  }
  const parts = [t("rfPasteDone", { count: status.filled })];
  if (status.ignored > 0) parts.push(t("rfPasteIgnored", { count: status.ignored }));
  if (status.invalid.length > 0) {
    const cells = status.invalid.map((key) =>
      locale === "zh" ? figureDef(key).label : figureDef(key).labelEn,
    );
    parts.push(
      t("rfPasteInvalid", {
        count: cells.length,
        cells: cells.join(locale === "zh" ? "、" : "; "),
      }),
    );
  }
  return parts.join(locale === "zh" ? "；" : "; ");
}

/**
 * The agency's entry form: the narrative, tables 二 三 四 as printed and the registered metrics,
 * re-checked on every change, with the findings beside the tables.
 */
export function ReportForm({
  document,
  onChange,
  context,
  readOnly,
  highlight,
  comments,
}: ReportFormProps) {
  const { locale } = useI18n();
  const findings = useFindings(document, context);
  const marks = useMemo(
    () => cellMarks(findings, document, locale, highlight, comments),
    [findings, document, locale, highlight, comments],
  );
  const [status, setStatus] = useState<Status | null>(null);
  const statusText = useStatusText(status);
  const root = useRef<HTMLDivElement>(null);

  // Edits build on the newest document even before the parent has rendered it.
  const latest = useRef({ document, onChange });
  useLayoutEffect(() => {
    latest.current = { document, onChange };
  }, [document, onChange]);
  const update = useCallback((next: ReportDocument) => {
    if (next === latest.current.document) return;
    latest.current.document = next;
    latest.current.onChange(next);
  }, []);

  const actions = useMemo<CellActions>(
    () => ({
      commit: (figure, value) => update(writeFigure(latest.current.document, figure, value)),
      paste: (start, text) => {
        const { document: next, ...report } = pasteInto(latest.current.document, start, text);
        update(next);
        setStatus({ kind: "paste", ...report });
      },
    }),
    [update],
  );
  const onText = useCallback(
    (key: TextKey, text: string) => {
      const doc = latest.current.document;
      update({ ...doc, text: { ...doc.text, [key]: text } });
    },
    [update],
  );
  const onTotals = useCallback(
    (filled: number, replaced: number) => setStatus({ kind: "totals", filled, replaced }),
    [],
  );

  const tableProps = { document, marks, readOnly };
  return (
    <CellActionsContext.Provider value={readOnly ? null : actions}>
      <div className="report-form" ref={root}>
        <div className="report-form-main">
          {!readOnly && (
            <div className="report-form-actions">
              <TotalsButton document={document} onChange={update} onDone={onTotals} />
            </div>
          )}
          <p role="status" className="report-form-status">
            {statusText}
          </p>
          <NarrativeFields
            document={document}
            sections={["overview"]}
            readOnly={readOnly}
            onChange={onText}
          />
          <Section2Table {...tableProps} />
          <Section3Grid {...tableProps} />
          <Section4Table {...tableProps} />
          <NarrativeFields
            document={document}
            sections={["problems", "other"]}
            readOnly={readOnly}
            onChange={onText}
          />
          <MetricsFields {...tableProps} />
        </div>
        <FindingsPanel findings={findings} report={document} scope={root} />
      </div>
    </CellActionsContext.Provider>
  );
}
