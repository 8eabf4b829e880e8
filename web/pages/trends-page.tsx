import type { InferResponseType } from "hono/client";
import { api, query, unwrap, type Api, type Json } from "../api";
import type { ChartSize } from "../components/completeness-chart";
import { DashboardFilters } from "../components/dashboard-filters";
import { Field } from "../components/field";
import { Link } from "../components/link";
import { RequestView } from "../components/request-view";
import { TrendChart } from "../components/trend-chart";
import { useI18n } from "../i18n";
import { figureLabel } from "../lib/figure-label";
import { regionTrendRows, seriesOf, TREND_SERIES, yearsUpTo } from "../lib/trend";
import { filterSearch, useDashboardFilters } from "../lib/use-dashboard-filters";
import { useRequest } from "../lib/use-request";

type Rollup = Json<InferResponseType<Api["rollup"]["$get"], 200>>;

/**
 * `/dashboard/trends?year=&under=&figure=`: a region's published sum of one figure, year by year
 * up to the year chosen, each year with how many of the region's agencies had published.
 */
export function TrendsPage({ chartSize }: { chartSize?: ChartSize }) {
  const { t, locale } = useI18n();
  const filters = useDashboardFilters();
  const { params, setParams, year, under } = filters;
  const series = seriesOf(params.get("figure"));
  const years = yearsUpTo(year);
  const answer = useRequest(
    () =>
      under === null
        ? new Promise<Rollup[]>(() => undefined)
        : Promise.all(
            years.map((y) =>
              api.rollup
                .$get({ query: query({ year: y, under, scope: "self", basis: "published" }) })
                .then(unwrap),
            ),
          ),
    [under, year],
  );

  return (
    <main className="page dashboard trends-page">
      <p>
        <Link to={`/dashboard${filterSearch(year, under, "published")}`}>
          {t("dbBackToDashboard")}
        </Link>
      </p>
      <h2>{t("trTitle")}</h2>
      <DashboardFilters filters={filters} withBasis={false} />
      <div className="dashboard-filters">
        <Field label={t("trFigure")}>
          {(props) => (
            <select
              {...props}
              value={series.key}
              onChange={(e) => setParams({ figure: e.target.value })}
            >
              {TREND_SERIES.map((s) => (
                <option key={s.key} value={s.key}>
                  {figureLabel(s.key, locale)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {under === null ? (
        <p className="muted">{t("dbChooseRegion")}</p>
      ) : (
        <RequestView state={answer.state} retry={answer.retry}>
          {(rollups) => (
            <section aria-labelledby="tr-chart">
              <h3 id="tr-chart">{figureLabel(series.key, locale)}</h3>
              <p className="muted template-note">{t("trTemplateNote")}</p>
              <TrendChart
                rows={regionTrendRows(
                  years,
                  [series.key],
                  rollups,
                  filters.season?.open_year ?? null,
                )}
                series={[series]}
                caption={figureLabel(series.key, locale)}
                size={chartSize}
              />
            </section>
          )}
        </RequestView>
      )}
    </main>
  );
}
