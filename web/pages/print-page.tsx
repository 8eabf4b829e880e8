import type { ReportDocument } from "../../worker/report/document";
import { Link } from "../components/link";
import { PrintView } from "../components/report-form/print-view";
import { RequestView } from "../components/request-view";
import { useI18n } from "../i18n";
import type { ReportDetail } from "../lib/account-types";
import { getJson } from "../lib/http";
import { reportPath } from "../lib/router";
import { useRequest } from "../lib/use-request";

interface Props {
  agencyId: number;
  year: number;
}

/** `/reports/:agencyId/:year/print`: the tables in the official layout, ready for the agency's site. */
export function PrintPage({ agencyId, year }: Props) {
  const { t } = useI18n();
  const data = useRequest(
    () =>
      Promise.all([
        getJson<{ name: string }>(`/api/agencies/${agencyId}`),
        getJson<ReportDetail>(`/api/agencies/${agencyId}/reports/${year}`),
      ]),
    [agencyId, year],
  );
  return (
    <main className="page print-page">
      <p className="breadcrumbs no-print">
        <Link to={reportPath(agencyId, year)}>{t("rfBackToReport")}</Link>
        <button type="button" onClick={() => window.print()}>
          {t("rfPrintNow")}
        </button>
      </p>
      <RequestView state={data.state} retry={data.retry}>
        {([agency, detail]) => (
          <article>
            <PrintView
              document={{ ...(detail.document as ReportDocument), agency: agency.name }}
              withMetrics
            />
          </article>
        )}
      </RequestView>
    </main>
  );
}
