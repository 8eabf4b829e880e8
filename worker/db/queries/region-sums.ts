import { sql, type SQL } from "drizzle-orm";
import { derivedTotalSql, SECTION3_CELL_COLUMNS, summedCellSql } from "../cells";
import type { SumBasis } from "../schema";

/**
 * Maintained sums (table `region_sums`): each figure summed over a region's own-agency (`self`)
 * reports, per year and basis, changed by the same transaction that changes what they sum —
 * a save (basis `current`), an approval (basis `published`), an agency moved or re-scoped.
 *
 * Whole-region reports are not kept here: they nest (a city's report contains its districts'),
 * so a region's figure is its topmost whole-region reports' sum (README, "Scope"), which
 * depends on which reports exist above and below and is read from a handful of reports
 * (rollup.ts, `topmostRegionReports`). Own-agency reports never nest, so they add up.
 *
 * Kept for top-level agencies and for provincial and city governments: the subtrees whose
 * read-time rollup is costly (a province is 3,000–15,000 reports, SCALE.md). A county's
 * ~60 agencies are summed at read time in a few milliseconds, and keeping every government's
 * sums would multiply the table by ten.
 */
const isMaintainedRoot = (alias: string) =>
  sql.raw(
    `(${alias}.parent_id IS NULL OR (${alias}.kind = 'government' AND ${alias}.level IN ('province', 'city')))`,
  );

export function maintainsSums(agency: { parentId: number | null; kind: string; level: string }) {
  return (
    agency.parentId === null ||
    (agency.kind === "government" && (agency.level === "province" || agency.level === "city"))
  );
}

/** The revision a basis sums, as a column of `reports`. */
const basisRevision = (basis: SumBasis) =>
  sql.raw(basis === "published" ? "published_revision_id" : "current_revision_id");

/**
 * Table 三's columns as summed, plus `derived`: how many reports' 总计 of the row was derived
 * from the applicant columns (report/effective-total.ts), kept as the figure
 * `section3.<row>.derived` so an answer can say so.
 */
const SUMMED_COLUMNS = [...SECTION3_CELL_COLUMNS, "derived"] as const;
const summed = (column: (typeof SUMMED_COLUMNS)[number]) =>
  column === "derived" ? derivedTotalSql("c") : summedCellSql("c", column);

const cellColumn = sql.join(
  [
    sql`CASE col.column1`,
    ...SUMMED_COLUMNS.map((c) => sql`WHEN ${sql.raw(`'${c}'`)} THEN ${summed(c)}`),
    sql`END`,
  ],
  sql` `,
);
const cellColumns = sql.raw(`(VALUES ${SUMMED_COLUMNS.map((c) => `('${c}')`).join(", ")})`);

const wideSums = sql.join(
  SUMMED_COLUMNS.map(
    (c) =>
      sql`COALESCE(SUM(${summed(c)}), 0) AS ${sql.raw(`s_${c}`)}, COUNT(${summed(c)}) AS ${sql.raw(`n_${c}`)}`,
  ),
  sql`, `,
);
const wideColumn = (prefix: string) =>
  sql.raw(
    `CASE col.column1 ${SUMMED_COLUMNS.map((c) => `WHEN '${c}' THEN ${prefix}${c}`).join(" ")} END`,
  );

export interface SumChange {
  /** The agency whose chain of ancestors (itself included) the change reaches. */
  from: SQL | number;
  basis: SumBasis;
  /** A SELECT of (year, scope, revision_id, sign): revisions whose figures are added (1) or withdrawn (-1). */
  sources: SQL;
}

/**
 * One statement that adds the figures of `sources` to the maintained regions on the chain
 * from `from` upwards. The chain is walked by `parent_id` (a handful of primary-key lookups);
 * every figure of table 三 is unpivoted to the figure key the rest of the model uses.
 *
 * Only the sums that change are written: a figure whose added and withdrawn values cancel
 * (an autosave changes one cell of ~210, the rest come in and go out alike) is left as it is,
 * unless its row does not exist yet, which is created as before. Without this, every save
 * rewrote some 400 rows per maintained region for the one that moved.
 */
export function changeRegionSums(change: SumChange): SQL {
  const maintained = isMaintainedRoot("a");
  return sql`WITH RECURSIVE
      chain(id, parent_id, maintained) AS (
        SELECT a.id, a.parent_id, ${maintained} FROM agencies a WHERE a.id = ${change.from}
        UNION ALL
        SELECT a.id, a.parent_id, ${maintained} FROM agencies a JOIN chain ON a.id = chain.parent_id
      ),
      src(year, scope, revision_id, sign) AS (
        SELECT * FROM (${change.sources}) WHERE scope = 'self'
      ),
      vals(year, scope, figure, value, sign) AS (
        SELECT src.year, src.scope, f.figure, f.value, src.sign
        FROM src CROSS JOIN figure_values f ON f.revision_id = src.revision_id
        UNION ALL
        SELECT src.year, src.scope, 'section3.' || c.row_key || '.' || col.column1, ${cellColumn}, src.sign
        FROM src CROSS JOIN section3_cells c ON c.revision_id = src.revision_id
        CROSS JOIN ${cellColumns} col
      )
    INSERT INTO region_sums (root_id, year, basis, scope, figure, total, reported)
    SELECT chain.id, vals.year, ${change.basis}, vals.scope, vals.figure,
           COALESCE(SUM(vals.sign * vals.value), 0), SUM(vals.sign * (vals.value IS NOT NULL))
    FROM chain CROSS JOIN vals
    WHERE chain.maintained
    GROUP BY chain.id, vals.year, vals.scope, vals.figure
    HAVING SUM(vals.sign * vals.value) <> 0 OR SUM(vals.sign * (vals.value IS NOT NULL)) <> 0
      OR NOT EXISTS (SELECT 1 FROM region_sums s WHERE s.root_id = chain.id AND s.year = vals.year
        AND s.basis = ${change.basis} AND s.scope = vals.scope AND s.figure = vals.figure)
    ON CONFLICT (root_id, year, basis, scope, figure) DO UPDATE
      SET total = total + excluded.total, reported = reported + excluded.reported`;
}

/** (year, scope, revision_id, sign) of one report's revisions: the new one added, the old withdrawn. */
export function reportSources(
  agencyId: number,
  year: number,
  revisions: { revision: SQL | number; sign: 1 | -1 }[],
): SQL {
  return sql.join(
    revisions.map(
      ({ revision, sign }) =>
        sql`SELECT r.year, a.scope, ${revision}, ${sign}
            FROM reports r JOIN agencies a ON a.id = r.agency_id
            WHERE r.agency_id = ${agencyId} AND r.year = ${year}`,
    ),
    sql` UNION ALL `,
  );
}

/** (year, scope, revision_id, sign) of every report in an agency's subtree on one basis. */
function subtreeSources(agencyId: number, basis: SumBasis, sign: 1 | -1): SQL {
  const root = sql`(SELECT root.path FROM agencies root WHERE root.id = ${agencyId})`;
  const revision = basisRevision(basis);
  return sql`SELECT r.year, a.scope, r.${revision}, ${sign}
      FROM agencies a CROSS JOIN reports r ON r.agency_id = a.id
      WHERE a.path >= ${root} AND a.path < ${root} || ${"\uffff"} AND r.${revision} IS NOT NULL`;
}

/**
 * The statements that withdraw an agency's subtree from its chain before it is moved,
 * re-scoped or re-levelled, and add it back after: between them the caller changes the row.
 */
export function subtreeSumsAround(agencyId: number): { before: SQL[]; after: SQL[] } {
  const bases: SumBasis[] = ["current", "published"];
  return {
    before: bases.map((basis) =>
      changeRegionSums({ from: agencyId, basis, sources: subtreeSources(agencyId, basis, -1) }),
    ),
    after: bases.map((basis) =>
      changeRegionSums({ from: agencyId, basis, sources: subtreeSources(agencyId, basis, 1) }),
    ),
  };
}

/**
 * Every maintained sum computed afresh from the reports — for a database filled by other means
 * than the Worker (the bench's generator, migration 0004 on existing data).
 */
export function rebuildRegionSums(): SQL[] {
  const maintained = isMaintainedRoot("root");
  const rebuild = (basis: SumBasis) => {
    const revision = basisRevision(basis);
    const inRoot = sql`a.path >= root.path AND a.path < root.path || ${"\uffff"} AND a.scope = 'self'`;
    return [
      sql`INSERT INTO region_sums (root_id, year, basis, scope, figure, total, reported)
          SELECT root.id, r.year, ${basis}, a.scope, f.figure, COALESCE(SUM(f.value), 0), COUNT(f.value)
          FROM agencies root CROSS JOIN agencies a ON ${inRoot}
          CROSS JOIN reports r ON r.agency_id = a.id
          CROSS JOIN figure_values f ON f.revision_id = r.${revision}
          WHERE ${maintained}
          GROUP BY root.id, r.year, a.scope, f.figure`,
      // Summed wide (seven sums per printed row), then unpivoted: 7× fewer rows to group.
      sql`INSERT INTO region_sums (root_id, year, basis, scope, figure, total, reported)
          SELECT g.root_id, g.year, ${basis}, g.scope, 'section3.' || g.row_key || '.' || col.column1,
                 ${wideColumn("g.s_")}, ${wideColumn("g.n_")}
          FROM (
            SELECT root.id AS root_id, r.year, a.scope, c.row_key, ${wideSums}
            FROM agencies root CROSS JOIN agencies a ON ${inRoot}
            CROSS JOIN reports r ON r.agency_id = a.id
            CROSS JOIN section3_cells c ON c.revision_id = r.${revision}
            WHERE ${maintained}
            GROUP BY root.id, r.year, a.scope, c.row_key
          ) g CROSS JOIN ${cellColumns} col
          WHERE true`,
    ];
  };
  return [sql`DELETE FROM region_sums`, ...rebuild("current"), ...rebuild("published")];
}

/** Table figures summed over reports: what a rollup and the maintained region sums read as. */
export interface RollupSums {
  section3: Record<string, (number | null)[]>;
  /** Per printed row, how many summed reports' 总计 was derived from the applicant columns. */
  derivedTotals: Record<string, number>;
  figures: Record<string, { sum: number | null; reported: number }>;
  /** Per figure key (table 三 cells included), how many summed reports give it a value. */
  counts: Record<string, number>;
}

export interface RegionSumsQuery {
  year: number;
  basis: SumBasis;
  /** The maintained region; none for the whole country (every top-level agency). */
  under?: number;
}

/** The maintained sums of one region (or the country) for a year, as one statement. */
export function regionSumsStatement(query: RegionSumsQuery): SQL {
  const roots =
    query.under === undefined
      ? sql`root_id IN (SELECT id FROM agencies WHERE parent_id IS NULL)`
      : sql`root_id = ${query.under}`;
  return sql`SELECT figure, SUM(total) AS total, SUM(reported) AS reported
      FROM region_sums
      WHERE ${roots} AND year = ${query.year} AND basis = ${query.basis} AND scope = 'self'
      GROUP BY figure`;
}

/** Sums that add and withdraw decimals drift by float rounding; figures carry ≤ 4 decimals. */
const settle = (value: number) => Math.round(value * 1e6) / 1e6;

/** The statement's rows in the rollup's shape: table 三 by printed row, the other figures by key. */
export function readRegionSums(result: D1Result | undefined): RollupSums {
  const section3: RollupSums["section3"] = {};
  const derivedTotals: RollupSums["derivedTotals"] = {};
  const figures: RollupSums["figures"] = {};
  const counts: RollupSums["counts"] = {};
  for (const row of (result?.results ?? []) as {
    figure: string;
    total: number;
    reported: number;
  }[]) {
    // A figure no report gives any more (withdrawn, re-scoped) is as if never summed.
    const sum = row.reported > 0 ? settle(row.total) : null;
    const [table, rowKey, column] = row.figure.split(".");
    if (table === "section3" && column === "derived") {
      if (row.total > 0) derivedTotals[rowKey!] = Math.round(row.total);
      continue;
    }
    counts[row.figure] = row.reported;
    if (table === "section3") {
      const index = SECTION3_CELL_COLUMNS.indexOf(column as never);
      const cells = (section3[rowKey!] ??= SECTION3_CELL_COLUMNS.map(() => null));
      cells[index] = sum;
    } else {
      figures[row.figure] = { sum, reported: row.reported };
    }
  }
  return { section3, derivedTotals, figures, counts };
}
