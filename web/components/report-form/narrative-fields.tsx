import { memo, useId } from "react";
import type { ReportDocument } from "../../../worker/report/document";
import { useI18n, type MessageKey } from "../../i18n";

export type TextKey = "overview" | "problems" | "other";

/** Sections 一, 五 and 六 of the report: `text.overview`, `text.problems`, `text.other`. */
const TITLES: Record<TextKey, MessageKey> = {
  overview: "rfSection1Title",
  problems: "rfSection5Title",
  other: "rfSection6Title",
};

interface FieldProps {
  section: TextKey;
  value: string;
  readOnly?: boolean;
  onChange?: (section: TextKey, text: string) => void;
}

const NarrativeField = memo(function NarrativeField({
  section,
  value,
  readOnly,
  onChange,
}: FieldProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field narrative-field">
      <label htmlFor={id}>{t(TITLES[section])}</label>
      <textarea
        id={id}
        rows={6}
        value={value}
        readOnly={readOnly || !onChange}
        data-figure={`text.${section}`}
        onChange={(event) => onChange?.(section, event.target.value)}
      />
    </div>
  );
});

interface Props {
  document: ReportDocument;
  /** Which of the three, in this order; all by default. */
  sections?: readonly TextKey[];
  onChange?: (section: TextKey, text: string) => void;
  readOnly?: boolean;
  /** Headings and paragraphs instead of text areas, for the print page. */
  print?: boolean;
}

/** The narrative sections: 一 总体情况, 五 存在的主要问题及改进情况, 六 其他需要报告的事项. */
export function NarrativeFields({ document, sections, onChange, readOnly, print }: Props) {
  const { t } = useI18n();
  const keys = sections ?? (["overview", "problems", "other"] as const);
  if (print) {
    return keys.map((key) => (
      <section key={key} className="narrative-print">
        <h3>{t(TITLES[key])}</h3>
        <p>{document.text?.[key] ?? ""}</p>
      </section>
    ));
  }
  return keys.map((key) => (
    <NarrativeField
      key={key}
      section={key}
      value={document.text?.[key] ?? ""}
      readOnly={readOnly}
      onChange={onChange}
    />
  ));
}
