/**
 * A reference model of the aggregates (sums, whole-region "topmost" reports, ledger inclusion,
 * indicators, 自报/汇总 cross-check, the region report), written from the README and the brief
 * of the whole-region commit alone: plain loops over agencies and documents, with none of the
 * Worker's SQL, cells or maintained sums. It reuses the report model only for names — the
 * templates' row and column keys and labels, the metric registry, the indicator formulas (lists
 * of figure keys) and the list of cross-checked figures.
 */

import type { ReportDocument } from "../../worker/report/document";
import { INDICATORS, type IndicatorStatus } from "../../worker/report/indicators";
import { CROSS_CHECK_FIGURES } from "../../worker/report/cross-check";
import { METRICS } from "../../worker/report/metrics";
import {
  SECTION3_COLUMNS,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  section2Rows,
  SPLIT_OTHER_ROW_KEYS,
} from "../../worker/report/templates";

export type Basis = "current" | "published";
export type Scope = "self" | "region";
export type Cell = number | null;
type Inclusion = "included" | "contained" | "covered_by_parts" | "pending" | "missing";
type ReportStatus = "draft" | "submitted" | "returned" | "approved";

export interface RefAgency {
  id: number;
  name: string;
  parentId: number | null;
  level: "province" | "city" | "county" | "township";
  kind: "government" | "department";
  scope: Scope;
  regionCode: string;
}

export interface RefReport {
  status: ReportStatus;
  /** The current revision's number. */
  revision: number;
  current: ReportDocument;
  publishedRevision: number | null;
  published: ReportDocument | null;
}

/** One run's world: its agencies and their reports for the run's one year. */
export interface World {
  year: number;
  agencies: Map<number, RefAgency>;
  reports: Map<number, RefReport>;
}

/** Which reference behaviour to break on purpose, to see the property fail (see the test). */
export type Mutant = "none" | "double_count_nested" | "printed_totals";
let mutant: Mutant = "none";
export const setMutant = (m: Mutant) => {
  mutant = m;
};

const TOTAL = 6;
const APPLICANTS = 6;

// ---------------------------------------------------------------------------------------------
// The tree

/** The agency's ancestors, nearest first; throws on a cycle (a corrupted tree). */
function ancestors(world: World, id: number): number[] {
  const out: number[] = [];
  let at = world.agencies.get(id)?.parentId ?? null;
  while (at !== null) {
    if (out.includes(at) || at === id) throw new Error(`cycle through agency ${id}`);
    out.push(at);
    at = world.agencies.get(at)?.parentId ?? null;
  }
  return out;
}

/** The materialized path the README describes: "/root/…/id/". */
export const pathOf = (world: World, id: number) =>
  `/${[...ancestors(world, id)].reverse().concat(id).join("/")}/`;

/** U and every agency below it, in path order (the order of the ledgers). */
export function subtree(world: World, under: number): number[] {
  const ids = [...world.agencies.keys()].filter(
    (id) => id === under || ancestors(world, id).includes(under),
  );
  const paths = new Map(ids.map((id) => [id, pathOf(world, id)]));
  return ids.sort((a, b) => (paths.get(a)! < paths.get(b)! ? -1 : 1));
}

function basisDoc(world: World, id: number, basis: Basis): ReportDocument | null {
  const report = world.reports.get(id);
  if (!report) return null;
  return basis === "current" ? report.current : report.published;
}

// ---------------------------------------------------------------------------------------------
// Figures of one document

/** 总计 as summed: the printed one; if blank, the applicant columns' sum when any is given. */
function effectiveTotal(cells: readonly Cell[]): { value: Cell; derived: boolean } {
  const printed = cells[TOTAL] ?? null;
  if (printed !== null || mutant === "printed_totals") return { value: printed, derived: false };
  const given = cells.slice(0, APPLICANTS).filter((c): c is number => c !== null);
  if (given.length === 0) return { value: null, derived: false };
  return { value: given.reduce((a, b) => a + b, 0), derived: true };
}

const section3Rows = (doc: ReportDocument) =>
  (doc.section3?.rows ?? {}) as Record<string, Cell[] | undefined>;

/**
 * Every figure the document holds, keyed as the API keys them, blanks as null: table 二 of its
 * template, each printed row of table 三 (seven columns), table 四, and the metrics it names.
 * `effective` puts each table-三 row's effective total in place of the printed one.
 */
export function documentFigures(doc: ReportDocument, effective: boolean): Map<string, Cell> {
  const out = new Map<string, Cell>();
  const section2 = doc.section2 as Record<string, unknown> | null | undefined;
  if (section2) {
    for (const row of section2Rows(doc.template)) {
      const value = section2[row.key];
      if (row.shape === "scalar") out.set(`section2.${row.key}`, (value as Cell) ?? null);
      else
        for (const column of row.columns)
          out.set(
            `section2.${row.key}.${column.key}`,
            ((value as Record<string, Cell> | null)?.[column.key] as Cell) ?? null,
          );
    }
  }
  for (const [row, cells] of Object.entries(section3Rows(doc))) {
    if (!cells) continue;
    SECTION3_COLUMNS.forEach((column, i) => {
      const value = i === TOTAL && effective ? effectiveTotal(cells).value : (cells[i] ?? null);
      out.set(`section3.${row}.${column.key}`, value);
    });
  }
  if (doc.section4) {
    for (const group of SECTION4_GROUPS)
      SECTION4_COLUMNS.forEach((column, i) =>
        out.set(`section4.${group.key}.${column.key}`, doc.section4![group.key][i] ?? null),
      );
  }
  for (const metric of METRICS) {
    const value = doc.metrics?.[metric.key];
    if (value !== undefined) out.set(`metrics.${metric.key}`, value);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sums

interface Sums {
  /** Every figure (table 三 with effective totals): null where every report leaves it blank. */
  figures: Map<string, Cell>;
  /** Table 三 by printed row, seven columns. */
  section3: Map<string, Cell[]>;
  /** Per row, how many summed reports had a blank printed 总计 read from the applicants. */
  derivedTotals: Map<string, number>;
  reports: number;
}

const add = (a: Cell, b: Cell): Cell => (b === null ? a : (a ?? 0) + b);

function sumDocuments(docs: readonly ReportDocument[]): Sums {
  const figures = new Map<string, Cell>();
  const section3 = new Map<string, Cell[]>();
  const derivedTotals = new Map<string, number>();
  for (const doc of docs) {
    for (const [key, value] of documentFigures(doc, true))
      figures.set(key, add(figures.get(key) ?? null, value));
    for (const [row, cells] of Object.entries(section3Rows(doc))) {
      if (!cells) continue;
      const sum = section3.get(row) ?? SECTION3_COLUMNS.map((): Cell => null);
      const total = effectiveTotal(cells);
      cells.forEach((cell, i) => (sum[i] = add(sum[i]!, i === TOTAL ? total.value : cell)));
      section3.set(row, sum);
      if (total.derived) derivedTotals.set(row, (derivedTotals.get(row) ?? 0) + 1);
    }
  }
  return { figures, section3, derivedTotals, reports: docs.length };
}

const docsOf = (world: World, ids: readonly number[], basis: Basis) =>
  ids.map((id) => basisDoc(world, id, basis)!);

// ---------------------------------------------------------------------------------------------
// Which reports a region sums

/** Own-agency reports: every self-scope agency of the subtree holding one on the basis. */
function ownReports(world: World, under: number, basis: Basis): number[] {
  return subtree(world, under).filter(
    (id) => world.agencies.get(id)!.scope === "self" && basisDoc(world, id, basis) !== null,
  );
}

const holdsRegionReport = (world: World, id: number, basis: Basis) =>
  world.agencies.get(id)!.scope === "region" && basisDoc(world, id, basis) !== null;

/** The ancestors of `id` up to and including `under`, nearest first ([] for U itself). */
function ancestorsWithin(world: World, id: number, under: number): number[] {
  if (id === under) return [];
  const chain = ancestors(world, id);
  return chain.slice(0, chain.indexOf(under) + 1);
}

/**
 * The topmost whole-region reports: region-scope holders with no region-scope holder among
 * their ancestors within the subtree (U included).
 */
function topmostRegionReports(world: World, under: number, basis: Basis): number[] {
  return subtree(world, under).filter(
    (id) =>
      holdsRegionReport(world, id, basis) &&
      (mutant === "double_count_nested" ||
        !ancestorsWithin(world, id, under).some((a) => holdsRegionReport(world, a, basis))),
  );
}

const summedReports = (world: World, under: number, scope: Scope, basis: Basis) =>
  scope === "self" ? ownReports(world, under, basis) : topmostRegionReports(world, under, basis);

function ledger(
  world: World,
  under: number,
  scope: Scope,
  basis: Basis,
): { id: number; inclusion: Inclusion }[] {
  const members = subtree(world, under).filter((id) => world.agencies.get(id)!.scope === scope);
  const holds = (id: number) => basisDoc(world, id, basis) !== null;
  const own = (id: number): Inclusion =>
    holds(id) ? "included" : world.reports.has(id) ? "pending" : "missing";
  return members.map((id) => {
    if (scope === "self") return { id, inclusion: own(id) };
    const member = (a: number) => world.agencies.get(a)!.scope === "region";
    if (ancestorsWithin(world, id, under).some((a) => member(a) && holds(a)))
      return { id, inclusion: "contained" };
    if (holds(id)) return { id, inclusion: "included" };
    const below = subtree(world, id).filter((d) => d !== id);
    if (below.some((d) => member(d) && holds(d))) return { id, inclusion: "covered_by_parts" };
    return { id, inclusion: own(id) };
  });
}

function countInclusions(entries: readonly { inclusion: Inclusion }[]) {
  const counts: Record<Inclusion, number> = {
    included: 0,
    contained: 0,
    covered_by_parts: 0,
    pending: 0,
    missing: 0,
  };
  for (const e of entries) counts[e.inclusion]++;
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Indicators and the cross-check

export interface RefIndicator {
  key: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: IndicatorStatus;
}

export function indicators(read: (figure: string) => Cell): RefIndicator[] {
  const side = (keys: readonly string[]) =>
    keys.reduce<Cell>((sum, key) => add(sum, read(key)), null);
  return INDICATORS.map((def) => {
    const numerator = side(def.numerator);
    const denominator = side(def.denominator);
    if (numerator === null || denominator === null)
      return { key: def.key, value: null, numerator, denominator, status: "no_data" };
    if (denominator < def.minCount)
      return { key: def.key, value: null, numerator, denominator, status: "below_min_count" };
    return {
      key: def.key,
      value: numerator / denominator,
      numerator,
      denominator,
      status: "ok",
    };
  });
}

export interface RefCrossCheck {
  partsReports: number;
  figures: { figure: string; own: Cell; parts: Cell; difference: Cell; large: boolean }[];
}

/**
 * The reports a region's own report sums up: walking down from U's children, every report on
 * the basis (either scope), not descending below a region-scope holder.
 */
function partsOf(world: World, under: number, basis: Basis): number[] {
  const parts: number[] = [];
  const visit = (id: number) => {
    if (basisDoc(world, id, basis) !== null) parts.push(id);
    if (holdsRegionReport(world, id, basis)) return;
    for (const child of childrenOf(world, id)) visit(child);
  };
  for (const child of childrenOf(world, under)) visit(child);
  return parts;
}

const childrenOf = (world: World, id: number) =>
  [...world.agencies.values()].filter((a) => a.parentId === id).map((a) => a.id);

function crossCheck(world: World, under: number, basis: Basis): RefCrossCheck | null {
  if (!holdsRegionReport(world, under, basis)) return null;
  const own = sumDocuments(docsOf(world, [under], basis)).figures;
  const partIds = partsOf(world, under, basis);
  const parts = sumDocuments(docsOf(world, partIds, basis)).figures;
  return {
    partsReports: partIds.length,
    figures: CROSS_CHECK_FIGURES.map((figure) => {
      const a = own.get(figure) ?? null;
      const b = parts.get(figure) ?? null;
      if (a === null || b === null)
        return { figure, own: a, parts: b, difference: null, large: false };
      const difference = a - b;
      // README's threshold: more than 5 cases and more than 10 % of the larger side.
      const large = Math.abs(difference) > 5 && Math.abs(difference) > 0.1 * Math.max(a, b);
      return { figure, own: a, parts: b, difference, large };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Answers

export interface RefRollup {
  sums: Sums;
  summed: number[];
  indicators: RefIndicator[];
  ledger: { id: number; inclusion: Inclusion }[];
  counts: Record<Inclusion, number>;
  crossCheck: RefCrossCheck | null;
}

export function rollup(
  world: World,
  query: { under: number; scope: Scope; basis: Basis },
): RefRollup {
  const summed = summedReports(world, query.under, query.scope, query.basis);
  const sums = sumDocuments(docsOf(world, summed, query.basis));
  const entries = ledger(world, query.under, query.scope, query.basis);
  return {
    sums,
    summed,
    indicators: indicators((f) => sums.figures.get(f) ?? null),
    ledger: entries,
    counts: countInclusions(entries),
    crossCheck: query.scope === "region" ? crossCheck(world, query.under, query.basis) : null,
  };
}

type State = "approved" | "submitted" | "returned" | "draft" | "missing";

/** The overview's completeness: every agency of the subtree (either scope) by level and state. */
export function completeness(world: World, under: number) {
  const byLevel: Record<string, Record<State, number>> = {};
  const totals: Record<State, number> = {
    approved: 0,
    submitted: 0,
    returned: 0,
    draft: 0,
    missing: 0,
  };
  const missing: number[] = [];
  for (const id of subtree(world, under)) {
    const agency = world.agencies.get(id)!;
    const state: State = world.reports.get(id)?.status ?? "missing";
    const level = (byLevel[agency.level] ??= {
      approved: 0,
      submitted: 0,
      returned: 0,
      draft: 0,
      missing: 0,
    });
    level[state]++;
    totals[state]++;
    if (state === "missing") missing.push(id);
  }
  return { byLevel, totals, agencies: subtree(world, under).length, missing };
}

/**
 * One figure of one report as comparisons read it: table 三's 总计 as summed (effective), every
 * other cell as printed.
 */
export function reportFigure(doc: ReportDocument, figure: string): Cell {
  const [table, row, column] = figure.split(".");
  if (table === "section3" && column === "total") {
    const cells = section3Rows(doc)[row!];
    return cells ? effectiveTotal(cells).value : null;
  }
  return documentFigures(doc, false).get(figure) ?? null;
}

/** The comparison's rows: every agency of the subtree with a report on the basis, path order. */
export function compareRows(world: World, under: number, basis: Basis) {
  return subtree(world, under)
    .filter((id) => basisDoc(world, id, basis) !== null)
    .map((id) => ({ id, doc: basisDoc(world, id, basis)!, status: world.reports.get(id)!.status }));
}

/** Table 二 keys of the 2021 template, as the region report sums them (stocks left blank). */
function regionReportSection2(sums: Sums): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const row of section2Rows("2021")) {
    if (row.shape === "scalar")
      out.set(`section2.${row.key}`, sums.figures.get(`section2.${row.key}`) ?? null);
    else
      for (const column of row.columns) {
        const key = `section2.${row.key}.${column.key}`;
        out.set(key, column.key === "valid" ? null : (sums.figures.get(key) ?? null));
      }
  }
  return out;
}

/** The （六） total: the three split rows and the single-layout row, column by column. */
function otherProcessingTotal(sums: Sums): Cell[] {
  const rows = [...SPLIT_OTHER_ROW_KEYS, "other_processing"].map((key) => sums.section3.get(key));
  return SECTION3_COLUMNS.map((_, i) =>
    rows.reduce<Cell>((s, row) => add(s, row?.[i] ?? null), null),
  );
}

export function regionReport(world: World, query: { under: number; scope: Scope }) {
  const result = rollup(world, { ...query, basis: "published" });
  const templates = { "2021": 0, "2019": 0 };
  for (const entry of result.ledger)
    if (entry.inclusion === "included")
      templates[world.reports.get(entry.id)!.published!.template]++;
  return {
    ...result,
    section2: regionReportSection2(result.sums),
    otherProcessingTotal: otherProcessingTotal(result.sums),
    templates,
    // The region report's own report is asked whatever the scope of the sums.
    ownReport: crossCheck(world, query.under, "published"),
  };
}

/** The bulk download's figures for one published report: as printed, blanks null. */
export const bulkFigures = (doc: ReportDocument) => documentFigures(doc, false);
