import type { InferResponseType } from "hono/client";
import { api, query, unwrap, type Api, type Json } from "../api";
import type { ChartSize } from "../components/completeness-chart";
import { Field } from "../components/field";
import { Link } from "../components/link";
import { RequestView } from "../components/request-view";
import { TrendChart } from "../components/trend-chart";
import { useI18n } from "../i18n";
import { figureLabel } from "../lib/figure-label";
import { seriesOf, TREND_SERIES, trendRows, yearsUpTo } from "../lib/trend";
import { defaultYear } from "../lib/use-dashboard-filters";
import { useRequest } from "../lib/use-request";
import { useUrlState } from "../lib/use-url-state";

type Rollup = Json<InferResponseType<Api["rollup"]["$get"], 200>>;

/** A year's rollup as figure values, indicators under `indicator.<key>` as compare answers them. */
function valuesOf(rollup: Rollup): Record<string, unknown> {
  return {
    ...rollup.figures,
    ...Object.fromEntries(rollup.indicators.map((i) => [`indicator.${i.key}`, i])),
  };
}

/** `/dashboard/trends?under=&figure=`: a region's sum of one figure, year by year. */
export function TrendsPage({ chartSize }: { chartSize?: ChartSize }) {
  const { t, locale } = useI18n();
  const [params, setParams] = useUrlState();
  const under = Number(params.get("under")) || null;
  const series = seriesOf(params.get("figure"));
  const years = yearsUpTo(defaultYear(new Date()));
  const answer = useRequest(
    () =>
      under === null
        ? new Promise<Rollup[]>(() => undefined)
        : Promise.all(
            years.map((year) =>
              api.rollup.$get({ query: query({ year, under, scope: "self" }) }).then(unwrap),
            ),
          ),
    [under, years.length],
  );

  return (
    <main className="page dashboard trends-page">
      <p>
        <Link to={under === null ? "/dashboard" : `/dashboard?under=${under}`}>
          {t("dbBackToDashboard")}
        </Link>
      </p>
      <h2>{t("trTitle")}</h2>
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
          {(rollups) => {
            const byYear = new Map(rollups.map((r, i) => [years[i]!, valuesOf(r)]));
            const rows = trendRows(years, [series.key], (y) => byYear.get(y));
            return (
              <section aria-labelledby="tr-chart">
                <h3 id="tr-chart">{figureLabel(series.key, locale)}</h3>
                <p className="muted template-note">{t("trTemplateNote")}</p>
                <TrendChart
                  rows={rows}
                  series={[series]}
                  caption={figureLabel(series.key, locale)}
                  size={chartSize}
                />
              </section>
            );
          }}
        </RequestView>
      )}
    </main>
  );
}
