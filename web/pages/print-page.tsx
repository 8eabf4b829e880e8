import { Link } from "../components/link";
import { PrintView } from "../components/report-form/print-view";
import { RequestView } from "../components/request-view";
import { useI18n } from "../i18n";
import { api, unwrap } from "../api";
import { reportParam } from "../lib/api-types";
import { reportPath } from "../lib/router";
import { useRequest } from "../lib/use-request";

interface Props {
  agencyId: number;
  year: number;
}

/**
 * `/reports/:agencyId/:year/print`: the tables in the official layout, ready for the agency's site.
 * Whoever may read the drafts gets the current revision; unless that is the published one, every
 * printed page says it is a draft.
 */
export function PrintPage({ agencyId, year }: Props) {
  const { t } = useI18n();
  const data = useRequest(
    () =>
      Promise.all([
        api.agencies[":id"].$get({ param: { id: String(agencyId) } }).then(unwrap),
        api.agencies[":id"].reports[":year"]
          .$get({ param: reportParam(agencyId, year), query: {} })
          .then(unwrap),
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
          <PrintView
            document={{ ...detail.document, agency: agency.name }}
            withMetrics
            draft={detail.revision.number !== detail.report.published_revision}
          />
        )}
      </RequestView>
    </main>
  );
}
