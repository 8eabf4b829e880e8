import type { InferResponseType } from "hono/client";
import type { api } from "../api";
import { useI18n, type MessageKey } from "../i18n";
import { reportPath } from "../lib/router";
import { FindingsList } from "./findings-list";
import { Link } from "./link";
import { Pager } from "./pager";
import "../styles/quality.css";
import { ScrollTable } from "./scroll-table";

type Quality = InferResponseType<(typeof api.quality)["$get"], 200>;
export type QualityList = Quality["hard"];

/**
 * One page of reports with findings: each finding in words (错误/提示 and its message, in the
 * reader's language) with what the submitter said of it beneath; the pager reaches every other
 * page of the list's `total`.
 */
export function QualityReports({
  list,
  label,
  year,
  onPage,
}: {
  list: QualityList;
  /** What the list holds, naming its scrolling box. */
  label: string;
  year: number;
  onPage: (offset: number) => void;
}) {
  const { t } = useI18n();
  if (list.total === 0) return <p className="empty">{t("qNone")}</p>;
  if (list.items.length === 0) {
    // An offset from an old link, or from before the filters changed.
    return (
      <p className="empty">
        {t("qPastEnd", { total: list.total })}{" "}
        <button type="button" className="link-button" onClick={() => onPage(0)}>
          {t("qFirstPage")}
        </button>
      </p>
    );
  }
  return (
    <>
      <ScrollTable label={label}>
        <table className="data-table quality-reports">
          <thead>
            <tr>
              <th scope="col">{t("agency")}</th>
              <th scope="col">{t("dbLevel")}</th>
              <th scope="col">{t("findings")}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((item) => (
              <tr key={item.report_id}>
                <th scope="row">
                  <Link to={reportPath(item.agency_id, year)}>{item.agency_name}</Link>
                </th>
                <td>{t(`level_${item.level}` as MessageKey)}</td>
                <td>
                  <FindingsList
                    findings={[...item.errors, ...item.warnings]}
                    explanations={item.explanations}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <Pager offset={list.offset} limit={list.limit} total={list.total} onChange={onPage} />
    </>
  );
}
