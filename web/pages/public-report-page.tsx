import { CorrectionsList } from "../components/corrections-list";
import { FindingsList } from "../components/findings-list";
import { Link } from "../components/link";
import { PrintView } from "../components/report-form/print-view";
import { RequestView } from "../components/request-view";
import { useI18n } from "../i18n";
import { formatCount, formatDateTime } from "../lib/format";
import { api, unwrap } from "../api";
import { reportParam } from "../lib/api-types";
import type { PublicCorrections, PublicReport } from "../lib/public-api";
import { publicAgencyPath } from "../lib/router";
import { useRequest } from "../lib/use-request";

interface Props {
  agencyId: number;
  year: number;
}

/**
 * `/public/agency/:id/:year`: a published report in the official layout, when it was published,
 * the rules' findings on it with the agency's explanations, every correction since (why, when,
 * which cells), and the figures as CSV and JSON.
 */
export function PublicReportPage({ agencyId, year }: Props) {
  const { t } = useI18n();
  const data = useRequest(async () => {
    const route = api.public.agencies[":id"].reports[":year"];
    const param = reportParam(agencyId, year);
    // Both in flight at once; the report's own failure (not published) is the one to tell.
    const corrections = route.corrections.$get({ param }).then(unwrap);
    corrections.catch(() => undefined);
    const report = await route.$get({ param, query: {} }).then(unwrap);
    return [report, await corrections] as const;
  }, [agencyId, year]);
  return (
    <main className="page public-page public-report">
      <p className="breadcrumbs">
        <Link to={publicAgencyPath(agencyId)}>{t("pubBackToAgency")}</Link>
      </p>
      <RequestView state={data.state} retry={data.retry}>
        {([report, corrections]) => (
          <ReportView report={report} corrections={corrections} agencyId={agencyId} year={year} />
        )}
      </RequestView>
    </main>
  );
}

interface ViewProps {
  report: PublicReport;
  corrections: PublicCorrections;
  agencyId: number;
  year: number;
}

function ReportView({ report, corrections, agencyId, year }: ViewProps) {
  const { t, locale } = useI18n();
  const route = api.public.agencies[":id"].reports[":year"];
  const param = reportParam(agencyId, year);
  const document = { ...report.document, agency: report.agency.name };
  return (
    <>
      <dl className="agency-facts publication-facts">
        <div>
          <dt>{t("pubFirstPublished")}</dt>
          <dd>
            <time dateTime={report.first_published_at ?? undefined}>
              {formatDateTime(report.first_published_at, locale)}
            </time>
          </dd>
        </div>
        {report.corrections > 0 && (
          <div>
            <dt>{t("pubLastPublished")}</dt>
            <dd>
              <time dateTime={report.published_at ?? undefined}>
                {formatDateTime(report.published_at, locale)}
              </time>
            </dd>
          </div>
        )}
        <div>
          <dt>{t("pubCorrectionsLabel")}</dt>
          <dd>
            {report.corrections > 0 ? (
              <a href="#pr-corrections">
                {t("pubCorrectedTimes", { n: formatCount(report.corrections, locale) })}
              </a>
            ) : (
              t("pubNotCorrected")
            )}
          </dd>
        </div>
        <div>
          <dt>{t("pubDownload")}</dt>
          <dd>
            <a href={route.$path({ param, query: { format: "csv" } })} download>
              CSV
            </a>
            {" · "}
            <a href={route.$path({ param, query: {} })}>JSON</a>
          </dd>
        </div>
      </dl>

      <PrintView document={document} withMetrics />

      <section aria-labelledby="pr-findings-title" className="public-findings">
        <h3 id="pr-findings-title">{t("findings")}</h3>
        {report.findings.length > 0 && <p className="muted">{t("pubFindingsNote")}</p>}
        <FindingsList findings={report.findings} explanations={report.explanations} />
      </section>

      <section aria-labelledby="pr-corrections-title" id="pr-corrections">
        <h3 id="pr-corrections-title">{t("pubCorrectionLog")}</h3>
        <CorrectionsList corrections={corrections.items} />
      </section>
      <p className="muted licence">
        {locale === "en" ? report.licence.statementEn : report.licence.statement}{" "}
        <a href={report.licence.url} rel="license">
          {report.licence.title}
        </a>
      </p>
    </>
  );
}
