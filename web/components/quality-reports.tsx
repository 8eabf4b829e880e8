import type { InferResponseType } from "hono/client";
import type { api } from "../api";
import { useI18n, type MessageKey } from "../i18n";
import { reportPath } from "../lib/router";
import { Link } from "./link";
import { Pager } from "./pager";

type Quality = InferResponseType<(typeof api.quality)["$get"], 200>;
export type QualityList = Quality["hard"];

/**
 * One page of reports with findings: each finding in the reader's language, and what the
 * submitter said; the pager reaches every other page of the list's `total`.
 */
export function QualityReports({
  list,
  year,
  onPage,
}: {
  list: QualityList;
  year: number;
  onPage: (offset: number) => void;
}) {
  const { t, locale } = useI18n();
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
      <table className="data-table quality-reports">
        <thead>
          <tr>
            <th scope="col">{t("agency")}</th>
            <th scope="col">{t("dbLevel")}</th>
            <th scope="col">{t("findings")}</th>
            <th scope="col">{t("qExplanations")}</th>
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
                <ul className="quality-findings">
                  {[...item.errors, ...item.warnings].map((finding, i) => (
                    <li
                      key={i}
                      className={finding.severity === "error" ? "count-error" : undefined}
                    >
                      {locale === "en" ? finding.message_en : finding.message}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {item.explanations.length === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  <ul className="quality-findings">
                    {item.explanations.map((e) => (
                      <li key={e.rule}>
                        <span className="muted">{e.rule}：</span>
                        {e.text}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager offset={list.offset} limit={list.limit} total={list.total} onChange={onPage} />
    </>
  );
}
