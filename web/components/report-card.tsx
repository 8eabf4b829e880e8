import { api, unwrap } from "../api";
import { useI18n, type MessageKey } from "../i18n";
import { reportParam } from "../lib/api-types";
import { formatCount } from "../lib/format";
import { reportPath } from "../lib/router";
import { useRequest } from "../lib/use-request";
import { FindingsList } from "./findings-list";
import { Link } from "./link";

interface Props {
  agencyId: number;
  year: number;
}

export function ReportCard({ agencyId, year }: Props) {
  const { t, locale } = useI18n();
  const { state, retry } = useRequest(
    () =>
      api.agencies[":id"].reports[":year"]
        .$get({ param: reportParam(agencyId, year), query: {} })
        .then(unwrap),
    [agencyId, year],
  );
  if (state.kind === "loading") return <article className="report-card">{t("loading")}</article>;
  if (state.kind === "error")
    return (
      <article className="report-card" role="alert">
        {t("loadFailed")}: {state.message} <button onClick={retry}>{t("retry")}</button>
      </article>
    );
  const { report, document, findings } = state.data;
  const rows = document.section3?.rows ?? {};
  const figures: [MessageKey, number | null | undefined][] = [
    ["newReceived", rows.new_received?.[6]],
    ["totalProcessed", rows.total_processed?.[6]],
    ["reconsideration", document.section4?.reconsideration?.[4]],
    ["websiteVisits", document.metrics?.website_visits],
  ];
  const exportLink = (format: "json" | "csv") =>
    api.agencies[":id"].reports[":year"].export.$path({
      param: reportParam(agencyId, year),
      query: { format },
    });
  return (
    <article className="report-card" aria-labelledby={`report-${year}`}>
      <header>
        <h3 id={`report-${year}`}>{year}</h3>
        <span className={`status status-${report.status}`}>
          {t(`status_${report.status}` as MessageKey)}
        </span>
        <span className="muted">
          {t("revision")} {report.revision} · {t("template")} {report.template}
        </span>
        <span className="counts">
          {(report.error_count ?? 0) > 0 && (
            <span className="count-error">
              {report.error_count} {t("errors")}
            </span>
          )}
          {(report.warning_count ?? 0) > 0 && (
            <span className="count-warning">
              {report.warning_count} {t("warnings")}
            </span>
          )}
        </span>
      </header>
      <dl className="key-figures" aria-label={t("keyFigures")}>
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{t(label)}</dt>
            <dd>{formatCount(value, locale)}</dd>
          </div>
        ))}
      </dl>
      <FindingsList findings={findings} />
      <nav className="exports">
        <Link to={reportPath(agencyId, year)}>{t("reportDetails")}</Link>
        <a href={exportLink("json")}>{t("exportJson")}</a>
        <a href={exportLink("csv")}>{t("exportCsv")}</a>
      </nav>
    </article>
  );
}
