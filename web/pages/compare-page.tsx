import type { InferResponseType } from "hono/client";
import { useEffect, useState } from "react";
import { api, ApiRequestError, query, unwrap, type Api, type Json } from "../api";
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
import { KINDS, LEVELS, type AgencyScope } from "../lib/agency-options";
import {
  peerFilter,
  pickFor,
  rankingRows,
  refusalOf,
  SORT_KEYS,
  type Refusal,
  type SortDir,
  type SortKey,
} from "../lib/compare-ranking";
import { PRESET_KEYS, presetOf, type Preset } from "../lib/compare-presets";
import { navigate } from "../lib/router";
import { filterSearch, useDashboardFilters } from "../lib/use-dashboard-filters";
import { useRequest, type RequestState } from "../lib/use-request";
import { INDICATORS } from "../../worker/report/indicators";
import type { PeerGroup } from "../../worker/report/ranking";

type Compare = Json<InferResponseType<Api["compare"]["$get"], 200>>;
/** Agencies per page of the ranking (and of the chart beside it). */
const PAGE_SIZE = 50;
const SCOPES = ["self", "region"] as const satisfies readonly AgencyScope[];

/** A ranking the server refused (mixed peers or scopes), with the groups it offers instead. */
function refusalIn(state: RequestState<unknown>): Refusal | null {
  return state.kind === "error" && state.error instanceof ApiRequestError
    ? refusalOf(state.error.code, state.error.extra)
    : null;
}

/** `/dashboard/compare`: one preset's figures for every agency of a region, ranked and charted. */
export function ComparePage({ chartSize }: { chartSize?: ChartSize }) {
  const { t } = useI18n();
  const filters = useDashboardFilters();
  const { params, setParams, year, under, basis } = filters;
  const preset = presetOf(params.get("preset"));
  const level = pick(params.get("level"), LEVELS);
  const kind = pick(params.get("kind"), KINDS);
  const scope = pick(params.get("scope"), SCOPES);
  const sort = pick(params.get("sort"), SORT_KEYS) ?? "rank";
  const dir: SortDir = params.get("dir") === "desc" ? "desc" : "asc";
  const offset = urlOffset(params);
  const filter = { years: year, under, basis, level, kind, scope };
  const figure = preset.figures.join(",");
  // The server ranks and orders every agency of the region and sends one page: a province's
  // 10,000 agencies are never all in the browser.
  const answer = useRequest(
    () =>
      under === null
        ? new Promise<Compare>(() => undefined)
        : api.compare
            .$get({
              query: query({
                ...filter,
                figure,
                rank: "true",
                sort: sort === "agency" ? "agency" : sort,
                dir,
                offset,
                limit: PAGE_SIZE,
              }),
            })
            .then(unwrap),
    [preset.key, year, under, basis, level, kind, scope, sort, dir, offset],
  );
  // A raw count ranks only peers, a rate only one scope: when the server refuses, the page
  // takes the filter it offers (the largest group) in place of the URL's, and says so. The
  // URL entry is replaced, so going back does not land on the refusal again.
  const [picked, setPicked] = useState<{ preset: string; refusal: Refusal } | null>(null);
  // Until the picked filter is in the URL the page shows it loading; refused again under the
  // very filter picked (the data changed meanwhile), it shows the error.
  const refused = refusalIn(answer.state);
  const picking =
    refused !== null &&
    Object.entries(pickFor(refused)).some(([key, value]) => params.get(key) !== value);
  useEffect(() => {
    const found = refusalIn(answer.state);
    if (found === null) return;
    const choice = pickFor(found);
    const next = new URLSearchParams(window.location.search);
    if (Object.entries(choice).every(([key, value]) => next.get(key) === value)) return;
    // Records the pick together with the URL change it causes (an external system), once.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- guarded by the URL check above
    setPicked({ preset: preset.key, refusal: found });
    for (const [key, value] of Object.entries({ ...choice, offset: null })) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    navigate(`${window.location.pathname}?${next}`, { replace: true });
  }, [answer.state, preset.key]);
  // A filter the reader sets replaces the page's pick; a group offered beside it keeps the offer.
  const choose = (patch: Record<string, string | null>) => {
    setPicked(null);
    setParams({ ...patch, offset: null });
  };
  const switchTo = (patch: Record<string, string | null>) => setParams({ ...patch, offset: null });

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
              // Choosing the preset already shown changes nothing (nor drops the page's pick).
              onChange={(e) => e.target.value !== preset.key && choose({ preset: e.target.value })}
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
              onChange={(e) => choose({ level: e.target.value || null })}
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
        <Field label={t("cmpKind")}>
          {(props) => (
            <select
              {...props}
              value={kind ?? ""}
              onChange={(e) => choose({ kind: e.target.value || null })}
            >
              <option value="">{t("cmpAll")}</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind_${k}` as MessageKey)}
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
              onChange={(e) => choose({ scope: e.target.value || null })}
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
      ) : answer.state.kind === "loading" || picking ? (
        <Loading />
      ) : answer.state.kind === "error" ? (
        <ErrorNotice error={answer.state.error} prefix={t("loadFailed")} onRetry={answer.retry} />
      ) : (
        <>
          <PeerNote
            countRanked={!preset.figures[0]!.startsWith("indicator.")}
            refusal={picked?.preset === preset.key ? picked.refusal : null}
            current={{ level, kind, scope }}
            onChoose={switchTo}
          />
          <CompareView
            data={answer.state.data}
            preset={preset}
            year={year}
            sort={sort}
            dir={dir}
            onSort={(s, d) => setParams({ sort: s, dir: d, offset: null })}
            onPage={(o) => setParams(offsetParam(o))}
            csv={api.compare.$path({ query: query({ ...filter, figure, format: "csv" }) })}
            chartSize={chartSize}
          />
        </>
      )}
    </main>
  );
}

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return (allowed as readonly string[]).includes(value ?? "") ? (value as T) : null;
}

/**
 * Why the ranking shows the agencies it does: a raw count ranks only peers (one level, kind
 * and scope), a rate only one scope. After the page picked a filter for a refused ranking, it
 * names the group and offers the others the server found.
 */
function PeerNote({
  countRanked,
  refusal,
  current,
  onChoose,
}: {
  countRanked: boolean;
  refusal: Refusal | null;
  current: { level: string | null; kind: string | null; scope: string | null };
  onChoose: (patch: Record<string, string | null>) => void;
}) {
  const { t } = useI18n();
  const group = (g: Pick<PeerGroup, "level" | "kind" | "scope">) =>
    t("cmpPeerGroup", {
      level: t(`level_${g.level}` as MessageKey),
      kind: t(`kind_${g.kind}` as MessageKey),
      scope: t(`cmpScope_${g.scope}` as MessageKey),
    });
  if (refusal?.kind === "scope") {
    const shown = current.scope ?? pickFor(refusal).scope!;
    return (
      <div role="status" className="notice compare-peers">
        <p>{t("cmpScopePicked", { scope: t(`cmpScope_${shown}` as MessageKey) })}</p>
        <p className="compare-scope-choice">
          {refusal.scopes
            .filter((s) => s !== shown)
            .map((s) => (
              <button key={s} type="button" onClick={() => onChoose({ scope: s })}>
                {t("cmpPickScope", { scope: t(`cmpScope_${s}` as MessageKey) })}
              </button>
            ))}
        </p>
      </div>
    );
  }
  if (!countRanked) return null;
  const peers = refusal?.kind === "peers" ? refusal.peers : [];
  const isCurrent = (g: PeerGroup) =>
    g.level === current.level && g.kind === current.kind && g.scope === current.scope;
  const shown = peers.find(isCurrent);
  return (
    <div role="status" className="notice compare-peers">
      <p>
        {t("cmpPeersRule")}
        {shown && ` ${t("cmpPeersPicked", { group: group(shown), reports: shown.reports })}`}
      </p>
      {peers.length > 1 && (
        <p className="compare-scope-choice">
          {peers
            .filter((g) => !isCurrent(g))
            .map((g) => (
              <button
                key={`${g.level}/${g.kind}/${g.scope}`}
                type="button"
                onClick={() => onChoose(peerFilter(g))}
              >
                {t("cmpPeerOther", { group: group(g), reports: g.reports })}
              </button>
            ))}
        </p>
      )}
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
          order={data.direction ? { direction: data.direction, better: data.better ?? null } : null}
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
