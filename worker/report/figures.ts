/**
 * Every single number a report can hold, addressed by a stable figure key:
 * `section2.regulations.made`, `section2.fees_wan_yuan`, `section3.new_received.total`,
 * `section4.reconsideration.corrected`, `metrics.website_visits`.
 */

import { AMOUNT_DECIMALS, type ReportDocument } from "./document";
import { METRICS, type MetricKey } from "./metrics";
import {
  SECTION2_2019_ROWS,
  SECTION2_2021_ROWS,
  SECTION3_APPLICANT_COLUMN_COUNT,
  SECTION3_COLUMNS,
  SECTION3_ROWS,
  SECTION3_TOTAL_INDEX,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  section2Rows,
  section3RowFullLabel,
  section4GroupFullLabel,
  type FigureKind,
  type Section3ColumnKey,
  type Section3RowKey,
  type Section4ColumnKey,
  type Section4GroupKey,
  type Template,
} from "./templates";

type Section2FigureKeyOf<R> = R extends { key: infer K extends string; shape: "scalar" }
  ? `section2.${K}`
  : R extends { key: infer K extends string; columns: readonly (infer C)[] }
    ? C extends { key: infer CK extends string }
      ? `section2.${K}.${CK}`
      : never
    : never;

type Section2FigureKey =
  | Section2FigureKeyOf<(typeof SECTION2_2021_ROWS)[number]>
  | Section2FigureKeyOf<(typeof SECTION2_2019_ROWS)[number]>;
type Section3FigureKey = `section3.${Section3RowKey}.${Section3ColumnKey}`;
type Section4FigureKey = `section4.${Section4GroupKey}.${Section4ColumnKey}`;
type MetricFigureKey = `metrics.${MetricKey}`;
export type FigureKey = Section2FigureKey | Section3FigureKey | Section4FigureKey | MetricFigureKey;

export type FigureTable = "二" | "三" | "四" | "metrics";

export interface FigureDef {
  key: FigureKey;
  table: FigureTable;
  label: string;
  labelEn: string;
  unit: string;
  unitEn: string;
  kind: FigureKind;
  /** Only 本年增/减 of the 2019 table 二 may be negative. */
  signed: boolean;
  /** The template whose table 二 holds the figure; null for figures every template holds. */
  template: Template | null;
}

type Locator =
  | { table: "二"; template: Template; row: string; column: string | null }
  | { table: "三"; row: Section3RowKey; index: number }
  | { table: "四"; group: Section4GroupKey; index: number }
  | { table: "metrics"; metric: MetricKey };

interface Entry {
  def: FigureDef;
  at: Locator;
}

function section2Entries(template: Template): Entry[] {
  const entries: Entry[] = [];
  for (const row of section2Rows(template)) {
    if (row.shape === "scalar") {
      entries.push({
        def: {
          key: `section2.${row.key}` as FigureKey,
          table: "二",
          label: `表二 ${row.label} · ${row.column.label}`,
          labelEn: `Table 2 ${row.labelEn} · ${row.column.labelEn}`,
          unit: row.column.unit,
          unitEn: row.column.unitEn,
          kind: row.column.kind,
          signed: row.column.signed ?? false,
          template,
        },
        at: { table: "二", template, row: row.key, column: null },
      });
      continue;
    }
    for (const column of row.columns) {
      entries.push({
        def: {
          key: `section2.${row.key}.${column.key}` as FigureKey,
          table: "二",
          label: `表二 ${row.label} · ${column.label}`,
          labelEn: `Table 2 ${row.labelEn} · ${column.labelEn}`,
          unit: column.unit,
          unitEn: column.unitEn,
          kind: column.kind,
          signed: column.signed ?? false,
          template,
        },
        at: { table: "二", template, row: row.key, column: column.key },
      });
    }
  }
  return entries;
}

function section3Entries(): Entry[] {
  return SECTION3_ROWS.flatMap((row) => {
    const rowLabel = section3RowFullLabel(row.key);
    return SECTION3_COLUMNS.map((column, index): Entry => ({
      def: {
        key: `section3.${row.key}.${column.key}`,
        table: "三",
        label: `表三 ${rowLabel.label} · ${column.label}`,
        labelEn: `Table 3 ${rowLabel.labelEn} · ${column.labelEn}`,
        unit: "件",
        unitEn: "applications",
        kind: "count",
        signed: false,
        template: null,
      },
      at: { table: "三", row: row.key, index },
    }));
  });
}

function section4Entries(): Entry[] {
  return SECTION4_GROUPS.flatMap((group) => {
    const groupLabel = section4GroupFullLabel(group.key);
    return SECTION4_COLUMNS.map((column, index): Entry => ({
      def: {
        key: `section4.${group.key}.${column.key}`,
        table: "四",
        label: `表四 ${groupLabel.label} · ${column.label}`,
        labelEn: `Table 4 ${groupLabel.labelEn} · ${column.labelEn}`,
        unit: "件",
        unitEn: "cases",
        kind: "count",
        signed: false,
        template: null,
      },
      at: { table: "四", group: group.key, index },
    }));
  });
}

function metricEntries(): Entry[] {
  return METRICS.map((metric): Entry => ({
    def: {
      key: `metrics.${metric.key}`,
      table: "metrics",
      label: metric.label,
      labelEn: metric.labelEn,
      unit: metric.unit,
      unitEn: metric.unitEn,
      kind: metric.kind,
      signed: false,
      template: null,
    },
    at: { table: "metrics", metric: metric.key },
  }));
}

const SHARED_ENTRIES: readonly Entry[] = [
  ...section3Entries(),
  ...section4Entries(),
  ...metricEntries(),
];
const ENTRIES_BY_TEMPLATE: Record<Template, readonly Entry[]> = {
  "2021": [...section2Entries("2021"), ...SHARED_ENTRIES],
  "2019": [...section2Entries("2019"), ...SHARED_ENTRIES],
};
const ALL_ENTRIES: readonly Entry[] = [
  ...section2Entries("2021"),
  ...section2Entries("2019"),
  ...SHARED_ENTRIES,
];
const ENTRY_BY_KEY: ReadonlyMap<string, Entry> = new Map(ALL_ENTRIES.map((e) => [e.def.key, e]));

/**
 * Every figure, in printed order (table 二, 三 with both layouts of （六）, 四, then the metrics).
 * With a template, table 二 is that template's only.
 */
export function listFigures(template?: Template): FigureDef[] {
  const entries = template ? ENTRIES_BY_TEMPLATE[template] : ALL_ENTRIES;
  return entries.map((e) => ({ ...e.def }));
}

export function isFigureKey(s: string): s is FigureKey {
  return ENTRY_BY_KEY.has(s);
}

export function figureDef(key: FigureKey): FigureDef {
  return { ...entryOf(key).def };
}

const AMOUNT_SCALE = 10 ** AMOUNT_DECIMALS;

/**
 * A sum at its figure's declared precision: 万元 to four places, counts whole. Decimals summed
 * (and withdrawn) in binary floating point drift: 185.6485 comes out as 185.64849999999998.
 */
export function atDeclaredPrecision(key: string, value: number): number {
  const kind = ENTRY_BY_KEY.get(key)?.def.kind;
  if (kind === undefined) return value;
  return kind === "amount" ? Math.round(value * AMOUNT_SCALE) / AMOUNT_SCALE : Math.round(value);
}

function entryOf(key: FigureKey): Entry {
  const entry = ENTRY_BY_KEY.get(key);
  if (!entry) throw new Error(`unknown figure key: ${key}`);
  return entry;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === "number" ? value : null;
}

function readSection2(doc: ReportDocument, at: Extract<Locator, { table: "二" }>): number | null {
  if (doc.template !== at.template || !doc.section2) return null;
  // Table 二 differs per template; the key was generated from that template's rows, so walking
  // the plain object by name is safe.
  const row: unknown = (doc.section2 as Record<string, unknown>)[at.row];
  if (at.column === null) return numberOrNull(row);
  if (row === null || typeof row !== "object") return null;
  return numberOrNull((row as Record<string, unknown>)[at.column]);
}

function readAt(doc: ReportDocument, at: Locator): number | null {
  switch (at.table) {
    case "二":
      return readSection2(doc, at);
    case "三":
      return doc.section3?.rows[at.row]?.[at.index] ?? null;
    case "四":
      return doc.section4?.[at.group][at.index] ?? null;
    case "metrics":
      return doc.metrics?.[at.metric] ?? null;
  }
}

/** The figure's value; null when blank, absent, or not part of the document's template. */
export function readFigure(doc: ReportDocument, key: FigureKey): number | null {
  return readAt(doc, entryOf(key).at);
}

/**
 * Like `readFigure`, but a blank 总计 in table 三 is taken as the sum of its row's applicant
 * columns: the 2019 layout leaves 总计 blank on every outcome row, and a dashboard would otherwise
 * read those rows as unknown.
 */
export function readFigureWithTotals(doc: ReportDocument, key: FigureKey): number | null {
  const { at } = entryOf(key);
  const value = readAt(doc, at);
  if (value !== null || at.table !== "三" || at.index !== SECTION3_TOTAL_INDEX) return value;
  const parts = doc.section3?.rows[at.row]?.slice(0, SECTION3_APPLICANT_COLUMN_COUNT) ?? [];
  if (parts.every((c) => c === null || c === undefined)) return null;
  return parts.reduce<number>((sum, c) => sum + (c ?? 0), 0);
}

function isHeld(doc: ReportDocument, at: Locator): boolean {
  switch (at.table) {
    case "二":
      return doc.template === at.template && doc.section2 !== null && doc.section2 !== undefined;
    case "三":
      return doc.section3?.rows[at.row] !== undefined;
    case "四":
      return doc.section4 !== null && doc.section4 !== undefined;
    case "metrics":
      return doc.metrics?.[at.metric] !== undefined;
  }
}

/**
 * The figures the document holds, in `listFigures` order. Absent rows and sections are left out;
 * blank cells are present with null.
 */
export function flattenFigures(doc: ReportDocument): Map<FigureKey, number | null> {
  const out = new Map<FigureKey, number | null>();
  for (const { def, at } of ENTRIES_BY_TEMPLATE[doc.template]) {
    if (isHeld(doc, at)) out.set(def.key, readAt(doc, at));
  }
  return out;
}

function blankSection2(template: Template): Record<string, unknown> {
  return Object.fromEntries(
    section2Rows(template).map((row) => [
      row.key,
      row.shape === "scalar" ? null : Object.fromEntries(row.columns.map((c) => [c.key, null])),
    ]),
  );
}

function blankCells(length: number): (number | null)[] {
  return Array.from({ length }, () => null);
}

function writeAt(doc: ReportDocument, at: Locator, value: number | null): ReportDocument {
  switch (at.table) {
    case "二": {
      const section2 = (doc.section2 ?? blankSection2(at.template)) as Record<string, unknown>;
      const old: unknown = section2[at.row];
      const row =
        at.column === null
          ? value
          : { ...(old !== null && typeof old === "object" ? old : {}), [at.column]: value };
      // The key was generated from this template's rows (checked by the caller), so the shape holds.
      return { ...doc, section2: { ...section2, [at.row]: row } } as ReportDocument;
    }
    case "三": {
      const rows = doc.section3?.rows ?? {};
      const cells = [...(rows[at.row] ?? blankCells(SECTION3_COLUMNS.length))];
      cells[at.index] = value;
      return { ...doc, section3: { ...doc.section3, rows: { ...rows, [at.row]: cells } } };
    }
    case "四": {
      const blank = blankCells(SECTION4_COLUMNS.length);
      const section4 = doc.section4 ?? {
        reconsideration: blank,
        litigation_direct: blank,
        litigation_after_reconsideration: blank,
      };
      const cells = [...section4[at.group]];
      cells[at.index] = value;
      return { ...doc, section4: { ...section4, [at.group]: cells } };
    }
    case "metrics":
      return { ...doc, metrics: { ...doc.metrics, [at.metric]: value } };
  }
}

/**
 * The document with one figure set. Immutable, and everything not on the figure's path keeps its
 * identity (so a form re-renders only the changed row); an unchanged value returns `doc` itself.
 * An absent row or section is created with blank (null) cells around the written one. A table-二
 * key of the other template throws: that figure has no place in the document.
 *
 * Validity is not checked here (a negative count is written as given): that is the rules' job.
 *
 * @example writeFigure(doc, "section3.granted.natural_person", 12)
 */
export function writeFigure<T extends ReportDocument>(
  doc: T,
  key: FigureKey,
  value: number | null,
): T {
  const { at } = entryOf(key);
  if (at.table === "二" && at.template !== doc.template) {
    throw new Error(`${key} belongs to the ${at.template} template, not ${doc.template}`);
  }
  if (isHeld(doc, at) && readAt(doc, at) === value) return doc;
  return writeAt(doc, at, value) as T;
}
