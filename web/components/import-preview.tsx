import { useId, useMemo } from "react";
import type { DocumentChange } from "../../worker/report/diff";
import { figureDef } from "../../worker/report/figures";
import { useI18n } from "../i18n";
import { changeLabel, formatNumber, noteText, valueText } from "../lib/change-text";
import type { Provenance } from "../../worker/import/parse-report";
import { parsedValues, type IdentityMismatch, type ParsedReport } from "../lib/report-import";
import { FindingsList } from "./findings-list";
import "../styles/import-preview.css";

interface Props {
  parsed: ParsedReport;
  /** The report being edited: its agency's name (null if unknown) and year. */
  editing: { agency: string | null; year: number };
  /** How the text's report differs from the one being edited; null when it is the same. */
  mismatch: IdentityMismatch | null;
  /** The draft's cells the import changes; null when the draft is still empty. */
  changes: DocumentChange[] | null;
  /** Set once the user has agreed to import another agency's or year's report anyway. */
  confirmed: boolean;
  onConfirmed: (confirmed: boolean) => void;
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
 * agency and year (and whether they are the report's being edited), the draft's cells that
 * would change, every value beside the line it was read from, the parser's warnings and the
 * rule findings on the imported figures.
 */
export function ImportPreview({
  parsed,
  editing,
  mismatch,
  changes,
  confirmed,
  onConfirmed,
}: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const values = useMemo(() => parsedValues(parsed), [parsed]);
  const found =
    parsed.agency !== null
      ? t("importReportOf", { agency: parsed.agency, year: parsed.year ?? editing.year })
      : t("importReportOfYear", { year: parsed.year ?? editing.year });
  const editingReport = editing.agency
    ? `${editing.agency} ${t("rfReportOfYear", { year: editing.year })}`
    : t("rfReportOfYear", { year: editing.year });

  return (
    <div className="import-preview">
      <section aria-labelledby={`${id}-detected`}>
        <h3 id={`${id}-detected`}>{t("importDetected")}</h3>
        <dl className="import-detected">
          <dt>{t("agency")}</dt>
          <dd className={mismatch?.agency ? "import-differs" : undefined}>
            {parsed.agency ?? <span className="muted">{t("importNotFound")}</span>}{" "}
            <Source source={parsed.provenance.agency} />
          </dd>
          <dt>{t("year")}</dt>
          <dd className={mismatch?.year ? "import-differs" : undefined}>
            {parsed.year ?? <span className="muted">{t("importNotFound")}</span>}{" "}
            <Source source={parsed.provenance.year} />
          </dd>
          <dt>{t("template")}</dt>
          <dd>{t("pubTemplate", { template: parsed.document.template })}</dd>
        </dl>
        {mismatch && (
          <div role="alert" className="notice import-mismatch">
            <p>
              <strong>{t("importMismatch", { found, editing: editingReport })}</strong>
            </p>
            <p>{t("importMismatchHint", { editing: editingReport })}</p>
            <label>
              <input
                type="checkbox"
                checked={confirmed}
                onChange={(event) => onConfirmed(event.target.checked)}
              />{" "}
              {t("importMismatchConfirm", { editing: editingReport })}
            </label>
          </div>
        )}
        {parsed.year === null && (
          <p className="notice">{t("importYearUnknown", { year: editing.year })}</p>
        )}
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
                      <td className="import-value">
                        {valueText(change.path, change.before, locale, t)}
                      </td>
                      <td className="import-value">
                        {valueText(change.path, change.after, locale, t)}
                      </td>
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
                {values.map(({ key, value, source, note }) => {
                  const def = figureDef(key);
                  const noted = note ? noteText(note, locale, t) : "";
                  return (
                    <tr key={key} data-figure-key={key}>
                      <th scope="row">{locale === "en" ? def.labelEn : def.label}</th>
                      <td className={value === null ? "import-number muted" : "import-number"}>
                        {value === null ? t("rfBlank") : formatNumber(value, locale)}
                        {noted && <span className="import-note">{noted}</span>}
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
