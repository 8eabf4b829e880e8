import { explainDenial, reachOf } from "../auth/policy";
import type { Actor } from "../auth/roles";
import type { Database } from "../db/client";
import { getAgency } from "../db/queries/agencies";
import type { LedgerEntry } from "../db/queries/rollup";
import { denialError, notFound } from "../http/errors";

/**
 * Compare and rollup read published figures by default. Unpublished (current) figures are for
 * staff: everywhere for an admin, and for a reviewer only inside their region — a reviewer who
 * names no subtree gets their region.
 */
export async function scopeAggregate<Q extends { basis: "current" | "published"; under?: number }>(
  db: Database,
  actor: Actor,
  query: Q,
): Promise<Q> {
  if (query.basis === "published") return query;
  const reach = reachOf(actor, "aggregate.read_unpublished");
  if (reach.kind === "everywhere") return query;
  if (reach.kind !== "subtree") throw denied(actor);
  if (query.under === undefined) {
    const rootId = Number(reach.rootPath.split("/").filter(Boolean).at(-1));
    return { ...query, under: rootId };
  }
  const agency = await getAgency(db, query.under);
  if (!agency) throw notFound("机构", "Agency");
  if (!agency.path.startsWith(reach.rootPath)) throw denied(actor, agency.path);
  return query;
}

function denied(actor: Actor, agencyPath?: string) {
  const denial = explainDenial(actor, "aggregate.read_unpublished", { agencyPath })!;
  return denialError(denial);
}

/**
 * Aggregates read the subtree root inside their SQL, so an unknown root only shows as an empty
 * answer; this tells that apart from an empty region, with a 404.
 */
export async function requireRootWhenEmpty(
  db: Database,
  under: number | undefined,
  empty: boolean,
) {
  if (empty && under !== undefined && !(await getAgency(db, under))) {
    throw notFound("上级机构", "Agency");
  }
}

/**
 * Whether this viewer may see where reports stand in review (draft, submitted, returned, late)
 * for the subtree under `under`: administrators everywhere, reviewers in their own region. Others
 * see only whether a report is published.
 */
export async function seesWorkflow(
  db: Database,
  actor: Actor,
  under: number | undefined,
): Promise<boolean> {
  const reach = reachOf(actor, "aggregate.read_unpublished");
  if (reach.kind === "everywhere") return true;
  if (reach.kind !== "subtree" || under === undefined) return false;
  const agency = await getAgency(db, under);
  return agency !== undefined && agency.path.startsWith(reach.rootPath);
}

/** A report's review state as a viewer without review rights may know it. */
export const publicStatus = (status: string | null, workflow: boolean) =>
  workflow || status === "approved" ? status : null;

/** A rollup ledger's agency as the API shows it: whether included, and its state if visible. */
export const presentLedgerEntry = (a: LedgerEntry, workflow: boolean) => ({
  id: a.id,
  name: a.name,
  level: a.level,
  kind: a.kind,
  scope: a.scope,
  region_code: a.regionCode,
  inclusion: a.status,
  report_status: publicStatus(a.reportStatus, workflow),
});
