import { useI18n } from "../i18n";
import { formatCount } from "../lib/format";
import { rankLabelKey, type RankingRow, type SortDir, type SortKey } from "../lib/compare-ranking";
import type { RankOrder } from "../../worker/report/ranking";
import { agencyProfilePath } from "../lib/router";
import { Link } from "./link";

interface Props {
  rows: readonly RankingRow[];
  unit: "count" | "rate";
  minCount: number;
  /** Which end ranks 1, as the server says; the rank column's heading states it. */
  order: RankOrder | null;
  sort: SortKey;
  dir: SortDir;
  onSort: (sort: SortKey, dir: SortDir) => void;
}

/**
 * Rank, agency and value, in the order the server sorted them; a row below the minimum count
 * shows its count and why it has no rank.
 */
export function RankingTable({ rows, unit, minCount, order, sort, dir, onSort }: Props) {
  const { t } = useI18n();
  const header = (key: SortKey, label: string) => {
    const active = sort === key;
    return (
      <th scope="col" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}>
        <button
          type="button"
          className="link-button"
          onClick={() => onSort(key, active && dir === "asc" ? "desc" : "asc")}
        >
          {label}
          {active ? (dir === "asc" ? " ▲" : " ▼") : ""}
        </button>
      </th>
    );
  };
  if (rows.length === 0) return <p className="empty">{t("cmpNoRows")}</p>;
  return (
    <table className="data-table ranking-table">
      <caption>{t("cmpRanking")}</caption>
      <thead>
        <tr>
          {header("rank", t(rankLabelKey(order)))}
          {header("agency", t("agency"))}
          {header("value", t("dbValue"))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.agency_id}/${row.year}`}>
            <td>{row.rank ?? "—"}</td>
            <th scope="row">
              <Link to={agencyProfilePath(row.agency_id)}>{row.name}</Link>
            </th>
            <td>
              <RankValue row={row} unit={unit} minCount={minCount} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RankValue({
  row,
  unit,
  minCount,
}: {
  row: RankingRow;
  unit: "count" | "rate";
  minCount: number;
}) {
  const { t, locale } = useI18n();
  if (row.reason === "below_min_count") {
    return (
      <>
        {t("dbCount", {
          numerator: formatCount(row.numerator, locale),
          denominator: formatCount(row.denominator, locale),
        })}
        <small className="hint"> {t("dbBelowMin", { min: minCount })}</small>
      </>
    );
  }
  if (row.reason === "no_data" || row.value === null) {
    return <span className="muted">{t("dbNoData")}</span>;
  }
  return (
    <>{unit === "rate" ? formatPercent(row.value * 100, locale) : formatCount(row.value, locale)}</>
  );
}

export function formatPercent(percent: number, locale: string): string {
  return `${percent.toLocaleString(locale === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 1 })}%`;
}
