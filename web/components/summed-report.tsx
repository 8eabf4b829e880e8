import type { InferResponseType } from "hono/client";
import { useMemo, type ReactNode } from "react";
import { regionNameOf } from "../../worker/report/region-title";
import { summedDocument } from "../../worker/report/summed-document";
import type { Api, Json } from "../api";
import { useI18n } from "../i18n";
import { reportPath } from "../lib/router";
import { Link } from "./link";
import { Section2Table } from "./report-form/section2-table";
import { Section3Grid } from "./report-form/section3-grid";
import { Section4Table } from "./report-form/section4-table";
import "../styles/report-print.css";
import "../styles/summed-report.css";

export type RegionReportAnswer = Json<InferResponseType<Api["region-report"]["$get"], 200>>;
type SummedFinding = RegionReportAnswer["findings"][number];

interface Props {
  data: RegionReportAnswer;
  scope: "self" | "region";
  /** Shown between the title block and the tables: the counts and downloads. */
  children?: ReactNode;
}

/**
 * The region's published reports summed into the official tables, titled as a sum (汇总) with
 * how much of the region it covers, and the rules the summed tables break with the reports
 * behind each.
 */
export function SummedReport({ data, scope, children }: Props) {
  const { t } = useI18n();
  const region = data.region ? regionNameOf(data.region.name) : t("rrAllRegions");
  const document = useMemo(() => summedDocument(data, region), [data, region]);
  const covered = data.counts.included + data.counts.contained + data.counts.covered_by_parts;
  return (
    <article className="report-print summed-report" aria-labelledby="rr-title">
      <header className="summed-report-title">
        <h2 id="rr-title">{t("rrSumTitle", { region, year: data.year })}</h2>
        <p className="summed-report-coverage">
          {scope === "region"
            ? t("rrCoverageRegion", {
                included: data.counts.included,
                covered,
                expected: data.ledger_total,
              })
            : t("rrCoverage", { included: data.counts.included, expected: data.ledger_total })}
        </p>
        <p className="muted">
          {t("rrTemplates", {
            t2021: data.templates["2021"] ?? 0,
            t2019: data.templates["2019"] ?? 0,
          })}
        </p>
      </header>
      {children}
      <SummedFindings findings={data.findings} year={data.year} />
      <Section2Table document={document} print />
      <Section3Grid document={document} print />
      <Section4Table document={document} print />
    </article>
  );
}

/** The rules the summed tables break, in words, each naming the summed reports behind it. */
function SummedFindings({ findings, year }: { findings: SummedFinding[]; year: number }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="rr-findings" className="summed-findings">
      <h3 id="rr-findings">{t("rrFindingsTitle")}</h3>
      {findings.length === 0 ? (
        <p className="findings-none">✓ {t("rrFindingsNone")}</p>
      ) : (
        <>
          <p className="muted">{t("rrFindingsHint")}</p>
          <ul className="findings" aria-label={t("rrFindingsTitle")}>
            {findings.map((finding, i) => (
              <li key={i} className={`finding finding-${finding.severity}`}>
                <span className="finding-rule">{t(`severity_${finding.severity}`)}</span>
                <span>
                  {locale === "zh" ? finding.message : finding.message_en}
                  <FindingSources sources={finding.sources} year={year} />
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function FindingSources({ sources, year }: { sources: SummedFinding["sources"]; year: number }) {
  const { t } = useI18n();
  if (sources.total === 0)
    return <span className="summed-finding-sources">{t("rrFindingNoSource")}</span>;
  return (
    <span className="summed-finding-sources">
      {t("rrFindingFrom")}
      {sources.items.map((source, i) => (
        <span key={source.agency_id}>
          {i > 0 && "、"}
          <Link to={reportPath(source.agency_id, year)}>{source.agency_name}</Link>
        </span>
      ))}
      {sources.total > sources.items.length && t("rrFindingMore", { total: sources.total })}
      {t(sources.same_place ? "rrFindingSamePlace" : "rrFindingSameRule")}
    </span>
  );
}
