import { Fragment } from "react";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartBox } from "./chart-box";
import type { ChartSize } from "./completeness-chart";
import { formatPercent } from "./ranking-table";
import { useI18n } from "../i18n";
import { figureLabel } from "../lib/figure-label";
import { formatCount, labelText } from "../lib/format";
import { OKABE_ITO } from "../lib/palette";
import { spansBreak, TEMPLATE_BREAK_YEAR, type TrendRow, type TrendSeries } from "../lib/trend";

interface Props {
  rows: readonly TrendRow[];
  series: readonly TrendSeries[];
  caption: string;
  /** A fixed size (tests: jsdom has no layout); otherwise the chart fills its box. */
  size?: ChartSize;
}

const HEIGHT = 260;

/**
 * Figures by year as lines (rates on their own axis, in percent), with a marked line where the
 * template changed; the same numbers and the same note in the table beside it.
 */
export function TrendChart({ rows, series, caption, size }: Props) {
  const { t, locale } = useI18n();
  const years = rows.map((r) => r.year);
  const marked = spansBreak(years);
  const counts = series.filter((s) => s.unit === "count");
  const rates = series.filter((s) => s.unit === "rate");
  const format = (s: TrendSeries, n: number | null) =>
    s.unit === "rate" ? (n === null ? "—" : formatPercent(n, locale)) : formatCount(n, locale);
  const data = rows.map((row) => ({ year: row.year, ...row.values }));

  const chart = (
    <LineChart
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
        allowDecimals={false}
        padding={{ left: 16, right: 16 }}
      />
      {counts.length > 0 && (
        <YAxis yAxisId="count" tickFormatter={(n: number) => formatCount(n, locale)} />
      )}
      {rates.length > 0 && (
        <YAxis
          yAxisId="rate"
          orientation={counts.length > 0 ? "right" : "left"}
          domain={[0, 100]}
          tickFormatter={(n: number) => `${n}%`}
        />
      )}
      <Tooltip
        labelFormatter={labelText}
        formatter={(value, name, entry) => {
          const s = series.find((x) => x.key === String(entry.dataKey));
          const n = typeof value === "number" ? value : null;
          return [s ? format(s, n) : String(value), name];
        }}
      />
      <Legend />
      {marked && (
        <ReferenceLine
          x={TEMPLATE_BREAK_YEAR - 0.5}
          yAxisId={counts.length > 0 ? "count" : "rate"}
          stroke={OKABE_ITO.vermillion}
          strokeDasharray="4 4"
          label={{ value: t("trTemplateBreak"), position: "top", fill: OKABE_ITO.vermillion }}
        />
      )}
      {series.map((s) => (
        <Line
          key={s.key}
          yAxisId={s.unit}
          dataKey={s.key}
          name={figureLabel(s.key, locale)}
          stroke={s.colour}
          connectNulls={false}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );

  return (
    <div className="trend-chart">
      <ChartBox size={size} height={HEIGHT}>
        {chart}
      </ChartBox>
      <table className="data-table trend-table">
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
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Fragment key={row.year}>
              {marked && row.year === TEMPLATE_BREAK_YEAR && (
                <tr className="template-break">
                  <td colSpan={series.length + 1}>{t("trTemplateNote")}</td>
                </tr>
              )}
              <tr>
                <th scope="row">{row.year}</th>
                {series.map((s) => (
                  <td key={s.key}>{format(s, row.values[s.key] ?? null)}</td>
                ))}
              </tr>
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
