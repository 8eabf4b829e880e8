import { Fragment } from "react";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartBox } from "./chart-box";
import type { ChartSize } from "./completeness-chart";
import { formatPercent } from "./ranking-table";
import { useI18n, type Locale } from "../i18n";
import { figureLabel, figureUnit } from "../lib/figure-label";
import { formatCount, labelText } from "../lib/format";
import { OKABE_ITO } from "../lib/palette";
import {
  isIncomplete,
  seriesByUnit,
  spansBreak,
  TEMPLATE_BREAK_YEAR,
  type TrendRow,
  type TrendSeries,
} from "../lib/trend";
import "../styles/charts.css";
import { ScrollTable } from "./scroll-table";

interface Props {
  rows: readonly TrendRow[];
  series: readonly TrendSeries[];
  caption: string;
  /** A fixed size (tests: jsdom has no layout); otherwise the chart fills its box. */
  size?: ChartSize;
}

const HEIGHT = 240;
const INCOMPLETE_FILL = "#888888";

const formatValue = (s: TrendSeries, n: number | null, locale: Locale) =>
  s.unit === "rate" ? (n === null ? "—" : formatPercent(n, locale)) : formatCount(n, locale);

/**
 * Figures by year as lines, one chart per unit (applications, visits and percentages never
 * share an axis), with a marked line where the template changed and, for a region, its
 * incomplete years shaded and starred; the same numbers, notes and coverage in the table beside.
 */
export function TrendChart({ rows, series, caption, size }: Props) {
  const { t, locale } = useI18n();
  const marked = spansBreak(rows.map((r) => r.year));
  const groups = seriesByUnit(series, (key) => figureUnit(key, "zh"));
  const withCoverage = rows.some((row) => row.coverage !== undefined);
  const incomplete = rows.filter(isIncomplete);

  return (
    <div className="trend-chart">
      <div className="trend-charts">
        {groups.map((group) => (
          <figure key={group.unit}>
            <ChartBox size={size} height={HEIGHT}>
              <UnitChart rows={rows} series={group.series} marked={marked} size={size} />
            </ChartBox>
            <figcaption>
              {t("trUnit", { unit: figureUnit(group.series[0]!.key, locale) })}
            </figcaption>
          </figure>
        ))}
      </div>
      {incomplete.length > 0 && (
        <p className="trend-coverage">
          {t("trIncompleteNote", {
            years: incomplete
              .map((row) =>
                t("trCoverage", {
                  year: row.year,
                  published: formatCount(row.coverage!.published, locale),
                  agencies: formatCount(row.coverage!.agencies, locale),
                }),
              )
              .join(locale === "en" ? "; " : "；"),
          })}
        </p>
      )}
      <ScrollTable label={caption}>
        <table className="data-table chart-table trend-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("apYear")}</th>
              {series.map((s) => (
                <th scope="col" key={s.key}>
                  <span className="swatch" style={{ background: s.colour }} aria-hidden="true" />
                  {figureLabel(s.key, locale)}
                </th>
              ))}
              {withCoverage && <th scope="col">{t("trPublished")}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Fragment key={row.year}>
                {marked && row.year === TEMPLATE_BREAK_YEAR && (
                  <tr className="template-break">
                    <td colSpan={series.length + (withCoverage ? 2 : 1)}>{t("trTemplateNote")}</td>
                  </tr>
                )}
                <tr className={isIncomplete(row) ? "incomplete" : undefined}>
                  <th scope="row">
                    {row.year}
                    {isIncomplete(row) && ` ${t("trIncomplete")}`}
                  </th>
                  {series.map((s) => (
                    <td key={s.key}>{formatValue(s, row.values[s.key] ?? null, locale)}</td>
                  ))}
                  {withCoverage && (
                    <td>
                      {row.coverage
                        ? `${formatCount(row.coverage.published, locale)}/${formatCount(row.coverage.agencies, locale)}`
                        : "—"}
                    </td>
                  )}
                </tr>
              </Fragment>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </div>
  );
}

/** One unit's lines: counts on a count axis, or rates on a 0–100 % axis. */
function UnitChart({
  rows,
  series,
  marked,
  size,
}: {
  rows: readonly TrendRow[];
  series: readonly TrendSeries[];
  marked: boolean;
  size?: ChartSize;
}) {
  const { t, locale } = useI18n();
  const years = rows.map((r) => r.year);
  const rate = series.every((s) => s.unit === "rate");
  const starred = new Set(rows.filter(isIncomplete).map((r) => r.year));
  const data = rows.map((row) => ({ year: row.year, ...row.values }));
  return (
    <LineChart
      accessibilityLayer={false}
      data={data}
      width={size?.width}
      height={size?.height ?? HEIGHT}
      margin={{ top: 24, right: 16, bottom: 8, left: 8 }}
    >
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis
        type="number"
        dataKey="year"
        domain={["dataMin", "dataMax"]}
        ticks={years}
        interval={0}
        allowDecimals={false}
        padding={{ left: 16, right: 16 }}
        tickFormatter={(year: number) => (starred.has(year) ? `${year}*` : String(year))}
      />
      <YAxis
        domain={rate ? [0, 100] : undefined}
        tickFormatter={(n: number) => (rate ? `${n}%` : formatCount(n, locale))}
      />
      {[...starred].map((year) => (
        <ReferenceArea
          key={year}
          x1={year - 0.5}
          x2={year + 0.5}
          fill={INCOMPLETE_FILL}
          fillOpacity={0.15}
          ifOverflow="hidden"
        />
      ))}
      <Tooltip
        labelFormatter={(year) =>
          starred.has(Number(year)) ? `${labelText(year)} ${t("trIncomplete")}` : labelText(year)
        }
        formatter={(value, name, entry) => {
          const s = series.find((x) => x.key === String(entry.dataKey));
          const n = typeof value === "number" ? value : null;
          return [s ? formatValue(s, n, locale) : String(value), name];
        }}
      />
      <Legend />
      {marked && (
        <ReferenceLine
          x={TEMPLATE_BREAK_YEAR - 0.5}
          stroke={OKABE_ITO.vermillion}
          strokeDasharray="4 4"
          label={{ value: t("trTemplateBreak"), position: "top", fill: OKABE_ITO.vermillion }}
        />
      )}
      {series.map((s) => (
        <Line
          key={s.key}
          dataKey={s.key}
          name={figureLabel(s.key, locale)}
          stroke={s.colour}
          connectNulls={false}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}
