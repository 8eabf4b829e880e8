import { useState } from "react";
import { absentAsNull, ApiRequestError, api, unwrap } from "../api";
import { CorrectionsList } from "../components/corrections-list";
import { DocumentUpload } from "../components/document-upload";
import { FindingsList } from "../components/findings-list";
import { Link } from "../components/link";
import { RequestView } from "../components/request-view";
import { ReviewActions } from "../components/review-actions";
import { ReviewHistory } from "../components/review-history";
import { StatusBadge } from "../components/status-badge";
import { SubmitForm } from "../components/submit-form";
import type { WorkflowStep } from "../components/workflow-error";
import { useI18n } from "../i18n";
import { reportParam } from "../lib/api-types";
import { formatDateTime } from "../lib/format";
import { reportPath } from "../lib/router";
import { useSession } from "../lib/session";
import { useRequest } from "../lib/use-request";
import { workflowActions } from "../lib/workflow";

interface Props {
  agencyId: number;
  year: number;
}

/** `/reports/:agencyId/:year`: status, findings, review history, and the next workflow step. */
export function ReportPage({ agencyId, year }: Props) {
  const { t, locale } = useI18n();
  const { user, status } = useSession();
  const param = reportParam(agencyId, year);
  const reportApi = api.agencies[":id"].reports[":year"];
  const detail = useRequest(
    () =>
      Promise.all([
        absentAsNull(reportApi.$get({ param, query: {} }).then(unwrap)),
        api.agencies[":id"].$get({ param: { id: param.id } }).then(unwrap),
      ]),
    [agencyId, year, user?.id],
  );
  const current = detail.state.kind === "ready" ? (detail.state.data[0]?.report ?? null) : null;
  const exists = current !== null;
  const published = current?.published ?? false;
  // The review trail is for those who may read the report's drafts: anyone else has none to see.
  // Both logs are asked for only once the report is known to have them, so that nothing answers
  // 404 for a report not started or not published.
  const reviews = useRequest(
    () =>
      user && exists
        ? reportApi.reviews
            .$get({ param })
            .then(unwrap)
            .catch((error: unknown) => {
              if (error instanceof ApiRequestError && error.status === 403) return null;
              throw error;
            })
        : Promise.resolve(null),
    [agencyId, year, user?.id, exists],
  );
  // An unpublished report has no correction log yet: that is an empty one, not a failure.
  const corrections = useRequest(
    () =>
      published
        ? absentAsNull(reportApi.corrections.$get({ param }).then(unwrap)).then(
            (log) => log ?? { items: [] },
          )
        : Promise.resolve({ items: [] }),
    [agencyId, year, published],
  );

  const [done, setDone] = useState<WorkflowStep | null>(null);
  const reload = (step?: WorkflowStep) => {
    setDone(step ?? null);
    detail.refresh();
    reviews.refresh();
    corrections.refresh();
  };

  if (status === "loading") return null;
  const canWrite =
    user !== null &&
    (user.role === "admin" || (user.role === "submitter" && user.agency_id === agencyId));
  const notStarted = detail.state.kind === "ready" && detail.state.data[0] === null;
  return (
    <main className="page">
      <RequestView state={detail.state} retry={detail.retry}>
        {([stored, agency]) => {
          if (stored === null)
            return (
              <>
                <p className="breadcrumbs">
                  <Link to={`/?agency=${agencyId}`}>{t("agencyReports")}</Link>
                </p>
                <header className="report-head">
                  <h2>
                    {agency.name} · {year}
                  </h2>
                </header>
                <p className="muted">{t("noReportYet")}</p>
                {canWrite && (
                  <p>
                    <Link className="button-link" to={`${reportPath(agencyId, year)}/edit`}>
                      {t("seasonStart", { year })}
                    </Link>
                  </p>
                )}
              </>
            );
          const { report, revision, findings } = stored;
          const allowed = workflowActions(user, report, agencyId);
          return (
            <>
              <p className="breadcrumbs">
                {(user?.role === "reviewer" || user?.role === "admin") && (
                  <Link to="/review">{t("backToQueue")}</Link>
                )}
                <Link to={`/?agency=${agencyId}`}>{t("agencyReports")}</Link>
                {canWrite && report.status !== "submitted" && (
                  <Link to={`${reportPath(agencyId, year)}/edit`}>{t("rfEdit")}</Link>
                )}
                {user && <Link to={`${reportPath(agencyId, year)}/history`}>{t("rfHistory")}</Link>}
                <Link to={`${reportPath(agencyId, year)}/print`}>{t("rfPrint")}</Link>
              </p>
              <header className="report-head">
                <h2>
                  {agency.name} · {year}
                </h2>
                <StatusBadge status={report.status} late={report.late} />
              </header>
              <dl className="facts">
                <div>
                  <dt>{t("revision")}</dt>
                  <dd>{report.revision}</dd>
                </div>
                <div>
                  <dt>{t("publishedRevision")}</dt>
                  <dd>{report.published_revision ?? "—"}</dd>
                </div>
                <div>
                  <dt>{t("submittedAt")}</dt>
                  <dd>{formatDateTime(report.submitted_at, locale)}</dd>
                </div>
                <div>
                  <dt>{t("template")}</dt>
                  <dd>{report.template}</dd>
                </div>
              </dl>
              <p role="status" className="notice-ok">
                {done && t(`done_${done}`)}
              </p>
              <h3 className="section-title">{t("findings")}</h3>
              <FindingsList findings={findings} explanations={stored.explanations} />
              {allowed.submit && (
                <SubmitForm
                  revision={report.revision ?? revision.number}
                  findings={findings}
                  agencyId={agencyId}
                  year={year}
                  onDone={reload}
                />
              )}
              {allowed.review && (
                <ReviewActions
                  revision={report.revision ?? revision.number}
                  findings={findings}
                  template={report.template}
                  agencyId={agencyId}
                  year={year}
                  onDone={reload}
                />
              )}
            </>
          );
        }}
      </RequestView>
      {canWrite && current?.status !== "submitted" && detail.state.kind === "ready" && (
        <DocumentUpload
          agencyId={agencyId}
          year={year}
          baseRevision={current?.revision ?? 0}
          correcting={current?.published ?? false}
          onSaved={() => reload()}
        />
      )}
      {!notStarted && !(reviews.state.kind === "ready" && reviews.state.data === null) && (
        <section aria-labelledby="history-title">
          <h3 id="history-title" className="section-title">
            {t("reviewHistory")}
          </h3>
          <RequestView state={reviews.state} retry={reviews.retry}>
            {(trail) => <ReviewHistory entries={trail?.items ?? []} />}
          </RequestView>
        </section>
      )}
      {!notStarted && (
        <section aria-labelledby="corrections-title">
          <h3 id="corrections-title" className="section-title">
            {t("corrections")}
          </h3>
          {published ? (
            <RequestView state={corrections.state} retry={corrections.retry}>
              {({ items }) => <CorrectionsList corrections={items} />}
            </RequestView>
          ) : (
            <p className="empty">{t("correctionsNotPublished")}</p>
          )}
        </section>
      )}
    </main>
  );
}
