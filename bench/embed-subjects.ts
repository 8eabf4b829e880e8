import { sql } from "drizzle-orm";
import type { BenchContext } from "./bench-case";

/** What the embed cases frame: the large province and its agencies. */
export interface EmbedSubjects {
  /** 2-digit region code of the large province (大省, 98). */
  region: string;
  /** "2019-2024": every year of the dataset, as `years=` takes it. */
  span: string;
  latestYear: number;
  /**
   * The province's agencies with a published report in every year of the dataset, in id order
   * (the provincial government and its departments first): each gives a full six-year embed.
   */
  agencies: number[];
}

/** Read from the dataset's SQLite file, the one the Worker serves. */
export async function embedSubjects(context: BenchContext): Promise<EmbedSubjects | null> {
  const province = context.dataset.largeProvince;
  if (!province) return null;
  const years = context.dataset.years;
  const first = Math.min(...years);
  const last = Math.max(...years);
  const rows = await context.sqlite.all<{ id: number }>(sql`
    SELECT agencies.id AS id FROM agencies
    CROSS JOIN reports ON reports.agency_id = agencies.id
    WHERE agencies.region_code LIKE ${`${province.code}%`}
      AND reports.published_revision_id IS NOT NULL
      AND reports.year BETWEEN ${first} AND ${last}
    GROUP BY agencies.id
    HAVING COUNT(*) = ${years.length}
    ORDER BY agencies.id`);
  if (rows.length === 0) {
    throw new Error(`no agency of region ${province.code} has a published report in every year`);
  }
  return {
    region: province.code,
    span: `${first}-${last}`,
    latestYear: last,
    agencies: rows.map((row) => row.id),
  };
}
