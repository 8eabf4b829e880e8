import type { Database } from "../../worker/db/client";
import { createAgency, type AgencyRow } from "../../worker/db/queries/agencies";
import type { DemoAgency } from "../../worker/demo/fixture-agencies";

/**
 * Creates generated agencies through the Worker's own `createAgency`, parents before children
 * (the order the generators give), and returns each one's row by its generator key.
 */
export async function createAgencyTree(
  db: Database,
  agencies: readonly DemoAgency[],
  now: Date,
): Promise<Map<string, AgencyRow>> {
  const rows = new Map<string, AgencyRow>();
  for (const agency of agencies) {
    const parent = agency.parentKey === null ? null : rows.get(agency.parentKey)!;
    const row = await createAgency(
      db,
      {
        name: agency.name,
        level: agency.level,
        kind: agency.kind,
        scope: agency.scope,
        parentId: parent?.id ?? null,
        regionCode: agency.regionCode,
      },
      now,
    );
    rows.set(agency.key, row!);
  }
  return rows;
}
