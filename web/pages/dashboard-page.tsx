import type { InferResponseType } from "hono/client";
import { useState } from "react";
import { api, query, unwrap } from "../api";
import { ChaseDialog, type ChaseTarget } from "../components/chase-dialog";
import { CompletenessChart, type ChartSize } from "../components/completeness-chart";
import { DashboardFilters } from "../components/dashboard-filters";
import { Link } from "../components/link";
import { RequestView } from "../components/request-view";
import { useI18n, type MessageKey } from "../i18n";
import { completenessConfig, completenessRows, statesOf } from "../lib/completeness-chart-data";
import { formatCount } from "../lib/format";
import { EMBED_BUILDER_PATH, reportPath } from "../lib/router";
import { useSession } from "../lib/session";
import { useRequest } from "../lib/use-request";
import { filterSearch, useDashboardFilters } from "../lib/use-dashboard-filters";
import { figureDef, isFigureKey } from "../../worker/report/figures";
import { INDICATORS } from "../../worker/report/indicators";

type Overview = InferResponseType<(typeof api.overview)["$get"], 200>;
type Indicator = Overview["indicators"][number];

/** `/dashboard`: who has reported in a region and year, its key figures and its problem reports. */
export function DashboardPage({ chartSize }: { chartSize?: ChartSize }) {
  const { t } = useI18n();
  const filters = useDashboardFilters();
  const { year, under, basis } = filters;
  const overview = useRequest(
    () =>
      under === null
        ? new Promise<Overview>(() => undefined)
        : api.overview.$get({ query: query({ year, under, basis }) }).then(unwrap),
    [year, under, basis],
  );

  return (
    <main className="page dashboard">
      <h2>{t("dbTitle")}</h2>
      <DashboardFilters filters={filters} />
      <p>
        <Link to={`/dashboard/region-report${filterSearch(year, under, "published")}`}>
          {t("dbRegionReport")}
        </Link>
        {" · "}
        <Link to={`/dashboard/compare${filterSearch(year, under, basis)}`}>
          {t("dbCompareLink")}
        </Link>
        {" · "}
        <Link to={`/dashboard/trends${filterSearch(year, under, "published")}`}>
          {t("dbTrendsLink")}
        </Link>
        {" · "}
        <Link to={`/dashboard/quality${filterSearch(year, under, basis)}`}>
          {t("dbQualityLink")}
        </Link>
        {" · "}
        <Link to={under === null ? EMBED_BUILDER_PATH : `${EMBED_BUILDER_PATH}?agency=${under}`}>
          {t("dbEmbedLink")}
        </Link>
      </p>
      {under === null ? (
        <p className="muted">{t("dbChooseRegion")}</p>
      ) : (
        <RequestView state={overview.state} retry={overview.retry}>
          {(data) =>
            data.completeness.totals.agencies === 0 ? (
              <p className="empty">{t("dbNoAgencies")}</p>
            ) : (
              <OverviewView data={data} chartSize={chartSize} year={year} under={under} />
            )
          }
        </RequestView>
      )}
    </main>
  );
}

interface OverviewProps {
  data: Overview;
  chartSize?: ChartSize;
  year: number;
  under: number;
}

function OverviewView({ data, chartSize, year, under }: OverviewProps) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const [chasing, setChasing] = useState<ChaseTarget | null>(null);
  // 催报 is a reviewer's and an administrator's step; the server checks the region again.
  const mayChase = user?.role === "admin" || user?.role === "reviewer";
  const { totals, by_level, missing } = data.completeness;
  const states = statesOf(totals);
  const rows = completenessRows(by_level, states);
  const late = "late" in totals ? totals.late : null;

  return (
    <>
      <section aria-labelledby="db-completeness">
        <h3 id="db-completeness">{t("dbCompleteness")}</h3>
        <ul className="stat-cards" aria-label={t("dbCompleteness")}>
          <li className="stat-card">
            <span className="stat-label">{t("dbAgencies")}</span>
            <span className="stat-value">{formatCount(totals.agencies, locale)}</span>
          </li>
          {states.map((state) => (
            <li key={state} className="stat-card">
              <span className="stat-label">
                <span
                  className="swatch"
                  style={{ background: completenessConfig[state].colour }}
                  aria-hidden="true"
                />
                {t(completenessConfig[state].label)}
              </span>
              <span className="stat-value">
                {formatCount((totals as Record<string, number>)[state] ?? 0, locale)}
              </span>
            </li>
          ))}
          {late !== null && (
            <li className="stat-card">
              <span className="stat-label">{t("dbState_late")}</span>
              <span className="stat-value">{formatCount(late, locale)}</span>
            </li>
          )}
        </ul>
        <CompletenessChart rows={rows} states={states} size={chartSize} />
      </section>

      <section aria-labelledby="db-missing">
        <div className="section-head">
          <h3 id="db-missing">{t("dbMissingTitle")}</h3>
          {mayChase && (
            <button type="button" className="primary" onClick={() => setChasing({ year, under })}>
              {t("chaseAll")}
            </button>
          )}
        </div>
        {missing.items.length === 0 ? (
          <p className="empty">{t("dbNoMissing")}</p>
        ) : (
          <>
            {missing.total > missing.items.length && (
              <p className="muted">
                {t("dbShownOf", { shown: missing.items.length, total: missing.total })}
              </p>
            )}
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("agency")}</th>
                  <th scope="col">{t("dbLevel")}</th>
                  <th scope="col">{t("dbParent")}</th>
                  <th scope="col">{t("regionCode")}</th>
                  {mayChase && (
                    <th scope="col">
                      <span className="visually-hidden">{t("chaseColumn")}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {missing.items.map((agency) => (
                  <tr key={agency.id}>
                    <th scope="row">{agency.name}</th>
                    <td>{t(`level_${agency.level}` as MessageKey)}</td>
                    <td>{agency.parent_name ?? "—"}</td>
                    <td>{agency.region_code}</td>
                    {mayChase && (
                      <td>
                        <button
                          type="button"
                          aria-label={t("chaseOneLabel", { name: agency.name })}
                          onClick={() =>
                            setChasing({
                              year,
                              under,
                              agency: { id: agency.id, name: agency.name },
                            })
                          }
                        >
                          {t("chaseOne")}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      {chasing && <ChaseDialog target={chasing} onClose={() => setChasing(null)} />}

      <section aria-labelledby="db-figures">
        <h3 id="db-figures">{t("dbFigures")}</h3>
        <dl className="key-figures">
          {Object.entries(data.figures).map(([key, value]) => (
            <div key={key}>
              <dt>{figureLabel(key, locale)}</dt>
              <dd>{formatCount(value, locale)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="db-indicators">
        <h3 id="db-indicators">{t("dbIndicators")}</h3>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("dbIndicator")}</th>
              <th scope="col">{t("dbValue")}</th>
              <th scope="col">{t("dbFormula")}</th>
            </tr>
          </thead>
          <tbody>
            {data.indicators.map((indicator) => {
              const def = INDICATORS.find((d) => d.key === indicator.key);
              return (
                <tr key={indicator.key}>
                  <th scope="row">
                    {def ? (locale === "en" ? def.labelEn : def.label) : indicator.key}
                  </th>
                  <td>
                    <IndicatorValue indicator={indicator} minCount={def?.minCount ?? 0} />
                  </td>
                  <td className="muted">
                    {def ? (locale === "en" ? def.formulaEn : def.formula) : ""}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="db-failing">
        <h3 id="db-failing">{t("dbFailing")}</h3>
        {data.failing_reports.items.length === 0 ? (
          <p className="empty">{t("dbNoFailing")}</p>
        ) : (
          <>
            {data.failing_reports.total > data.failing_reports.items.length && (
              <p className="muted">
                {t("dbShownOf", {
                  shown: data.failing_reports.items.length,
                  total: data.failing_reports.total,
                })}
              </p>
            )}
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("agency")}</th>
                  <th scope="col">{t("dbLevel")}</th>
                  <th scope="col">{t("status")}</th>
                  <th scope="col">{t("findings")}</th>
                </tr>
              </thead>
              <tbody>
                {data.failing_reports.items.map((report) => (
                  <tr key={report.id}>
                    <th scope="row">
                      <Link to={reportPath(report.agency_id, data.year)}>{report.agency_name}</Link>
                    </th>
                    <td>{t(`level_${report.level}` as MessageKey)}</td>
                    <td>{report.status ? stateLabel(report.status, t) : "—"}</td>
                    <td>
                      <span className="count-error">
                        {t("errorCount", { n: report.error_count })}
                      </span>{" "}
                      <span className="muted">
                        {t("warningCount", { n: report.warning_count })}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </>
  );
}

/** A rate as a percentage; below the minimum count the count itself, with why. */
function IndicatorValue({ indicator, minCount }: { indicator: Indicator; minCount: number }) {
  const { t, locale } = useI18n();
  if (indicator.status === "below_min_count") {
    return (
      <>
        {t("dbCount", {
          numerator: formatCount(indicator.numerator, locale),
          denominator: formatCount(indicator.denominator, locale),
        })}
        <small className="hint"> {t("dbBelowMin", { min: minCount })}</small>
      </>
    );
  }
  if (indicator.status === "no_data" || indicator.value === null) {
    return <span className="muted">{t("dbNoData")}</span>;
  }
  const percent = (indicator.value * 100).toLocaleString(locale === "zh" ? "zh-CN" : "en-US", {
    maximumFractionDigits: 1,
  });
  return (
    <>
      {percent}%{" "}
      <small className="muted">
        {t("dbCount", {
          numerator: formatCount(indicator.numerator, locale),
          denominator: formatCount(indicator.denominator, locale),
        })}
      </small>
    </>
  );
}

function figureLabel(key: string, locale: string): string {
  if (!isFigureKey(key)) return key;
  const def = figureDef(key);
  return locale === "en" ? def.labelEn : def.label;
}

function stateLabel(status: string, t: (key: MessageKey) => string): string {
  const config = completenessConfig[status as keyof typeof completenessConfig];
  return config ? t(config.label) : status;
}
