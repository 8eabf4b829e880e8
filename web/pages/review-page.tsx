import { Link } from "../components/link";
import { Pager } from "../components/pager";
import { RequestView } from "../components/request-view";
import { RequireRole } from "../components/require-role";
import { DEFAULT_STATUS, ReviewFilters } from "../components/review-filters";
import { StatusBadge } from "../components/status-badge";
import { useI18n } from "../i18n";
import type { InferRequestType } from "hono/client";
import { api, query, unwrap, type Api } from "../api";
import { formatDateTime } from "../lib/format";
import { reportPath } from "../lib/router";
import { useRequest } from "../lib/use-request";
import { useUrlState, urlOffset, offsetParam } from "../lib/use-url-state";

const PAGE_SIZE = 50;

type ListQuery = InferRequestType<Api["reports"]["$get"]>["query"];

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days a submission has waited for review. */
const daysSince = (at: string, now: Date) =>
  Math.max(0, Math.floor((now.getTime() - new Date(at).getTime()) / DAY_MS));

/** `/review`: the reports waiting for review (or any other slice), scoped by the server. */
export function ReviewPage() {
  return (
    <RequireRole roles={["admin", "reviewer"]}>
      <ReviewQueue />
    </RequireRole>
  );
}

function ReviewQueue() {
  const { t, locale } = useI18n();
  const urlState = useUrlState();
  const [params, setParams] = urlState;
  const status = params.get("status") ?? DEFAULT_STATUS;
  const offset = urlOffset(params);
  // The filters as the URL has them: the server refuses a value it does not know.
  const filter = {
    year: params.get("year"),
    status: (status === "all" ? null : status) as ListQuery["status"] | null,
    late: params.get("late") as ListQuery["late"] | null,
    has_findings: params.get("has_findings") as ListQuery["has_findings"] | null,
    under: params.get("under"),
    sort: "submitted" as const,
    limit: PAGE_SIZE,
    offset,
  };
  const now = new Date();
  const reports = useRequest(
    () => api.reports.$get({ query: query(filter) }).then(unwrap),
    [JSON.stringify(filter)],
  );

  return (
    <main className="page">
      <h2>{t("navReview")}</h2>
      <ReviewFilters params={urlState} />
      <RequestView state={reports.state} retry={reports.retry}>
        {({ items, total }) =>
          items.length === 0 ? (
            <p className="empty">{t("noReportsMatch")}</p>
          ) : (
            <>
              <p className="muted">{t("countOf", { total })}</p>
              <table className="data-table stack-table" aria-label={t("navReview")}>
                <thead>
                  <tr>
                    <th scope="col">{t("agency")}</th>
                    <th scope="col">{t("year")}</th>
                    <th scope="col">{t("status")}</th>
                    <th scope="col">{t("findings")}</th>
                    <th scope="col">{t("submittedAt")}</th>
                    <th scope="col" className="num">
                      {t("waitingDays")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">
                        <Link to={reportPath(r.agency_id, r.year)}>{r.agency_name}</Link>
                      </th>
                      <td data-label={t("year")}>{r.year}</td>
                      <td data-label={t("status")}>
                        <StatusBadge status={r.status} late={r.late} />
                      </td>
                      <td data-label={t("findings")}>
                        <span className={r.error_count ? "count-error" : "muted"}>
                          {t("errorCount", { n: r.error_count })}
                        </span>{" "}
                        <span className={r.warning_count ? "count-warning" : "muted"}>
                          {t("warningCount", { n: r.warning_count })}
                        </span>
                      </td>
                      <td data-label={t("submittedAt")}>
                        {formatDateTime(r.submitted_at, locale)}
                      </td>
                      <td className="num" data-label={t("waitingDays")}>
                        {r.status === "submitted" && r.submitted_at
                          ? t("waitingDaysValue", { n: daysSince(r.submitted_at, now) })
                          : "—"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager
                offset={offset}
                limit={PAGE_SIZE}
                total={total}
                onChange={(next) => setParams(offsetParam(next))}
              />
            </>
          )
        }
      </RequestView>
    </main>
  );
}
