import type { InferResponseType } from "hono/client";
import { api, query, unwrap, type Api, type Json } from "../api";
import type { ChartSize } from "../components/completeness-chart";
import { AgencyFacts } from "../components/agency-facts";
import { Link } from "../components/link";
import { RequestView } from "../components/request-view";
import { TrendChart } from "../components/trend-chart";
import { useI18n, type MessageKey } from "../i18n";
import { formatDateTime } from "../lib/format";
import { reportPath } from "../lib/router";
import { TREND_FIGURES, TREND_SERIES, trendRows, yearsUpTo } from "../lib/trend";
import { defaultYear } from "../lib/use-dashboard-filters";
import { useRequest } from "../lib/use-request";
import "../styles/compact-table.css";

type AgencyRoute = Api["agencies"][":id"];
type Agency = InferResponseType<AgencyRoute["$get"], 200>;
type ReportRow = InferResponseType<AgencyRoute["reports"]["$get"], 200>["items"][number];
type CompareAnswer = Json<InferResponseType<Api["compare"]["$get"], 200>>;

interface Profile {
  agency: Agency;
  reports: ReportRow[];
  compare: CompareAnswer;
}

/** `/dashboard/agency/:id`: one agency, its reports by year and its key figures over time. */
export function AgencyProfilePage({
  agencyId,
  chartSize,
}: {
  agencyId: number;
  chartSize?: ChartSize;
}) {
  const { t } = useI18n();
  const latest = defaultYear(new Date());
  const profile = useRequest(
    () =>
      Promise.all([
        api.agencies[":id"].$get({ param: { id: String(agencyId) } }).then(unwrap),
        api.agencies[":id"].reports.$get({ param: { id: String(agencyId) } }).then(unwrap),
        api.compare
          .$get({
            query: query({
              figure: TREND_FIGURES.join(","),
              years: `2019-${latest}`,
              under: agencyId,
              basis: "published",
            }),
          })
          .then(unwrap),
      ]).then(([agency, reports, compare]): Profile => ({
        agency,
        reports: reports.items,
        compare,
      })),
    [agencyId, latest],
  );

  return (
    <main className="page dashboard agency-profile">
      <p>
        <Link to="/dashboard">{t("dbBackToDashboard")}</Link>
      </p>
      <RequestView state={profile.state} retry={profile.retry}>
        {(data) => <ProfileView data={data} latest={latest} chartSize={chartSize} />}
      </RequestView>
    </main>
  );
}

function ProfileView({
  data,
  latest,
  chartSize,
}: {
  data: Profile;
  latest: number;
  chartSize?: ChartSize;
}) {
  const { t } = useI18n();
  const { agency, reports, compare } = data;
  const own = new Map(
    compare.items.filter((i) => i.agency_id === agency.id).map((i) => [i.year, i.values]),
  );
  const latestReported = Math.max(latest, ...reports.map((r) => r.year), ...own.keys());
  const rows = trendRows(yearsUpTo(latestReported), TREND_FIGURES, (y) => own.get(y));
  const sorted = [...reports].sort((a, b) => b.year - a.year);

  return (
    <>
      <h2>{agency.name}</h2>
      <AgencyFacts agency={agency} />
      {agency.kind === "government" && (
        <p>
          <Link to={`/dashboard/trends?under=${agency.id}`}>{t("apTrendsLink")}</Link>
        </p>
      )}

      <section aria-labelledby="ap-reports">
        <h3 id="ap-reports">{t("apReports")}</h3>
        {sorted.length === 0 ? (
          <p className="empty">{t("apNoReports")}</p>
        ) : (
          <ReportsTable agencyId={agency.id} reports={sorted} />
        )}
      </section>

      <section aria-labelledby="ap-trend">
        <h3 id="ap-trend">{t("apTrend")}</h3>
        <p className="muted template-note">{t("trTemplateNote")}</p>
        <TrendChart rows={rows} series={TREND_SERIES} caption={t("apTrend")} size={chartSize} />
      </section>
    </>
  );
}

function ReportsTable({ agencyId, reports }: { agencyId: number; reports: ReportRow[] }) {
  const { t, locale } = useI18n();
  return (
    <table className="data-table">
      <caption>{t("apReports")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("apYear")}</th>
          <th scope="col">{t("apStatus")}</th>
          <th scope="col">{t("late")}</th>
          <th scope="col">{t("apErrors")}</th>
          <th scope="col">{t("apWarnings")}</th>
          <th scope="col">{t("apSubmittedAt")}</th>
          <th scope="col">{t("apLinks")}</th>
        </tr>
      </thead>
      <tbody>
        {reports.map((r) => (
          <tr key={r.year}>
            <th scope="row">{r.year}</th>
            <td className="cell-words">{t(`status_${r.status}` as MessageKey)}</td>
            <td>{r.late ? t("late") : "—"}</td>
            <td>{r.error_count}</td>
            <td>{r.warning_count}</td>
            <td>{formatDateTime(r.submitted_at, locale)}</td>
            <td>
              <Link to={reportPath(agencyId, r.year)}>{t("apOpenReport", { year: r.year })}</Link>
              {" · "}
              <Link to={`${reportPath(agencyId, r.year)}/history`}>
                {t("apHistory", { year: r.year })}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
