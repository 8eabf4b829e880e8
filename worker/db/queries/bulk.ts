import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { SECTION3_CELL_COLUMNS } from "../cells";
import { METRICS } from "../../report/metrics";
import {
  SECTION3_COLUMNS,
  SECTION3_ROWS,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  TEMPLATES,
  section2Rows,
  section3RowFullLabel,
  section4GroupFullLabel,
  type Template,
} from "../../report/templates";

/**
 * Reports per D1 query of the bulk download: ~250 × 215 figures ≈ 16,000 result rows. A
 * nation's year (30,000 reports) is then 120 queries and even 200,000 reports stay under
 * D1's 1,000 queries per Worker invocation.
 */
export const BULK_PAGE_SIZE = 250;

/** The figure key's first segment, which names the table the figure is printed in. */
export const BULK_TABLES = ["section2", "section3", "section4", "metrics"] as const;
export type BulkTable = (typeof BULK_TABLES)[number];

export const BULK_TABLE_LABELS: Record<BulkTable, string> = {
  section2: "表二",
  section3: "表三",
  section4: "表四",
  metrics: "其他指标",
};

/**
 * Where one figure sits in the printed report: its key split into table, row and column (empty
 * for a row holding a single figure: table 二's scalar rows and the metrics), with the official
 * labels. `rowLabel` of table 三 and 四 carries the heading the row sits under.
 */
export interface FigureSlot {
  key: string;
  table: string;
  tableLabel: string;
  row: string;
  rowLabel: string;
  column: string;
  columnLabel: string;
  unit: string;
}

function slot(
  table: BulkTable,
  row: string,
  column: string,
  labels: { row: string; column: string; unit: string },
): FigureSlot {
  return {
    key: column ? `${table}.${row}.${column}` : `${table}.${row}`,
    table,
    tableLabel: BULK_TABLE_LABELS[table],
    row,
    rowLabel: labels.row,
    column,
    columnLabel: labels.column,
    unit: labels.unit,
  };
}

const labelOf = (column: { label: string; unit: string }) => ({
  column: column.label,
  unit: column.unit,
});

/** Every figure a report of `template` can hold, in printed order (as `listFigures`). */
function layout(template: Template): FigureSlot[] {
  const slots: FigureSlot[] = [];
  for (const row of section2Rows(template)) {
    if (row.shape === "scalar") {
      // The one printed column has no key of its own, but its heading is worth keeping.
      slots.push(slot("section2", row.key, "", { row: row.label, ...labelOf(row.column) }));
      continue;
    }
    for (const column of row.columns)
      slots.push(slot("section2", row.key, column.key, { row: row.label, ...labelOf(column) }));
  }
  for (const row of SECTION3_ROWS) {
    const label = section3RowFullLabel(row.key).label;
    for (const column of SECTION3_COLUMNS)
      slots.push(
        slot("section3", row.key, column.key, { row: label, column: column.label, unit: "件" }),
      );
  }
  for (const group of SECTION4_GROUPS) {
    const label = section4GroupFullLabel(group.key).label;
    for (const column of SECTION4_COLUMNS)
      slots.push(
        slot("section4", group.key, column.key, { row: label, column: column.label, unit: "件" }),
      );
  }
  for (const metric of METRICS)
    slots.push(
      slot("metrics", metric.key, "", { row: metric.label, column: "", unit: metric.unit }),
    );
  return slots;
}

export const FIGURE_LAYOUT: Record<Template, readonly FigureSlot[]> = {
  "2021": layout("2021"),
  "2019": layout("2019"),
};

const SLOT_BY_KEY: ReadonlyMap<string, FigureSlot> = new Map(
  TEMPLATES.flatMap((template) => FIGURE_LAYOUT[template].map((s) => [s.key, s] as const)),
);

/**
 * A figure key the templates do not know (a metric a province registered, a key of a later
 * format) is still written, split the same way, without labels.
 */
function figureSlot(key: string): FigureSlot {
  const known = SLOT_BY_KEY.get(key);
  if (known) return known;
  const [table = "", row = "", ...column] = key.split(".");
  return {
    key,
    table,
    tableLabel: BULK_TABLE_LABELS[table as BulkTable] ?? "",
    row,
    rowLabel: "",
    column: column.join("."),
    columnLabel: "",
    unit: "",
  };
}

export interface BulkReport {
  agencyId: number;
  agencyName: string;
  regionCode: string;
  level: string;
  kind: string;
  scope: string;
  year: number;
  /** The published revision's template (a correction may have switched formats). */
  template: string;
  /** Every figure the published revision holds, blanks (null) included, in printed order. */
  figures: { slot: FigureSlot; value: number | null }[];
}

export interface BulkPageQuery {
  year: number;
  /** Keyset: the page starts after this agency id. */
  after: number;
  limit: number;
}

export interface BulkPage {
  reports: BulkReport[];
  /** The `after` of the next page; null on the last one. */
  next: number | null;
}

const CELL_NULLS = sql.raw(SECTION3_CELL_COLUMNS.map((c) => `NULL AS ${c}`).join(", "));
const CELL_VALUES = sql.raw(SECTION3_CELL_COLUMNS.map((c) => `c.${c}`).join(", "));
const NO_CELLS = sql.raw(SECTION3_CELL_COLUMNS.map(() => "NULL").join(", "));

/**
 * One page of a year's published reports, in agency-id order, with all their figures, as a
 * single statement: the page's reports (with their agency) and the figures of their published
 * revisions, told apart by `part`. `+r.year` keeps SQLite from the year index, which would sort
 * every report of the year on each page: it walks the (agency, year) index from the keyset
 * instead, so all the pages together read that index once.
 */
export async function readBulkPage(db: Database, query: BulkPageQuery): Promise<BulkPage> {
  const rows = await db.all<Record<string, unknown>>(sql`
    WITH page AS (
      SELECT r.agency_id, r.published_revision_id AS revision_id,
             CASE WHEN r.published_revision_id = r.current_revision_id THEN r.template
                  ELSE (SELECT json_extract(v.document, '$.template') FROM report_revisions v
                        WHERE v.id = r.published_revision_id) END AS template
      FROM reports r
      WHERE +r.year = ${query.year} AND r.agency_id > ${query.after}
        AND r.published_revision_id IS NOT NULL
      ORDER BY r.agency_id
      LIMIT ${query.limit}
    )
    SELECT 0 AS part, page.agency_id, page.template, a.name AS agency_name, a.region_code,
           a.level, a.kind, a.scope, NULL AS figure, NULL AS value, ${CELL_NULLS}
      FROM page JOIN agencies a ON a.id = page.agency_id
    UNION ALL
    SELECT 1, page.agency_id, NULL, NULL, NULL, NULL, NULL, NULL, c.row_key, NULL, ${CELL_VALUES}
      FROM page CROSS JOIN section3_cells c ON c.revision_id = page.revision_id
    UNION ALL
    SELECT 2, page.agency_id, NULL, NULL, NULL, NULL, NULL, NULL, f.figure, f.value, ${NO_CELLS}
      FROM page CROSS JOIN figure_values f ON f.revision_id = page.revision_id`);

  const values = new Map<number, Map<string, number | null>>();
  const reports: (Omit<BulkReport, "figures"> & { values: Map<string, number | null> })[] = [];
  for (const row of rows) {
    if (row.part !== 0) continue;
    const own = new Map<string, number | null>();
    values.set(row.agency_id as number, own);
    reports.push({
      agencyId: row.agency_id as number,
      agencyName: row.agency_name as string,
      regionCode: row.region_code as string,
      level: row.level as string,
      kind: row.kind as string,
      scope: row.scope as string,
      year: query.year,
      template: row.template as string,
      values: own,
    });
  }
  for (const row of rows) {
    const own = values.get(row.agency_id as number);
    if (row.part === 1 && own) {
      SECTION3_CELL_COLUMNS.forEach((column) =>
        own.set(
          `section3.${row.figure as string}.${column}`,
          (row[column] as number | null) ?? null,
        ),
      );
    } else if (row.part === 2 && own) {
      own.set(row.figure as string, (row.value as number | null) ?? null);
    }
  }
  reports.sort((a, b) => a.agencyId - b.agencyId);
  return {
    reports: reports.map(({ values: own, ...report }) => ({
      ...report,
      figures: orderedFigures(report.template, own),
    })),
    next: reports.length === query.limit ? reports.at(-1)!.agencyId : null,
  };
}

/** The template's figures in printed order, then any the templates do not know, by key. */
function orderedFigures(template: string, values: Map<string, number | null>) {
  const figures: BulkReport["figures"] = [];
  const layout = FIGURE_LAYOUT[template as Template] ?? [];
  const placed = new Set<string>();
  for (const slot of layout) {
    if (!values.has(slot.key)) continue;
    figures.push({ slot, value: values.get(slot.key)! });
    placed.add(slot.key);
  }
  if (placed.size < values.size) {
    const rest = [...values.keys()].filter((key) => !placed.has(key)).sort();
    for (const key of rest) figures.push({ slot: figureSlot(key), value: values.get(key)! });
  }
  return figures;
}

/** A year's published reports, page after page; only pages with reports are yielded. */
export async function* publishedYearPages(
  db: Database,
  year: number,
  pageSize = BULK_PAGE_SIZE,
): AsyncGenerator<BulkReport[], void, undefined> {
  let after: number | null = 0;
  while (after !== null) {
    const page: BulkPage = await readBulkPage(db, { year, after, limit: pageSize });
    if (page.reports.length > 0) yield page.reports;
    after = page.next;
  }
}

export interface PublishedYear {
  /** The newest publication of the year's reports: the version of the year's data. */
  version: number;
  /** When it was published (ISO 8601). */
  publishedAt: string;
}

/** The year's newest publication; null when none of its reports is published. */
export async function publishedYear(db: Database, year: number): Promise<PublishedYear | null> {
  const row = await db.get<{ version: number | null; published_at: string | null }>(sql`
    SELECT MAX(p.id) AS version, MAX(p.published_at) AS published_at
    FROM reports r CROSS JOIN publications p ON p.report_id = r.id
    WHERE r.year = ${year} AND r.published_revision_id IS NOT NULL`);
  if (!row || row.version === null || row.published_at === null) return null;
  return { version: row.version, publishedAt: row.published_at };
}
