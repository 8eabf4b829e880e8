import type { RuleExplanation } from "../../worker/report/rule-explanation";
import { useI18n } from "../i18n";

export interface FindingView {
  rule: string;
  severity: "error" | "warning";
  table?: string | null;
  row?: string | null;
  column?: string | null;
  message: string;
  message_en: string;
}

interface Props {
  findings: FindingView[];
  /** What the agency said of its findings when it submitted: shown under each one it explains. */
  explanations?: RuleExplanation[];
}

/** The explanation of a finding: one aimed at its cell, else one for its whole rule. */
function explanationOf(finding: FindingView, explanations: RuleExplanation[]) {
  const ofRule = explanations.filter((e) => e.rule === finding.rule);
  const same = (a: string | null | undefined, b: string | null | undefined) =>
    (a ?? null) === (b ?? null);
  return (
    ofRule.find(
      (e) =>
        same(e.table, finding.table) && same(e.row, finding.row) && same(e.column, finding.column),
    ) ?? ofRule.find((e) => !e.row && !e.column)
  );
}

export function FindingsList({ findings, explanations = [] }: Props) {
  const { t, locale } = useI18n();
  if (findings.length === 0) return <p className="findings-none">✓ {t("noFindings")}</p>;
  return (
    <ul className="findings" aria-label={t("findings")}>
      {findings.map((finding, i) => {
        const explanation = explanationOf(finding, explanations);
        return (
          <li key={i} className={`finding finding-${finding.severity}`}>
            <span className="finding-rule">{t(`severity_${finding.severity}`)}</span>
            <span>
              {locale === "zh" ? finding.message : finding.message_en}
              {explanation && (
                <span className="finding-explanation-text">
                  {t("explainedAs")}
                  {explanation.text}
                </span>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
