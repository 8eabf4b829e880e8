import type { InferResponseType } from "hono/client";
import { api, query, unwrap } from "../api";
import { CrossCheckTable } from "../components/cross-check-table";
import { DashboardFilters } from "../components/dashboard-filters";
import { Link } from "../components/link";
import { QualityReports } from "../components/quality-reports";
import { RequestView } from "../components/request-view";
import { useI18n } from "../i18n";
import { figureLabel } from "../lib/figure-label";
import { formatCount } from "../lib/format";
import { reportPath } from "../lib/router";
import { filterSearch, useDashboardFilters } from "../lib/use-dashboard-filters";
import { useRequest } from "../lib/use-request";
import { MAD_SCALE, OUTLIER_Z } from "../../worker/report/robust-stats";
import { ScrollTable } from "../components/scroll-table";

type Quality = InferResponseType<(typeof api.quality)["$get"], 200>;

/** The two lists page on their own, each by its offset in the URL (absent on the first page). */
const LISTS = { hard: "hard_offset", soft: "soft_offset" } as const;
type ListKey = keyof typeof LISTS;

const offsetIn = (params: URLSearchParams, key: string) =>
  Math.max(0, Math.trunc(Number(params.get(key))) || 0);

/**
 * `/dashboard/quality?hard_offset=&soft_offset=`: reports breaking hard rules and reports with
 * soft findings, each list paged, and outliers.
 */
export function QualityPage() {
  const { t } = useI18n();
  const filters = useDashboardFilters();
  const { year, under, basis, params, setParams } = filters;
  const hardOffset = offsetIn(params, LISTS.hard);
  const softOffset = offsetIn(params, LISTS.soft);
  const quality = useRequest(
    () =>
      under === null
        ? new Promise<Quality>(() => undefined)
        : api.quality
            .$get({
              query: query({
                year,
                under,
                basis,
                hard_offset: hardOffset || undefined,
                soft_offset: softOffset || undefined,
              }),
            })
            .then(unwrap),
    [year, under, basis, hardOffset, softOffset],
  );
  const onPage = (list: ListKey, offset: number) =>
    setParams({ [LISTS[list]]: offset > 0 ? String(offset) : null });
  return (
    <main className="page dashboard quality-page">
      <p>
        <Link to={`/dashboard${filterSearch(year, under, basis)}`}>{t("dbBackToDashboard")}</Link>
      </p>
      <h2>{t("qTitle")}</h2>
      <DashboardFilters filters={filters} />
      {under === null ? (
        <p className="muted">{t("dbChooseRegion")}</p>
      ) : (
        <RequestView state={quality.state} retry={quality.retry}>
          {(data) => <QualityView data={data} onPage={onPage} />}
        </RequestView>
      )}
    </main>
  );
}

function QualityView({
  data,
  onPage,
}: {
  data: Quality;
  onPage: (list: ListKey, offset: number) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <section aria-labelledby="q-hard">
        <h3 id="q-hard">{t("dbFailing")}</h3>
        <QualityReports
          list={data.hard}
          label={t("dbFailing")}
          year={data.year}
          onPage={(offset) => onPage("hard", offset)}
        />
      </section>
      <section aria-labelledby="q-soft">
        <h3 id="q-soft">{t("qSoft")}</h3>
        <QualityReports
          list={data.soft}
          label={t("qSoft")}
          year={data.year}
          onPage={(offset) => onPage("soft", offset)}
        />
      </section>
      <section aria-labelledby="q-outliers">
        <h3 id="q-outliers">{t("qOutliers")}</h3>
        <OutlierTable data={data} />
      </section>
      <section aria-labelledby="q-region-differences">
        <h3 id="q-region-differences">{t("qRegionDifferences")}</h3>
        <p className="muted">{t("qRegionDifferencesHint")}</p>
        <RegionDifferenceTable data={data} />
      </section>
    </>
  );
}

/** 自报 vs 汇总: whole-region reports far from the sum of the reports they contain. */
function RegionDifferenceTable({ data }: { data: Quality }) {
  const { t } = useI18n();
  if (data.region_differences.length === 0)
    return <p className="empty">{t("qNoRegionDifferences")}</p>;
  return (
    <CrossCheckTable
      year={data.year}
      rows={data.region_differences.flatMap((region) =>
        region.figures
          .filter((row) => row.large)
          .map((row) => ({
            ...row,
            region: { id: region.agency_id, name: region.agency_name, parts: region.parts_reports },
          })),
      )}
    />
  );
}

function OutlierTable({ data }: { data: Quality }) {
  const { t, locale } = useI18n();
  if (data.outliers.length === 0) return <p className="empty">{t("qNoOutliers")}</p>;
  const decimal = (n: number) =>
    n.toLocaleString(locale === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 1 });
  return (
    <>
      <ScrollTable label={t("qOutliers")}>
        <table className="data-table outlier-table">
          <thead>
            <tr>
              <th scope="col">{t("agency")}</th>
              <th scope="col">{t("qFigure")}</th>
              <th scope="col" className="num">
                {t("qValue")}
              </th>
              <th scope="col" className="num">
                {t("qMedian")}
              </th>
              <th scope="col" className="num">
                {t("qScore")}
              </th>
              <th scope="col">{t("qCompared")}</th>
            </tr>
          </thead>
          <tbody>
            {data.outliers.map((o) => (
              <tr key={`${o.agency_id}/${o.figure}/${o.kind}`}>
                <th scope="row">
                  <Link to={reportPath(o.agency_id, o.year)}>{o.agency_name}</Link>
                </th>
                <td>{figureLabel(o.figure, locale)}</td>
                <td className="num">{formatCount(o.value, locale)}</td>
                <td className="num">{formatCount(o.median, locale)}</td>
                <td className="num">{decimal(o.z)}</td>
                <td>
                  {t(o.kind === "history" ? "qKind_history" : "qKind_peers", {
                    n: o.reference_count,
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <p className="muted outlier-legend">
        {t("qScoreLegend", { scale: MAD_SCALE, cut: OUTLIER_Z })}
      </p>
    </>
  );
}
