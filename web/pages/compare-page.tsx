import type { InferResponseType } from "hono/client";
import { useState } from "react";
import { api, query, unwrap, type Api, type Json } from "../api";
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
  rankingRows,
  shownFilter,
  SORT_KEYS,
  type PeerFilter,
  type PickedGroup,
  type SortDir,
  type SortKey,
} from "../lib/compare-ranking";
import { PRESET_KEYS, presetOf, type Preset } from "../lib/compare-presets";
import { filterSearch, useDashboardFilters } from "../lib/use-dashboard-filters";
import { useRequest } from "../lib/use-request";
import type { Season } from "../lib/use-season";
import { INDICATORS } from "../../worker/report/indicators";
import type { PeerGroup } from "../../worker/report/ranking";

type Compare = Json<InferResponseType<Api["compare"]["$get"], 200>>;
/** Agencies per page of the ranking (and of the chart beside it). */
const PAGE_SIZE = 50;
const SCOPES = ["self", "region"] as const satisfies readonly AgencyScope[];

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
                pick: "true",
                sort: sort === "agency" ? "agency" : sort,
                dir,
                offset,
                limit: PAGE_SIZE,
              }),
            })
            .then(unwrap),
    [preset.key, year, under, basis, level, kind, scope, sort, dir, offset],
  );
  // A raw count ranks only peers, a rate only one scope. Where the URL leaves the group open,
  // the server ranks the group the reader most likely means (`pick`) and says which; the page
  // shows that group in its filters and keeps the other groups on offer while the reader
  // switches between them.
  const picked = answer.state.kind === "ready" ? (answer.state.data.picked ?? null) : null;
  const offerKey = `${preset.key}/${year}/${under}/${basis}`;
  const [offer, setOffer] = useState<{ key: string; picked: PickedGroup } | null>(null);
  if (picked !== null && (offer?.key !== offerKey || offer.picked !== picked)) {
    setOffer({ key: offerKey, picked });
  }
  const offered = offer?.key === offerKey ? offer.picked : null;
  const shown = shownFilter({ level, kind, scope }, picked);
  // A filter the reader sets keeps the rest of the group shown, and drops the offer.
  const choose = (patch: Record<string, string | null>) => {
    setOffer(null);
    setParams({ ...shown, ...patch, offset: null });
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
              // A new preset asks anew: the group picked for one figure need not suit another.
              onChange={(e) =>
                e.target.value !== preset.key && setParams({ preset: e.target.value, offset: null })
              }
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
              value={shown.level ?? ""}
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
              value={shown.kind ?? ""}
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
              value={shown.scope ?? ""}
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
      ) : answer.state.kind === "loading" ? (
        <Loading />
      ) : answer.state.kind === "error" ? (
        <ErrorNotice error={answer.state.error} prefix={t("loadFailed")} onRetry={answer.retry} />
      ) : answer.state.data.total === 0 && basis === "published" ? (
        <NoReports
          year={year}
          latest={latestPublished(filters.season, year)}
          onYear={(y) => setParams({ year: String(y), offset: null })}
        />
      ) : (
        <>
          <PeerNote
            countRanked={!preset.figures[0]!.startsWith("indicator.")}
            picked={picked ?? offered}
            current={shown}
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

/** The newest year with published reports other than `year`, from the season; null if none. */
function latestPublished(season: Season | null | undefined, year: number): number | null {
  const years = (season?.years ?? []).filter((y) => y.published > 0 && y.year !== year);
  return years.length === 0 ? null : Math.max(...years.map((y) => y.year));
}

/** A year without a report to compare (the open season, before approvals): where to look instead. */
function NoReports({
  year,
  latest,
  onYear,
}: {
  year: number;
  latest: number | null;
  onYear: (year: number) => void;
}) {
  const { t } = useI18n();
  return (
    <p className="empty">
      {t("cmpNoReports", { year })}{" "}
      {latest !== null && (
        <button type="button" className="link-button" onClick={() => onYear(latest)}>
          {t("cmpSeeYear", { year: latest })}
        </button>
      )}
    </p>
  );
}

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return (allowed as readonly string[]).includes(value ?? "") ? (value as T) : null;
}

/**
 * Why the ranking shows the agencies it does: a raw count ranks only peers (one level, kind
 * and scope), a rate only one scope. Where the server picked the group, the note names it and
 * offers the others it found.
 */
function PeerNote({
  countRanked,
  picked,
  current,
  onChoose,
}: {
  countRanked: boolean;
  picked: PickedGroup | null;
  current: PeerFilter;
  onChoose: (patch: Record<string, string | null>) => void;
}) {
  const { t } = useI18n();
  const group = (g: Pick<PeerGroup, "level" | "kind" | "scope">) =>
    t("cmpPeerGroup", {
      level: t(`level_${g.level}` as MessageKey),
      kind: t(`kind_${g.kind}` as MessageKey),
      scope: t(`cmpScope_${g.scope}` as MessageKey),
    });
  if (picked?.reason === "mixed_scope") {
    const shown = current.scope ?? picked.scope;
    return (
      <div role="status" className="notice compare-peers">
        <p>{t("cmpScopePicked", { scope: t(`cmpScope_${shown}` as MessageKey) })}</p>
        <p className="compare-scope-choice">
          {picked.scopes
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
  const peers = picked?.reason === "mixed_peers" ? picked.peers : [];
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
