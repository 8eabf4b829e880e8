import { useId } from "react";
import { METRICS } from "../../../worker/report/metrics";
import { useI18n } from "../../i18n";
import { CellInput } from "./cell-input";
import type { ReportTableProps } from "./figure-cell";
import type { CellMark } from "./finding-cells";

interface MetricFieldProps {
  def: (typeof METRICS)[number];
  index: number;
  value: number | null;
  mark?: CellMark;
  readOnly?: boolean;
}

function MetricField({ def, index, value, mark, readOnly }: MetricFieldProps) {
  const { t, locale } = useI18n();
  const id = useId();
  const label = t("rfMetricLabel", {
    label: locale === "zh" ? def.label : def.labelEn,
    unit: locale === "zh" ? def.unit : def.unitEn,
  });
  return (
    <div className="field metric-field">
      <label htmlFor={id}>{label}</label>
      <CellInput
        id={id}
        figure={`metrics.${def.key}` as const}
        value={value}
        label={label}
        row={index}
        col={0}
        severity={mark?.severity}
        note={mark?.note}
        highlighted={mark?.highlighted}
        comment={mark?.comment}
        readOnly={readOnly}
        describedBy={`${id}-definition`}
      />
      <small id={`${id}-definition`} className="hint">
        {locale === "zh" ? def.definition : def.definitionEn}
      </small>
    </div>
  );
}

/**
 * The registered metrics (figures printed in the narrative), each with its unit and, as help
 * text, its definition: only like is compared with like.
 */
export function MetricsFields({ document, marks, readOnly, print }: ReportTableProps) {
  const { t, locale } = useI18n();
  const metrics = document.metrics ?? {};
  if (print) {
    return (
      <dl className="metrics-print">
        {METRICS.map((def) => (
          <div key={def.key}>
            <dt>
              {t("rfMetricLabel", {
                label: locale === "zh" ? def.label : def.labelEn,
                unit: locale === "zh" ? def.unit : def.unitEn,
              })}
            </dt>
            <dd>{metrics[def.key] ?? ""}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return (
    <fieldset className="metrics-fields" data-grid="metrics">
      <legend>{t("rfMetricsTitle")}</legend>
      {METRICS.map((def, index) => (
        <MetricField
          key={def.key}
          def={def}
          index={index}
          value={metrics[def.key] ?? null}
          mark={marks?.get(`metrics.${def.key}`)}
          readOnly={readOnly}
        />
      ))}
    </fieldset>
  );
}
