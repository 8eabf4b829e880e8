import { RequestView } from "./request-view";
import { TrendChart } from "./trend-chart";
import type { ChartSize } from "./completeness-chart";
import { useI18n } from "../i18n";
import { api, query, unwrap } from "../api";
import type { PublicSubject } from "../lib/public-api";
import { hasValues, publicTrendRows, subjectQuery, yearRange } from "../lib/public-trend";
import { TREND_SERIES } from "../lib/trend";
import { useRequest } from "../lib/use-request";

interface Props {
  subject: PublicSubject;
  years: readonly number[];
  caption: string;
  /** A fixed size (tests: jsdom has no layout); otherwise the chart fills its box. */
  chartSize?: ChartSize;
}

const COUNTS = TREND_SERIES.filter((s) => !s.key.startsWith("indicator."));

/** The published key figures of an agency or a region over the years, as a chart and a table. */
export function PublicTrend({ subject, years, caption, chartSize }: Props) {
  const { t } = useI18n();
  const who = subjectQuery(subject);
  const range = yearRange(years);
  const answer = useRequest(
    () =>
      Promise.all([
        Promise.all(
          COUNTS.map((s) =>
            api.public.series
              .$get({ query: query({ ...who, figure: s.key, years: range }) })
              .then(unwrap),
          ),
        ),
        api.public.indicators.$get({ query: query({ ...who, years: range }) }).then(unwrap),
      ]),
    [JSON.stringify(who), range],
  );
  return (
    <RequestView state={answer.state} retry={answer.retry}>
      {([series, indicators]) => {
        const rows = publicTrendRows(
          years,
          TREND_SERIES.map((s) => s.key),
          series,
          indicators,
        );
        if (!hasValues(rows)) return <p className="empty">{t("pubNoFigures")}</p>;
        return (
          <>
            <p className="muted template-note">{t("trTemplateNote")}</p>
            <TrendChart rows={rows} series={TREND_SERIES} caption={caption} size={chartSize} />
          </>
        );
      }}
    </RequestView>
  );
}
