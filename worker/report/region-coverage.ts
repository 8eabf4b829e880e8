/**
 * Which reports a region's sum counts (README, "Scope"). Own-agency reports never overlap: each
 * one that exists is included. Whole-region reports nest — a city's report already contains its
 * districts' — so a region sums only its topmost ones: a whole-region report whose ancestor in
 * the region has one of its own is contained in it, and where a region's own report is missing,
 * the whole-region reports below it stand in for it (covered by parts).
 *
 * The Worker decides the same in SQL (`ledgerWith` in db/queries/rollup.ts), so that a count or
 * a page of the ledger leaves the database without the rest; this function is the definition,
 * used where entries are already in memory (pinned figures).
 */

export const INCLUSIONS = [
  "included",
  "contained",
  "covered_by_parts",
  "pending",
  "missing",
] as const;

export type Inclusion = (typeof INCLUSIONS)[number];

/** Each inclusion in words, as the region report's page, ledger and downloads say it. */
export const INCLUSION_LABELS: Record<Inclusion, { zh: string; en: string }> = {
  included: { zh: "已纳入", en: "Included" },
  contained: { zh: "已含于上级报告", en: "Contained in a higher report" },
  covered_by_parts: { zh: "由下级报告代替", en: "Covered by the reports below" },
  pending: { zh: "未发布", en: "Not yet published" },
  missing: { zh: "未报送", en: "Missing" },
};

export interface CoverageEntry {
  /** The materialized chain of ancestor ids, the agency's own last: "/1/7/42/". */
  path: string;
  /** Holds a report with a revision on the basis summed. */
  reported: boolean;
  /** Has a report that is not (yet) on that basis: a draft, or one in review. */
  inReview: boolean;
}

const ancestorPaths = (path: string) => {
  const ids = path.split("/").filter(Boolean);
  const paths: string[] = [];
  for (let i = 1; i < ids.length; i++) paths.push(`/${ids.slice(0, i).join("/")}/`);
  return paths;
};

/**
 * The inclusion of each entry, in the entries' order. Entries are the region's agencies of one
 * scope (only those: an ancestor outside the list, or outside the region, contains nothing).
 */
export function classifyCoverage(
  entries: readonly CoverageEntry[],
  scope: "self" | "region",
): Inclusion[] {
  const own = (entry: CoverageEntry): Inclusion =>
    entry.reported ? "included" : entry.inReview ? "pending" : "missing";
  if (scope === "self") return entries.map(own);

  const holders = new Set(entries.filter((e) => e.reported).map((e) => e.path));
  const holdersBelow = new Set<string>();
  for (const path of holders) for (const above of ancestorPaths(path)) holdersBelow.add(above);

  return entries.map((entry) => {
    if (ancestorPaths(entry.path).some((above) => holders.has(above))) return "contained";
    if (entry.reported) return "included";
    if (holdersBelow.has(entry.path)) return "covered_by_parts";
    return own(entry);
  });
}
