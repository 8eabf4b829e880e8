import type { ReportDocument } from "../../../worker/report/document";
import { useI18n } from "../../i18n";
import "../../styles/report-print.css";
import { MetricsFields } from "./metrics-fields";
import { NarrativeFields } from "./narrative-fields";
import { Section2Table } from "./section2-table";
import { Section3Grid } from "./section3-grid";
import { Section4Table } from "./section4-table";
import { usePageMark } from "./use-page-mark";

interface Props {
  document: ReportDocument;
  /** Print the registered metrics after the report (they are not part of the official layout). */
  withMetrics?: boolean;
  /** Not the published revision: said above the report and in the margin of every printed page. */
  draft?: boolean;
}

/**
 * The report as published: the six sections in order, tables in the official layout with their
 * values as text (a blank cell stays empty, never 0). Printed, table 三 takes an A4 landscape page
 * of its own (web/styles/report-print.css).
 */
export function PrintView({ document, withMetrics, draft = false }: Props) {
  const { t } = useI18n();
  usePageMark(draft ? t("rfDraftMark") : null);
  return (
    <article className="report-print">
      {draft && (
        <p className="draft-notice">
          <strong>{t("rfDraftMark")}</strong> {t("rfDraftNotice")}
        </p>
      )}
      <h2>{t("rfPrintTitle", { agency: document.agency ?? "", year: document.year })}</h2>
      <NarrativeFields document={document} sections={["overview"]} print />
      <Section2Table document={document} print />
      <Section3Grid document={document} print />
      <Section4Table document={document} print />
      <NarrativeFields document={document} sections={["problems", "other"]} print />
      {withMetrics && <MetricsFields document={document} print />}
    </article>
  );
}
