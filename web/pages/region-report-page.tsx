import type { InferResponseType } from "hono/client";
import { useState } from "react";
import { api, query, unwrap, type Api, type Json } from "../api";
import { CrossCheckTable } from "../components/cross-check-table";
import { DashboardFilters } from "../components/dashboard-filters";
import { Link } from "../components/link";
import { Pager } from "../components/pager";
import { SummedReport, type RegionReportAnswer } from "../components/summed-report";
import { RequestView } from "../components/request-view";
import { useI18n, type MessageKey } from "../i18n";
import { completenessConfig } from "../lib/completeness-chart-data";
import { reportPath } from "../lib/router";
import { useAgencyChoice } from "../lib/use-agency-choice";
import { filterSearch, useDashboardFilters } from "../lib/use-dashboard-filters";
import { useRequest } from "../lib/use-request";
import { ScrollTable } from "../components/scroll-table";

type RegionReport = RegionReportAnswer;
type LedgerPage = Json<InferResponseType<Api["rollup"]["ledger"]["$get"], 200>>;

/** Agencies per page of the ledger: the summary above says how many there are in all. */
const LEDGER_PAGE = 50;

type Scope = "self" | "region";
type Inclusion = keyof RegionReport["counts"];

/** What a scope's ledger can say: own-agency reports never nest, so none is contained. */
const INCLUSIONS: Record<Scope, readonly Inclusion[]> = {
  self: ["included", "pending", "missing"],
  region: ["included", "contained", "covered_by_parts", "pending", "missing"],
};

/**
 * `/dashboard/region-report`: the published reports of a region summed into the official tables,
 * with the ledger of which agencies the sums include.
 */
export function RegionReportPage() {
  const { t } = useI18n();
  const filters = useDashboardFilters();
  const { year, under } = filters;
  const region = useAgencyChoice(under);
  const scope: Scope = filters.params.get("scope") === "region" ? "region" : "self";
  const report = useRequest(
    () =>
      under === null
        ? new Promise<RegionReport>(() => undefined)
        : api["region-report"]
            .$get({
              query: query({ year, under, scope: scope === "region" ? scope : undefined }),
            })
            .then(unwrap),
    [year, under, scope],
  );

  return (
    <main className="page region-report">
      <h2 className="no-print">{t("dbRegionReport")}</h2>
      <div className="no-print">
        <DashboardFilters filters={filters} withBasis={false} />
        <div className="field field-start">
          <label htmlFor="rr-scope">{t("rrScope")}</label>
          <select
            id="rr-scope"
            value={scope}
            onChange={(e) =>
              filters.setParams({
                scope: e.target.value === "region" ? "region" : null,
                inclusion: null,
              })
            }
          >
            <option value="self">{t("rrScope_self")}</option>
            <option value="region">{t("rrScope_region")}</option>
          </select>
        </div>
        <p className="muted">{t(`rrScopeHint_${scope}`)}</p>
        <p>
          <Link to={`/dashboard${filterSearch(year, under, filters.basis)}`}>
            {t("dbBackToDashboard")}
          </Link>
        </p>
      </div>
      {under === null ? (
        <p className="muted">{t("dbChooseRegion")}</p>
      ) : (
        <RequestView state={report.state} retry={report.retry}>
          {(data) => (
            <RegionReportView
              data={data}
              regionName={region?.name ?? ""}
              inclusion={filters.params.get("inclusion")}
              setInclusion={(value) => filters.setParams({ inclusion: value })}
              under={under}
              scope={scope}
            />
          )}
        </RequestView>
      )}
    </main>
  );
}

interface ViewProps {
  data: RegionReport;
  regionName: string;
  inclusion: string | null;
  setInclusion: (value: string | null) => void;
  under: number;
  scope: Scope;
}

function RegionReportView({ data, regionName, inclusion, setInclusion, under, scope }: ViewProps) {
  const { t, locale } = useI18n();
  // Own-agency reports are the default: URLs name the scope only when it is the other one.
  const asked = scope === "region" ? scope : undefined;
  const inclusions = INCLUSIONS[scope];
  const derivedRows = Object.keys(data.section3.derived_totals).length;
  const csv = (part: "tables" | "ledger") =>
    api["region-report"].$path({
      query: query({ year: data.year, under, scope: asked, format: "csv", part }),
    });
  const xlsx = api["region-report"].$path({
    query: query({ year: data.year, under, scope: asked, format: "xlsx" }),
  });

  return (
    <>
      <SummedReport data={data} scope={scope}>
        <section aria-labelledby="rr-counts">
          <h3 id="rr-counts">{t("rrCountsTitle")}</h3>
          <ul className="stat-cards" aria-label={t("rrCountsTitle")}>
            {inclusions.map((key) => (
              <li key={key} className="stat-card">
                <span className="stat-label">{t(`rrInclusion_${key}`)}</span>
                <span className="stat-value">{data.counts[key]}</span>
              </li>
            ))}
          </ul>
          <p className="region-report-actions no-print">
            <a href={csv("tables")} download>
              {t("rrCsvTables")}
            </a>
            <a href={csv("ledger")} download>
              {t("rrCsvLedger")}
            </a>
            <a href={xlsx} download>
              {t("rrXlsx")}
            </a>
            <button type="button" onClick={() => window.print()}>
              {t("rfPrintNow")}
            </button>
          </p>
        </section>
      </SummedReport>
      <p className="muted">
        {t("rrStockNotSummed", {
          reason:
            locale === "en" ? data.section2_not_summed.reason_en : data.section2_not_summed.reason,
        })}
      </p>
      {derivedRows > 0 && <p className="muted">{t("rrDerivedTotals", { count: derivedRows })}</p>}

      <OwnReportCheck data={data} regionName={regionName} />

      <section aria-labelledby="rr-ledger" className="region-ledger">
        <h3 id="rr-ledger">{t("rrLedger")}</h3>
        <LedgerList
          year={data.year}
          under={under}
          scope={scope}
          total={data.ledger_total}
          inclusion={inclusion}
          setInclusion={setInclusion}
        />
      </section>
    </>
  );
}

interface LedgerListProps {
  year: number;
  under: number;
  scope: Scope;
  /** Every agency of the ledger, from the report's summary. */
  total: number;
  inclusion: string | null;
  setInclusion: (value: string | null) => void;
}

/**
 * The ledger's agencies, asked of the server a page at a time (path order, cut by SQL) and only
 * once the reader opens the list: a country's ledger is 30,000 agencies, its summary five counts.
 */
function LedgerList({ year, under, scope, total, inclusion, setInclusion }: LedgerListProps) {
  const { t } = useI18n();
  const inclusions = INCLUSIONS[scope];
  // A URL naming an inclusion was shared from an open list.
  const [open, setOpen] = useState(inclusion !== null);
  const [offset, setOffset] = useState(0);
  // Another list starts at its first page (adjusting state while rendering, as React recommends).
  const listKey = JSON.stringify([year, under, scope, inclusion]);
  const [offsetList, setOffsetList] = useState(listKey);
  if (offsetList !== listKey) {
    setOffsetList(listKey);
    setOffset(0);
  }
  const page = useRequest(
    () =>
      open
        ? api.rollup.ledger
            .$get({
              query: query({
                year,
                under,
                scope: scope === "region" ? scope : undefined,
                basis: "published",
                // As the URL has it: the server refuses a state it does not know.
                state: (inclusion ?? undefined) as Inclusion | undefined,
                limit: LEDGER_PAGE,
                offset,
              }),
            })
            .then(unwrap)
        : new Promise<LedgerPage>(() => undefined),
    [open, year, under, scope, inclusion, offset],
  );

  if (!open) {
    return (
      <p className="no-print">
        <button type="button" onClick={() => setOpen(true)} disabled={total === 0}>
          {t("rrShowLedger", { total })}
        </button>
      </p>
    );
  }
  return (
    <>
      <div className="field no-print">
        <label htmlFor="rr-inclusion">{t("rrInclusion")}</label>
        <select
          id="rr-inclusion"
          value={inclusion ?? ""}
          onChange={(e) => setInclusion(e.target.value || null)}
        >
          <option value="">{t("rrAll")}</option>
          {inclusions.map((key) => (
            <option key={key} value={key}>
              {t(`rrInclusion_${key}`)}
            </option>
          ))}
        </select>
      </div>
      <RequestView state={page.state} retry={page.retry}>
        {(ledger) =>
          ledger.items.length === 0 ? (
            <p className="empty">{t("rrNoLedger")}</p>
          ) : (
            <>
              <ScrollTable label={t("rrLedger")}>
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("agency")}</th>
                      <th scope="col">{t("dbLevel")}</th>
                      <th scope="col">{t("regionCode")}</th>
                      <th scope="col">{t("rrInclusion")}</th>
                      <th scope="col">{t("status")}</th>
                      <th scope="col">{t("template")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {ledger.items.map((entry) => (
                      <tr key={entry.id}>
                        <th scope="row">
                          {entry.report_status ? (
                            <Link to={reportPath(entry.id, year)}>{entry.name}</Link>
                          ) : (
                            entry.name
                          )}
                        </th>
                        <td>{t(`level_${entry.level}` as MessageKey)}</td>
                        <td>{entry.region_code}</td>
                        <td>{t(`rrInclusion_${entry.inclusion}` as MessageKey)}</td>
                        <td>{entry.report_status ? stateLabel(entry.report_status, t) : "—"}</td>
                        <td>{entry.template ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollTable>
              <Pager
                offset={ledger.offset}
                limit={ledger.limit}
                total={ledger.total}
                onChange={setOffset}
              />
            </>
          )
        }
      </RequestView>
    </>
  );
}

/** 自报 vs 汇总: the region government's own report beside the sum of the reports it contains. */
function OwnReportCheck({ data, regionName }: { data: RegionReport; regionName: string }) {
  const { t } = useI18n();
  const own = data.own_report;
  return (
    <section aria-labelledby="rr-own" className="region-own-report">
      <h3 id="rr-own">{t("rrOwnTitle")}</h3>
      {own === null ? (
        <p className="muted">{t("rrNoOwnReport")}</p>
      ) : (
        <>
          <p className="muted">{t("rrOwnHint", { name: regionName, parts: own.parts_reports })}</p>
          <CrossCheckTable rows={own.figures} year={data.year} />
        </>
      )}
    </section>
  );
}

function stateLabel(status: string, t: (key: MessageKey) => string): string {
  const config = completenessConfig[status as keyof typeof completenessConfig];
  return config ? t(config.label) : status;
}
