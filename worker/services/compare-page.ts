import {
  compareFigures,
  peerGroups,
  rankedPage,
  type CompareQuery,
  type CompareRow,
  type RankTarget,
} from "../db/queries/compare";
import type { Database } from "../db/client";
import { ApiError } from "../http/errors";
import { KIND_LABELS, labelOf, LEVEL_LABELS, SCOPE_LABELS } from "../report/vocabulary";
import { computeIndicator, INDICATORS, type IndicatorResult } from "../report/indicators";
import { rankable, rankOrder, type PeerGroup, type RankOrder } from "../report/ranking";

const INDICATOR_PREFIX = "indicator.";
export const indicatorByKey = new Map(INDICATORS.map((i) => [`${INDICATOR_PREFIX}${i.key}`, i]));

/** Sorting by agency name reads every matching report; a nation's year is ~30,000. */
const MAX_SORTED_ROWS = 50_000;

type CompareSort = "path" | "rank" | "value" | "agency";

export interface PageRequest extends Omit<CompareQuery, "figures" | "limit" | "offset"> {
  /** The asked keys: figures and `indicator.<key>`s; the first is the one ranked and sorted on. */
  keys: string[];
  /** The figures to read: the asked ones and every figure of the asked indicators. */
  figures: string[];
  rank: boolean;
  /**
   * When the ranking would mix scopes or peers: rank the group the reader most likely means
   * instead of refusing (single agencies' reports for a rate, the peer group with the most
   * reports for a raw count), and say which in `picked`.
   */
  pick?: boolean;
  sort: CompareSort;
  dir: "asc" | "desc";
  offset: number;
  limit: number;
}

export interface ComparePage {
  /** The rows read; `page` says which of them are on the page, in order. */
  rows: CompareRow[];
  page: number[];
  total: number;
  /** Each row's rank within its year, when a ranking was asked. */
  ranks: (number | null)[] | null;
  /** Which end ranks 1, when a ranking was asked. */
  order: RankOrder | null;
  /** The group ranked in place of a refused mix (`pick`), with the groups found. */
  picked?: PickedGroup;
}

interface PickedGroup {
  level: string | null;
  kind: string | null;
  scope: string;
  /** Why a group was picked: the matching reports mixed scopes, or (a raw count) peers. */
  reason: "mixed_scope" | "mixed_peers";
  /** The scopes found (mixed_scope) or the peer groups found, most reports first (mixed_peers). */
  scopes: string[];
  peers: PeerGroup[];
}

/** How a ranking on a figure or `indicator.<key>` runs: rank 1 is the best. */
const rankOrderOf = (key: string): RankOrder => rankOrder(indicatorByKey.get(key)?.key);

/**
 * One page of a comparison. Region order without a ranking, and any order by rank or value,
 * are ranked and cut by SQLite (`rankedPage`): a province of 10,000 agencies sends one page.
 * Sorting by agency name needs the Chinese collation, which SQLite lacks: every row is read and
 * ordered here.
 */
export async function comparePage(db: Database, request: PageRequest): Promise<ComparePage> {
  try {
    return await comparePageAsAsked(db, request);
  } catch (error) {
    const picked = request.pick ? groupToPick(error) : null;
    if (picked === null) throw error;
    const narrowed = {
      ...request,
      scope: picked.scope as PageRequest["scope"],
      ...(picked.level === null ? {} : { level: picked.level as PageRequest["level"] }),
      ...(picked.kind === null ? {} : { kind: picked.kind as PageRequest["kind"] }),
    };
    return { ...(await comparePageAsAsked(db, narrowed)), picked };
  }
}

/** The group to rank in place of a refused mix: single agencies' reports, or the largest peers. */
function groupToPick(error: unknown): PickedGroup | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === "mixed_scope") {
    const scopes = error.extra.scopes as string[];
    const scope = scopes.includes("self") ? "self" : scopes[0]!;
    return { level: null, kind: null, scope, reason: "mixed_scope", scopes, peers: [] };
  }
  if (error.code === "mixed_peers") {
    const peers = error.extra.peers as PeerGroup[];
    const { level, kind, scope } = peers[0]!;
    return { level, kind, scope, reason: "mixed_peers", scopes: [], peers };
  }
  return null;
}

async function comparePageAsAsked(db: Database, request: PageRequest): Promise<ComparePage> {
  const query: CompareQuery = { ...request, limit: request.limit, offset: request.offset };
  if (request.sort === "agency") return byAgencyName(db, request);
  if (request.sort === "path" && !request.rank) {
    const { rows, total } = await compareFigures(db, { ...query, countAll: true });
    return { rows, total, page: rows.map((_, i) => i), ranks: null, order: null };
  }
  const key = request.keys[0]!;
  const answer = await rankedPage(db, {
    ...query,
    rankOn: rankTarget(key),
    by: request.sort,
    dir: request.dir,
  });
  if (request.rank) {
    // A rate may rank across levels, never across scopes; a raw count only among peers.
    if (indicatorByKey.has(key) && answer.mixedScopes) throw mixedScope(answer.mixedScopes);
    if (!indicatorByKey.has(key) && answer.mixedPeers) {
      throw mixedPeers(await peerGroups(db, request));
    }
  }
  return {
    rows: answer.rows,
    total: answer.total,
    page: answer.rows.map((_, i) => i),
    ranks: request.rank ? answer.ranks : null,
    order: request.rank ? rankOrderOf(key) : null,
  };
}

function rankTarget(key: string): RankTarget {
  const indicator = indicatorByKey.get(key);
  const { direction } = rankOrderOf(key);
  return indicator
    ? {
        numerator: indicator.numerator,
        denominator: indicator.denominator,
        minCount: indicator.minCount,
        direction,
      }
    : { figure: key, direction };
}

const collator = new Intl.Collator("zh-CN");

async function byAgencyName(db: Database, request: PageRequest): Promise<ComparePage> {
  const { rows, total } = await compareFigures(db, {
    ...request,
    limit: MAX_SORTED_ROWS + 1,
    offset: 0,
  });
  if (total > MAX_SORTED_ROWS) {
    throw new ApiError(
      400,
      "too_many_rows",
      `按名称排序需要一次读取全部 ${total} 份报告，超过上限 ${MAX_SORTED_ROWS}；请缩小地区或年份范围`,
      `Sorting by name needs all ${total} reports at once, over the limit of ${MAX_SORTED_ROWS}; narrow the region or years`,
    );
  }
  const sign = request.dir === "asc" ? 1 : -1;
  const order = rows
    .map((_, i) => i)
    .sort((a, b) => sign * collator.compare(rows[a]!.agencyName, rows[b]!.agencyName) || a - b);
  return {
    rows,
    total,
    page: order.slice(request.offset, request.offset + request.limit),
    ranks: request.rank ? ranksInMemory(request, rows) : null,
    order: request.rank ? rankOrderOf(request.keys[0]!) : null,
  };
}

/** `rankable` over rows already read (the rule's reference implementation). */
function ranksInMemory(request: PageRequest, rows: CompareRow[]): (number | null)[] {
  const key = request.keys[0]!;
  const indicator = indicatorByKey.get(key);
  const result = rankable(
    rows.map((row) => {
      const base = {
        agency_id: row.agencyId,
        year: row.year,
        scope: row.scope,
        level: row.level,
        kind: row.kind,
      };
      if (!indicator) return { ...base, value: row.values[key] ?? null };
      const computed = computeIndicator(indicator, (figure) => row.values[figure] ?? null);
      return { ...base, value: computed.value, denominator: computed.denominator };
    }),
    { metricDefinitionKey: indicator?.key },
  );
  if (result.kind === "mixed_scope") throw mixedScope(result.scopes);
  if (result.kind === "mixed_peers") throw mixedPeers(result.peers);
  return result.ranking.map((r) => r.rank);
}

function mixedScope(scopes: string[]) {
  const named = (lang: "zh" | "en") =>
    scopes.map((scope) => labelOf(SCOPE_LABELS, scope)?.[lang] ?? scope);
  return new ApiError(
    400,
    "mixed_scope",
    `不能把全地区报告与单个机构的报告放在一起排名（范围：${named("zh").join("、")}），请选择一种范围`,
    `Whole-region reports cannot be ranked with single agencies' (scopes: ${named("en").join(", ")}); choose one with scope=`,
    { scopes },
  );
}

/** A raw count ranks only peers: the refusal names the groups found, most reports first. */
function mixedPeers(peers: PeerGroup[]) {
  const zh = peers
    .map(
      (p) =>
        `${labelOf(LEVEL_LABELS, p.level)?.zh ?? p.level}${labelOf(KIND_LABELS, p.kind)?.zh ?? p.kind}（${labelOf(SCOPE_LABELS, p.scope)?.zh ?? p.scope}）${p.reports} 份`,
    )
    .join("、");
  const en = peers.map((p) => `${p.level} ${p.kind} (${p.scope}): ${p.reports}`).join("; ");
  return new ApiError(
    400,
    "mixed_peers",
    `原始数量只能在同层级、同类型、同范围的机构之间排名，匹配的报告分属 ${peers.length} 类（${zh}）；请用 level、kind 和 scope 选定一类`,
    `A raw count is ranked only among peers of one level, kind and scope; the matching reports fall into ${peers.length} groups (${en}); choose one with level=, kind= and scope=`,
    { peers },
  );
}

/** Why a row has no rank, as the ranking table explains it. */
export function rankReason(value: unknown): "ok" | "below_min_count" | "no_data" {
  if (value === null || value === undefined) return "no_data";
  if (typeof value === "number") return "ok";
  return (value as IndicatorResult).status;
}
