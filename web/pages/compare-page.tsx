import type { InferResponseType } from "hono/client";
import { ApiRequestError, type api } from "../api";
import { CompareChart } from "../components/compare-chart";
import type { ChartSize } from "../components/completeness-chart";
import { DashboardFilters } from "../components/dashboard-filters";
import { Field } from "../components/field";
import { Link } from "../components/link";
import { Pager } from "../components/pager";
import { ErrorNotice, Loading } from "../components/request-view";
import { RankingTable } from "../components/ranking-table";
import { urlOffset, offsetParam } from "../lib/use-url-state";
import { useI18n, type MessageKey } from "../i18n";
import { LEVELS, type AgencyScope } from "../lib/agency-options";
import { rankingRows, SORT_KEYS, type SortDir, type SortKey } from "../lib/compare-ranking";
import { PRESET_KEYS, presetOf, type Preset } from "../lib/compare-presets";
import { errorText } from "../lib/errors";
import { getJson, withQuery, type Query } from "../lib/http";
import { filterSearch, useDashboardFilters } from "../lib/use-dashboard-filters";
import { useRequest } from "../lib/use-request";
import { INDICATORS } from "../../worker/report/indicators";

type Compare = InferResponseType<(typeof api.compare)["$get"], 200>;
/** Agencies per page of the ranking (and of the chart beside it). */
const PAGE_SIZE = 50;
/** The most rows the API gives at once: more than a province's agencies in a year. */
const CSV_ROWS = "20000";
const SCOPES = ["self", "region"] as const satisfies readonly AgencyScope[];

/** `/dashboard/compare`: one preset's figures for every agency of a region, ranked and charted. */
export function ComparePage({ chartSize }: { chartSize?: ChartSize }) {
  const { t } = useI18n();
  const filters = useDashboardFilters();
  const { params, setParams, year, under, basis } = filters;
  const preset = presetOf(params.get("preset"));
  const level = pick(params.get("level"), LEVELS);
  const scope = pick(params.get("scope"), SCOPES);
  const sort = pick(params.get("sort"), SORT_KEYS) ?? "rank";
  const dir: SortDir = params.get("dir") === "desc" ? "desc" : "asc";
  const offset = urlOffset(params);
  const query: Query = { years: String(year), under, basis, level, scope };
  const figure = preset.figures.join(",");
  // The server ranks and orders every agency of the region and sends one page: a province's
  // 10,000 agencies are never all in the browser.
  const answer = useRequest(
    () =>
      under === null
        ? new Promise<Compare>(() => undefined)
        : getJson<Compare>("/api/compare", {
            ...query,
            figure,
            rank: "true",
            sort: sort === "agency" ? "agency" : sort,
            dir,
            offset: String(offset),
            limit: String(PAGE_SIZE),
          }),
    [preset.key, year, under, basis, level, scope, sort, dir, offset],
  );

  return (
    <main className="page dashboard compare-page">
      <p>
        <Link to={`/dashboard${filterSearch(year, under, basis)}`}>{t("dbBackToDashboard")}</Link>
      </p>
      <h2>{t("cmpTitle")}</h2>
      <DashboardFilters filters={filters} />
      <div className="dashboard-filters">
        <Field label={t("cmpPreset")}>
          {(props) => (
            <select
              {...props}
              value={preset.key}
              onChange={(e) => setParams({ preset: e.target.value })}
            >
              {PRESET_KEYS.map((key) => (
                <option key={key} value={key}>
                  {t(`cmpPreset_${key}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("dbLevel")}>
          {(props) => (
            <select
              {...props}
              value={level ?? ""}
              onChange={(e) => setParams({ level: e.target.value || null })}
            >
              <option value="">{t("cmpAll")}</option>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`level_${l}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("cmpScope")}>
          {(props) => (
            <select
              {...props}
              value={scope ?? ""}
              onChange={(e) => setParams({ scope: e.target.value || null })}
            >
              <option value="">{t("cmpAll")}</option>
              {SCOPES.map((s) => (
                <option key={s} value={s}>
                  {t(`cmpScope_${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {under === null ? (
        <p className="muted">{t("dbChooseRegion")}</p>
      ) : answer.state.kind === "loading" ? (
        <Loading />
      ) : answer.state.kind === "error" ? (
        <CompareError
          error={answer.state.error}
          retry={answer.retry}
          onScope={(s) => setParams({ scope: s })}
        />
      ) : (
        <CompareView
          data={answer.state.data}
          preset={preset}
          year={year}
          sort={sort}
          dir={dir}
          onSort={(s, d) => setParams({ sort: s, dir: d, offset: null })}
          onPage={(o) => setParams(offsetParam(o))}
          csv={withQuery("/api/compare", { ...query, figure, format: "csv", limit: CSV_ROWS })}
          chartSize={chartSize}
        />
      )}
    </main>
  );
}

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return (allowed as readonly string[]).includes(value ?? "") ? (value as T) : null;
}

/** A ranking over mixed scopes is refused: say why (the server's words) and offer one scope. */
function CompareError({
  error,
  retry,
  onScope,
}: {
  error: unknown;
  retry: () => void;
  onScope: (scope: (typeof SCOPES)[number]) => void;
}) {
  const { t, locale } = useI18n();
  if (!(error instanceof ApiRequestError) || error.code !== "mixed_scope") {
    return <ErrorNotice error={error} prefix={t("loadFailed")} onRetry={retry} />;
  }
  return (
    <div role="alert" className="notice notice-error">
      <p>{errorText(error, locale)}</p>
      <p className="compare-scope-choice">
        {SCOPES.map((s) => (
          <button key={s} type="button" onClick={() => onScope(s)}>
            {t("cmpPickScope", { scope: t(`cmpScope_${s}`) })}
          </button>
        ))}
      </p>
    </div>
  );
}

function CompareView({
  data,
  preset,
  year,
  sort,
  dir,
  onSort,
  onPage,
  csv,
  chartSize,
}: {
  data: Compare;
  preset: Preset;
  year: number;
  sort: SortKey;
  dir: SortDir;
  onSort: (sort: SortKey, dir: SortDir) => void;
  onPage: (offset: number) => void;
  csv: string;
  chartSize?: ChartSize;
}) {
  const { t } = useI18n();
  const figure = preset.figures[0]!;
  const indicator = INDICATORS.find((d) => `indicator.${d.key}` === figure);
  const rows = rankingRows(data.ranking ?? [], data, figure, year);
  const pager = (
    <Pager offset={data.offset} limit={data.limit} total={data.total} onChange={onPage} />
  );
  return (
    <>
      <section aria-labelledby="cmp-ranking">
        <h3 id="cmp-ranking">{t(preset.label)}</h3>
        <RankingTable
          rows={rows}
          unit={preset.unit}
          minCount={indicator?.minCount ?? 0}
          sort={sort}
          dir={dir}
          onSort={onSort}
        />
        {pager}
      </section>
      <section aria-labelledby="cmp-chart">
        <h3 id="cmp-chart">{t("cmpChart")}</h3>
        <CompareChart
          rows={preset.rows(data, year, t)}
          config={preset.config}
          kind={preset.chart}
          unit={preset.unit}
          caption={t(preset.label)}
          size={chartSize}
        />
        <p className="compare-csv">
          <a href={csv} download>
            {t("cmpCsv")}
          </a>
        </p>
      </section>
    </>
  );
}
