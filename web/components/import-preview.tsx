import { useId, useMemo } from "react";
import type { DocumentChange } from "../../worker/report/diff";
import { figureDef } from "../../worker/report/figures";
import { METRICS } from "../../worker/report/metrics";
import { useI18n, type Locale, type MessageKey, type MessageVars } from "../i18n";
import { pathLabel } from "../lib/finding-targets";
import type { Provenance } from "../../worker/import/parse-report";
import { parsedValues, type ParsedReport } from "../lib/report-import";
import { FindingsList } from "./findings-list";

type Translate = (key: MessageKey, vars?: MessageVars) => string;

interface Props {
  parsed: ParsedReport;
  /** The year of the report being edited. */
  year: number;
  /** The draft's cells the import changes; null when the draft is still empty. */
  changes: DocumentChange[] | null;
  /** Set when the text's year differs from `year` and the user has agreed to import it anyway. */
  yearConfirmed: boolean;
  onYearConfirmed: (confirmed: boolean) => void;
}

const FIELD_LABELS: Record<string, MessageKey> = {
  template: "template",
  year: "reportYear",
  agency: "agencyName",
  explanations: "conflictExplanations",
};

function changeLabel(path: string, locale: Locale, t: Translate): string {
  const field = FIELD_LABELS[path];
  if (field) return t(field);
  const metric = METRICS.find((m) => `metric_notes.${m.key}` === path);
  if (metric)
    return t("conflictMetricNote", { metric: locale === "en" ? metric.labelEn : metric.label });
  return pathLabel(path, locale);
}

function formatNumber(value: number, locale: Locale): string {
  return value.toLocaleString(locale === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 4 });
}

function valueText(value: unknown, locale: Locale, t: Translate): string {
  if (value === undefined) return t("rfAbsent");
  if (value === null || value === "") return t("rfBlank");
  if (typeof value === "number") return formatNumber(value, locale);
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map((item) => valueText(item, locale, t)).join("\n");
  if (typeof value === "object") {
    return Object.entries(value)
      .map(([key, item]) => `${key}: ${valueText(item, locale, t)}`)
      .join("; ");
  }
  return typeof value === "boolean" ? String(value) : "";
}

function Source({ source }: { source: Provenance | undefined | null }) {
  const { t } = useI18n();
  if (!source) return <span className="muted">—</span>;
  return (
    <>
      <span className="import-line-number">{t("importLine", { line: source.line })}</span>
      <code className="import-line-text">
        {source.text.includes("\t")
          ? // Table cells, read from a PDF, are tab-separated; shown apart rather than at tab stops.
            source.text.split("\t").map((cell, i) => <span key={i}>{cell}</span>)
          : source.text}
      </code>
    </>
  );
}

/**
 * What the parse of a published report found, for the user to check before importing: the
 * agency and year, the draft's cells that would change, every value beside the line it was read
 * from, the parser's warnings and the rule findings on the imported figures.
 */
export function ImportPreview({ parsed, year, changes, yearConfirmed, onYearConfirmed }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const values = useMemo(() => parsedValues(parsed), [parsed]);
  const yearDiffers = parsed.year !== null && parsed.year !== year;

  return (
    <div className="import-preview">
      <section aria-labelledby={`${id}-detected`}>
        <h3 id={`${id}-detected`}>{t("importDetected")}</h3>
        <dl className="import-detected">
          <dt>{t("agency")}</dt>
          <dd>
            {parsed.agency ?? <span className="muted">{t("importNotFound")}</span>}{" "}
            <Source source={parsed.provenance.agency} />
          </dd>
          <dt>{t("year")}</dt>
          <dd>
            {parsed.year ?? <span className="muted">{t("importNotFound")}</span>}{" "}
            <Source source={parsed.provenance.year} />
          </dd>
          <dt>{t("template")}</dt>
          <dd>{parsed.document.template}</dd>
        </dl>
        {yearDiffers && (
          <div role="alert" className="notice import-year-mismatch">
            <p>{t("importYearMismatch", { found: parsed.year ?? "", year })}</p>
            <label>
              <input
                type="checkbox"
                checked={yearConfirmed}
                onChange={(event) => onYearConfirmed(event.target.checked)}
              />{" "}
              {t("importYearConfirm", { year })}
            </label>
          </div>
        )}
        {parsed.year === null && <p className="notice">{t("importYearUnknown", { year })}</p>}
      </section>

      {changes && (
        <section aria-labelledby={`${id}-changes`}>
          <h3 id={`${id}-changes`}>{t("importChanges", { count: changes.length })}</h3>
          <p className="hint">{t("importKeepHint")}</p>
          {changes.length === 0 ? (
            <p className="muted">{t("importNoChanges")}</p>
          ) : (
            <div className="import-table-wrap">
              <table className="import-table import-changes">
                <thead>
                  <tr>
                    <th scope="col">{t("figure")}</th>
                    <th scope="col">{t("importCurrent")}</th>
                    <th scope="col">{t("importIncoming")}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((change) => (
                    <tr key={change.path} data-path={change.path}>
                      <th scope="row">{changeLabel(change.path, locale, t)}</th>
                      <td className="import-value">{valueText(change.before, locale, t)}</td>
                      <td className="import-value">{valueText(change.after, locale, t)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      <section aria-labelledby={`${id}-values`}>
        <h3 id={`${id}-values`}>{t("importValues", { count: values.length })}</h3>
        {values.length === 0 ? (
          <p className="muted">{t("importNoValues")}</p>
        ) : (
          <div className="import-table-wrap">
            <table className="import-table import-values">
              <thead>
                <tr>
                  <th scope="col">{t("figure")}</th>
                  <th scope="col">{t("importValue")}</th>
                  <th scope="col">{t("importSource")}</th>
                </tr>
              </thead>
              <tbody>
                {values.map(({ key, value, source }) => {
                  const def = figureDef(key);
                  return (
                    <tr key={key} data-figure-key={key}>
                      <th scope="row">{locale === "en" ? def.labelEn : def.label}</th>
                      <td className={value === null ? "import-number muted" : "import-number"}>
                        {value === null ? t("rfBlank") : formatNumber(value, locale)}
                      </td>
                      <td className="import-source-line">
                        <Source source={source} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {parsed.warnings.length > 0 && (
        <section aria-labelledby={`${id}-warnings`}>
          <h3 id={`${id}-warnings`}>{t("importWarnings", { count: parsed.warnings.length })}</h3>
          <ul className="import-warnings">
            {parsed.warnings.map((warning, i) => (
              <li key={`${warning.code}-${i}`}>
                {locale === "en" ? warning.message_en : warning.message}
                {warning.path && (
                  <span className="muted"> · {changeLabel(warning.path, locale, t)}</span>
                )}
                {warning.line !== undefined && (
                  <span className="muted"> · {t("importLine", { line: warning.line })}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby={`${id}-findings`}>
        <h3 id={`${id}-findings`}>{t("findings")}</h3>
        <FindingsList findings={parsed.findings} />
      </section>
    </div>
  );
}
