import { useI18n } from "../i18n";

export interface FindingView {
  rule: string;
  severity: "error" | "warning";
  message: string;
  message_en: string;
}

export function FindingsList({ findings }: { findings: FindingView[] }) {
  const { t, locale } = useI18n();
  if (findings.length === 0) return <p className="findings-none">✓ {t("noFindings")}</p>;
  return (
    <ul className="findings" aria-label={t("findings")}>
      {findings.map((finding, i) => (
        <li key={i} className={`finding finding-${finding.severity}`}>
          <span className="finding-rule">{finding.rule}</span>
          <span>{locale === "zh" ? finding.message : finding.message_en}</span>
        </li>
      ))}
    </ul>
  );
}
