/**
 * How a region's summed report is titled: by the region a government stands for (示范省, not
 * 示范省人民政府), as a sum (汇总) of that year's reports.
 */

const GOVERNMENT_SUFFIXES: readonly [string, string][] = [
  ["人民政府办公厅", ""],
  ["人民政府", ""],
  ["街道办事处", "街道"],
];

/**
 * The region a government's name stands for; any other agency keeps its name.
 *
 * @example regionNameOf("示范省人民政府") // "示范省"
 */
export function regionNameOf(agencyName: string): string {
  for (const [suffix, replacement] of GOVERNMENT_SUFFIXES) {
    if (agencyName.endsWith(suffix) && agencyName.length > suffix.length)
      return agencyName.slice(0, -suffix.length) + replacement;
  }
  return agencyName;
}

/** @example regionReportTitle("示范省", 2024) // "示范省 2024 年度政府信息公开工作年度报告汇总" */
export const regionReportTitle = (region: string | null, year: number) =>
  `${region ?? "全部地区"} ${year} 年度政府信息公开工作年度报告汇总`;

/** What a region report's counts say of its coverage, for its title block. */
interface CoverageCounts {
  included: number;
  contained: number;
  covered_by_parts: number;
}

/**
 * How much of the region the sum covers, in one line under the title.
 *
 * @example regionReportCoverage({ included: 145, contained: 0, covered_by_parts: 0 }, 335, "self")
 * // "汇总 145 / 335 个机构已发布的报告"
 */
export function regionReportCoverage(
  counts: CoverageCounts,
  total: number,
  scope: "self" | "region",
): string {
  if (scope === "self") return `汇总 ${counts.included} / ${total} 个机构已发布的报告`;
  const covered = counts.included + counts.contained + counts.covered_by_parts;
  return `汇总 ${counts.included} 份最上一级的全地区报告，覆盖 ${covered} / ${total} 个地区`;
}
