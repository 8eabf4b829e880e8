import { useState } from "react";
import type { RevisionSource } from "../../worker/report/revision-sources";
import { Link } from "../components/link";
import { RequestView } from "../components/request-view";
import { useI18n, type MessageKey } from "../i18n";
import { changeLabel, valueText } from "../lib/change-text";
import { formatDateTime } from "../lib/format";
import type { InferResponseType } from "hono/client";
import { api, query, unwrap, type Api } from "../api";
import { reportParam } from "../lib/api-types";
import { reportPath } from "../lib/router";
import { useRequest } from "../lib/use-request";
import "../styles/revision-history-page.css";
import { ScrollTable } from "../components/scroll-table";

type Diff = InferResponseType<Api["agencies"][":id"]["reports"][":year"]["diff"]["$get"], 200>;

const SOURCE_LABELS: Record<RevisionSource, MessageKey> = {
  import: "rfSourceImport",
  import_undo: "rfSourceImportUndo",
};

interface Props {
  agencyId: number;
  year: number;
}

/** `/reports/:agencyId/:year/history`: every revision with who and when, and a diff of any two. */
export function RevisionHistoryPage({ agencyId, year }: Props) {
  const { t, locale } = useI18n();
  const param = reportParam(agencyId, year);
  const reportApi = api.agencies[":id"].reports[":year"];
  const revisions = useRequest(
    () => reportApi.revisions.$get({ param }).then(unwrap),
    [agencyId, year],
  );
  const [pair, setPair] = useState<[number, number] | null>(null);
  const items = revisions.state.kind === "ready" ? revisions.state.data.items : [];
  const [from, to] = pair ?? [items[1]?.number ?? items[0]?.number ?? 1, items[0]?.number ?? 1];
  const diff = useRequest(
    () =>
      items.length === 0
        ? Promise.resolve<Pick<Diff, "changes">>({ changes: [] })
        : reportApi.diff.$get({ param, query: query({ from, to }) }).then(unwrap),
    [agencyId, year, from, to, items.length],
  );
  const findingsText = (errors: number, warnings: number) =>
    errors + warnings === 0 ? t("rfFindingsNone") : t("rfFindingsCount", { errors, warnings });

  return (
    <main className="page">
      <p className="breadcrumbs">
        <Link to={reportPath(agencyId, year)}>{t("rfBackToReport")}</Link>
      </p>
      <h2>{t("rfHistory")}</h2>
      <RequestView state={revisions.state} retry={revisions.retry}>
        {({ items: list }) => (
          <ScrollTable label={t("rfHistory")}>
            <table className="data-table revision-table">
              <thead>
                <tr>
                  <th scope="col">{t("revision")}</th>
                  <th scope="col">{t("rfAuthor")}</th>
                  <th scope="col">{t("rfSavedAt")}</th>
                  <th scope="col">{t("rfChanges")}</th>
                  <th scope="col">{t("findings")}</th>
                  <th scope="col">{t("rfCompareFrom")}</th>
                  <th scope="col">{t("rfCompareTo")}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((r) => (
                  <tr key={r.number}>
                    <td>{r.number}</td>
                    <td>{r.author}</td>
                    <td>{formatDateTime(r.created_at, locale)}</td>
                    <td>
                      {r.source && (
                        <strong className="revision-source">{t(SOURCE_LABELS[r.source])}</strong>
                      )}
                      {r.number === 1
                        ? t("rfCreated")
                        : t("rfChangeCount", { count: r.change_count })}
                      {r.note && <span className="revision-note">{r.note}</span>}
                    </td>
                    <td>{findingsText(r.error_count, r.warning_count)}</td>
                    <td>
                      <input
                        type="radio"
                        name="from"
                        aria-label={`${t("rfCompareFrom")} ${r.number}`}
                        checked={from === r.number}
                        onChange={() => setPair([r.number, to])}
                      />
                    </td>
                    <td>
                      <input
                        type="radio"
                        name="to"
                        aria-label={`${t("rfCompareTo")} ${r.number}`}
                        checked={to === r.number}
                        onChange={() => setPair([from, r.number])}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </RequestView>
      <h3 className="section-title">{t("rfDiffTitle", { from, to })}</h3>
      <RequestView state={diff.state} retry={diff.retry}>
        {({ changes }) =>
          changes.length === 0 ? (
            <p className="empty">{t("rfNoDifferences")}</p>
          ) : (
            <ScrollTable label={t("rfDiffTitle", { from, to })}>
              <table
                className="data-table revision-diff"
                aria-label={t("rfDiffTitle", { from, to })}
              >
                <thead>
                  <tr>
                    <th scope="col">{t("rfCell")}</th>
                    <th scope="col">{t("rfBefore", { n: from })}</th>
                    <th scope="col">{t("rfAfter", { n: to })}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((c) => (
                    <tr key={c.path}>
                      <th scope="row">{changeLabel(c.path, locale, t)}</th>
                      <td>{valueText(c.path, c.before, locale, t)}</td>
                      <td>{valueText(c.path, c.after, locale, t)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )
        }
      </RequestView>
    </main>
  );
}
