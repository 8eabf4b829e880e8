import type { ChartSize } from "../components/completeness-chart";
import { Field } from "../components/field";
import { Link } from "../components/link";
import { Pager } from "../components/pager";
import { PublicAgencyTable } from "../components/public-agency-table";
import { PublicTrend } from "../components/public-trend";
import { RequestView } from "../components/request-view";
import { useI18n } from "../i18n";
import { figureLabel } from "../lib/figure-label";
import { formatCount } from "../lib/format";
import { api, query, unwrap } from "../api";
import type { PublicRollup } from "../lib/public-api";
import { EMBED_BUILDER_PATH } from "../lib/router";
import { yearsUpTo } from "../lib/trend";
import { defaultYear } from "../lib/use-dashboard-filters";
import { useRequest } from "../lib/use-request";
import { useUrlState, urlOffset, offsetParam } from "../lib/use-url-state";

const PAGE = 20;

/** The figures a region's page sums first; every one is a figure key of the rollup. */
const REGION_FIGURES = [
  "section3.new_received.total",
  "section3.total_processed.total",
  "section3.granted.total",
  "section3.carried_forward.total",
  "section4.reconsideration.total",
  "section4.litigation_direct.total",
  "section2.licensing_decisions",
  "section2.punishment_decisions",
  "metrics.website_visits",
] as const;

interface Props {
  code: string;
  chartSize?: ChartSize;
}

/** `/public/region/:code?year=&scope=&offset=`: a region's published figures summed, and its agencies. */
export function PublicRegionPage({ code, chartSize }: Props) {
  const { t, locale } = useI18n();
  const [params, setParams] = useUrlState();
  const latest = defaultYear(new Date());
  const years = yearsUpTo(latest);
  const asked = Number(params.get("year"));
  const scope = params.get("scope") === "region" ? "region" : "self";
  const offset = urlOffset(params);

  // The region's government names it, and the years with published reports give the default
  // year (the current year's reports are often not in yet).
  const facts = useRequest(
    () =>
      Promise.all([
        api.public.agencies
          .$get({ query: query({ region: code, kind: "government", limit: 1 }) })
          .then(unwrap),
        api.public.series
          .$get({
            query: query({
              region: code,
              scope,
              figure: "section3.new_received.total",
              years: `${years[0]}-${latest}`,
            }),
          })
          .then(unwrap),
      ]).then(([governments, series]) => ({
        name: governments.items[0]?.name ?? null,
        latestReported: series.items.at(-1)?.year ?? null,
      })),
    [code, scope, latest],
  );
  const known = facts.state.kind === "ready" ? facts.state.data : null;
  const year = years.includes(asked) ? asked : (known?.latestReported ?? latest);
  const waiting = !years.includes(asked) && facts.state.kind === "loading";

  const rollup = useRequest(
    () =>
      waiting
        ? new Promise<PublicRollup>(() => undefined)
        : api.public.rollup.$get({ query: query({ year, region: code, scope }) }).then(unwrap),
    [year, code, scope, waiting],
  );
  const agencies = useRequest(
    () =>
      api.public.agencies
        .$get({ query: query({ region: code, limit: PAGE, offset }) })
        .then(unwrap),
    [code, offset],
  );

  return (
    <main className="page public-page">
      <p className="breadcrumbs">
        <Link to="/public">{t("pubBack")}</Link>
      </p>
      <h2>
        {known?.name
          ? t("pubRegionNamed", { name: known.name, code })
          : t("pubRegionTitle", { code })}
      </h2>
      <div className="dashboard-filters">
        <Field label={t("apYear")}>
          {(props) => (
            <select {...props} value={year} onChange={(e) => setParams({ year: e.target.value })}>
              {[...years].reverse().map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("pubSumOf")}>
          {(props) => (
            <select
              {...props}
              value={scope}
              onChange={(e) => setParams({ scope: e.target.value === "region" ? "region" : null })}
            >
              <option value="self">{t("pubScope_self")}</option>
              <option value="region">{t("pubScope_region")}</option>
            </select>
          )}
        </Field>
      </div>

      <section aria-labelledby="pr-figures">
        <h3 id="pr-figures">{t("pubRegionFigures", { year })}</h3>
        <RequestView state={rollup.state} retry={rollup.retry}>
          {(data) =>
            data.reports === 0 ? (
              <p className="empty">{t("pubNoReportsInRegion", { year })}</p>
            ) : (
              <>
                <p className="muted">
                  {t("pubReportsSummed", { n: formatCount(data.reports, locale) })}
                </p>
                <dl className="key-figures">
                  {REGION_FIGURES.map((key) => (
                    <div key={key}>
                      <dt>{figureLabel(key, locale)}</dt>
                      <dd>{formatCount(data.figures[key] ?? null, locale)}</dd>
                    </div>
                  ))}
                </dl>
              </>
            )
          }
        </RequestView>
      </section>

      <section aria-labelledby="pr-trend">
        <h3 id="pr-trend">{t("apTrend")}</h3>
        <PublicTrend
          subject={{ region: code, scope }}
          years={years}
          caption={t("pubRegionTrend", { code })}
          chartSize={chartSize}
        />
      </section>

      <section aria-labelledby="pr-agencies">
        <h3 id="pr-agencies">{t("pubRegionAgencies")}</h3>
        <RequestView state={agencies.state} retry={agencies.retry}>
          {(data) =>
            data.items.length === 0 ? (
              <p className="empty">{t("pubNoAgencies")}</p>
            ) : (
              <>
                <PublicAgencyTable
                  agencies={data.items}
                  caption={t("pubRegionAgenciesOf", {
                    code,
                    n: formatCount(data.total, locale),
                  })}
                />
                <Pager
                  offset={offset}
                  limit={PAGE}
                  total={data.total}
                  onChange={(next) => setParams(offsetParam(next))}
                />
              </>
            )
          }
        </RequestView>
      </section>

      <p>
        <Link to={`${EMBED_BUILDER_PATH}?subject=region&region=${code}`}>{t("pubEmbedLink")}</Link>
      </p>
    </main>
  );
}
