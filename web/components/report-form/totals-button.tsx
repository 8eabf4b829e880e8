import { useEffect, useId, useRef, useState } from "react";
import type { ReportDocument } from "../../../worker/report/document";
import { figureDef } from "../../../worker/report/figures";
import { useI18n } from "../../i18n";
import { computeTotals, type TotalConflict } from "./compute-totals";

interface Props {
  document: ReportDocument;
  onChange: (next: ReportDocument) => void;
  /** Tells the form what was done, for its status line. */
  onDone: (filled: number, replaced: number) => void;
}

/**
 * The 按明细计算合计 button. Blank totals are filled at once; when typed totals differ from the
 * details, it asks first, listing them: 保留原值 (fill the blanks only) or 全部替换.
 */
export function TotalsButton({ document, onChange, onDone }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const [conflicts, setConflicts] = useState<TotalConflict[] | null>(null);
  const firstChoice = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (conflicts) firstChoice.current?.focus();
  }, [conflicts]);

  function compute() {
    const result = computeTotals(document);
    if (result.conflicts.length > 0) {
      setConflicts(result.conflicts);
      return;
    }
    if (result.filled.length > 0) onChange(result.kept);
    onDone(result.filled.length, 0);
  }

  function choose(replace: boolean) {
    // Recomputed: the document may have been edited while the question was open.
    const result = computeTotals(document);
    const next = replace ? result.replaced : result.kept;
    if (next !== document) onChange(next);
    onDone(result.filled.length, replace ? result.conflicts.length : 0);
    setConflicts(null);
  }

  return (
    <>
      <button type="button" onClick={compute} disabled={conflicts !== null}>
        {t("rfComputeTotals")}
      </button>
      {conflicts && (
        <div
          role="alertdialog"
          aria-labelledby={`${id}-title`}
          className="totals-confirm"
          onKeyDown={(event) => event.key === "Escape" && choose(false)}
        >
          <p id={`${id}-title`}>{t("rfTotalsConflictTitle", { count: conflicts.length })}</p>
          <ul>
            {conflicts.map(({ figure, typed, computed }) => {
              const def = figureDef(figure);
              return (
                <li key={figure}>
                  {t("rfTotalsConflictItem", {
                    cell: locale === "zh" ? def.label : def.labelEn,
                    typed,
                    computed,
                  })}
                </li>
              );
            })}
          </ul>
          <div className="form-actions">
            <button type="button" ref={firstChoice} onClick={() => choose(false)}>
              {t("rfKeepTyped")}
            </button>
            <button type="button" className="primary" onClick={() => choose(true)}>
              {t("rfReplaceAll")}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
