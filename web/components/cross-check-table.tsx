import { useI18n } from "../i18n";
import { figureLabel } from "../lib/figure-label";
import { formatCount } from "../lib/format";
import { reportPath } from "../lib/router";
import { Link } from "./link";
import { ScrollTable } from "./scroll-table";

export interface CrossCheckRow {
  figure: string;
  own: number | null;
  parts: number | null;
  difference: number | null;
  large: boolean;
  /** Set where rows of several regions share the table: whose report, and how many parts. */
  region?: { id: number; name: string; parts: number };
}

/**
 * 自报 vs 汇总: a whole-region report's figures beside the sum of the reports it contains, with
 * large differences flagged (the region report, and the quality page for every region).
 */
export function CrossCheckTable({ rows, year }: { rows: CrossCheckRow[]; year: number }) {
  const { t, locale } = useI18n();
  const byRegion = rows.some((row) => row.region);
  const count = (value: number | null) => formatCount(value, locale);
  return (
    <ScrollTable label={t("qRegionDifferences")}>
      <table className="data-table cross-check-table">
        <thead>
          <tr>
            {byRegion && <th scope="col">{t("agency")}</th>}
            <th scope="col">{t("rrOwnFigure")}</th>
            <th scope="col" className="num">
              {t("rrOwn")}
            </th>
            <th scope="col" className="num">
              {t("rrParts")}
            </th>
            <th scope="col" className="num">
              {t("rrDifference")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={`${row.region?.id ?? ""}/${row.figure}`}
              className={row.large && !byRegion ? "flagged" : undefined}
            >
              {row.region && (
                <th scope="row">
                  <Link to={reportPath(row.region.id, year)}>{row.region.name}</Link>
                </th>
              )}
              {byRegion ? (
                <td>{figureLabel(row.figure, locale)}</td>
              ) : (
                <th scope="row">{figureLabel(row.figure, locale)}</th>
              )}
              <td className="num">{count(row.own)}</td>
              <td className="num">
                {count(row.parts)}
                {row.region && (
                  <span className="muted"> {t("qRegionParts", { n: row.region.parts })}</span>
                )}
              </td>
              <td className="num">
                {count(row.difference)}
                {row.large && !byRegion && (
                  <span className="difference-flag">{t("rrLargeDifference")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
