import type { ReportDocument } from "../../../worker/report/document";
import { useI18n } from "../../i18n";
import { MetricsFields } from "./metrics-fields";
import { NarrativeFields } from "./narrative-fields";
import { Section2Table } from "./section2-table";
import { Section3Grid } from "./section3-grid";
import { Section4Table } from "./section4-table";

interface Props {
  document: ReportDocument;
  /** Print the registered metrics after the report (they are not part of the official layout). */
  withMetrics?: boolean;
}

/**
 * The report as published: the six sections in order, tables in the official layout with their
 * values as text (a blank cell stays empty, never 0).
 */
export function PrintView({ document, withMetrics }: Props) {
  const { t } = useI18n();
  return (
    <article className="report-print">
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
