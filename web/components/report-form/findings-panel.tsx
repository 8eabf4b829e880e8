import { useId, type RefObject } from "react";
import type { ReportDocument } from "../../../worker/report/document";
import { figureDef, type FigureKey } from "../../../worker/report/figures";
import type { Finding, Severity } from "../../../worker/report/rules";
import { useI18n, type MessageKey } from "../../i18n";
import { findingFigures } from "./finding-cells";
import { focusFigure } from "./focus-figure";

interface Props {
  findings: readonly Finding[];
  report: ReportDocument;
  /** Where to look for the cells; the whole page by default. */
  scope?: RefObject<HTMLElement | null>;
}

const GROUPS: { severity: Severity; title: MessageKey }[] = [
  { severity: "error", title: "rfErrorsCount" },
  { severity: "warning", title: "rfWarningsCount" },
];

/**
 * Every finding in the reader's language, errors first, each with a button that takes the
 * focus to the cell it is about (a row rule to the row's 总计, a column rule of table 三 to the
 * column's 三(七), a blank-cell warning to the first blank cell).
 */
export function FindingsPanel({ findings, report, scope }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  return (
    <aside className="findings-panel" aria-labelledby={id}>
      <h3 id={id}>{t("findings")}</h3>
      {findings.length === 0 && <p className="findings-none">✓ {t("noFindings")}</p>}
      {GROUPS.map(({ severity, title }) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <section key={severity}>
            <h4>{t(title, { count: group.length })}</h4>
            <ul className="findings">
              {group.map((finding, i) => {
                const target: FigureKey | undefined = findingFigures(finding, report)[0];
                const message = locale === "zh" ? finding.message : finding.message_en;
                return (
                  <li key={`${finding.rule}-${i}`} className={`finding finding-${severity}`}>
                    <span className="finding-message">{message}</span>
                    {target && (
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t("rfGoToCellLabel", {
                          cell:
                            locale === "zh" ? figureDef(target).label : figureDef(target).labelEn,
                        })}
                        onClick={() => focusFigure(target, scope?.current)}
                      >
                        {t("rfGoToCell")}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}
