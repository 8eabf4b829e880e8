import type { ChartSize } from "../components/completeness-chart";
import { AgencyFacts } from "../components/agency-facts";
import { Link } from "../components/link";
import { PublicTrend } from "../components/public-trend";
import { RequestView } from "../components/request-view";
import { useI18n } from "../i18n";
import { api, unwrap } from "../api";
import type { PublicAgencyDetail } from "../lib/public-api";
import {
  EMBED_BUILDER_PATH,
  publicAgencyPath,
  publicRegionPath,
  publicReportPath,
} from "../lib/router";
import { yearsUpTo } from "../lib/trend";
import { defaultYear } from "../lib/use-dashboard-filters";
import { useRequest } from "../lib/use-request";

interface Props {
  agencyId: number;
  chartSize?: ChartSize;
}

/** `/public/agency/:id`: an agency's facts, its published reports and its key figures over time. */
export function PublicAgencyPage({ agencyId, chartSize }: Props) {
  const { t } = useI18n();
  const detail = useRequest(
    () => api.public.agencies[":id"].$get({ param: { id: String(agencyId) } }).then(unwrap),
    [agencyId],
  );
  return (
    <main className="page public-page">
      <p className="breadcrumbs">
        <Link to="/public">{t("pubBack")}</Link>
      </p>
      <RequestView state={detail.state} retry={detail.retry}>
        {(data) => <AgencyView data={data} chartSize={chartSize} />}
      </RequestView>
    </main>
  );
}

function AgencyView({ data, chartSize }: { data: PublicAgencyDetail; chartSize?: ChartSize }) {
  const { t } = useI18n();
  const { agency } = data;
  const reports = [...data.reports].sort((a, b) => b.year - a.year);
  const latest = Math.max(defaultYear(new Date()), ...reports.map((r) => r.year));

  return (
    <>
      <h2>{agency.name}</h2>
      <AgencyFacts agency={agency}>
        <div>
          <dt>{t("regionCode")}</dt>
          <dd>
            <Link to={publicRegionPath(agency.region_code)}>{agency.region_code}</Link>
          </dd>
        </div>
        {agency.parent && (
          <div>
            <dt>{t("dbParent")}</dt>
            <dd>
              <Link to={publicAgencyPath(agency.parent.id)}>{agency.parent.name}</Link>
            </dd>
          </div>
        )}
      </AgencyFacts>

      <section aria-labelledby="pa-reports">
        <h3 id="pa-reports">{t("pubReports")}</h3>
        {reports.length === 0 ? (
          <p className="empty">{t("pubNoReports")}</p>
        ) : (
          <ul className="year-links">
            {reports.map((r) => (
              <li key={r.year}>
                <Link to={publicReportPath(agency.id, r.year)}>
                  {t("pubReportOfYear", { year: r.year })}
                </Link>{" "}
                <small className="muted">{t("pubTemplate", { template: r.template })}</small>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="pa-trend">
        <h3 id="pa-trend">{t("apTrend")}</h3>
        <PublicTrend
          subject={{ agency: agency.id }}
          years={yearsUpTo(latest)}
          caption={t("pubTrendOf", { name: agency.name })}
          chartSize={chartSize}
        />
      </section>

      <p>
        <Link to={`${EMBED_BUILDER_PATH}?agency=${agency.id}`}>{t("pubEmbedLink")}</Link>
      </p>
    </>
  );
}
