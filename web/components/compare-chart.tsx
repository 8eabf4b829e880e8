import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { CategoryTick } from "./category-tick";
import { ChartBox } from "./chart-box";
import "../styles/charts.css";
import { useI18n } from "../i18n";
import type { ChartConfig, ChartKind, ChartRow } from "../lib/compare-presets";
import { categoryAxisWidth } from "../lib/chart-label";
import { formatCount, labelText } from "../lib/format";
import { useElementWidth } from "../lib/use-element-width";
import type { ChartSize } from "./completeness-chart";
import { formatPercent } from "./ranking-table";
import { ScrollTable } from "./scroll-table";

interface Props {
  rows: readonly ChartRow[];
  config: ChartConfig;
  kind: ChartKind;
  unit: "count" | "rate";
  caption: string;
  /** A fixed size (tests: jsdom has no layout); otherwise the chart fills its box. */
  size?: ChartSize;
}

const TICK_FONT = 12;

/**
 * Agencies as horizontal bars (stacked, or stacked to 100%), every bar named on the axis (cut to
 * fit, the full name on hover), and the same numbers as a table beside it: the table is what
 * screen readers use, so the chart is hidden from them.
 */
export function CompareChart({ rows, config, kind, unit, caption, size }: Props) {
  const { t, locale } = useI18n();
  const [box, measured] = useElementWidth<HTMLDivElement>(size?.width ?? 600);
  const series = Object.keys(config);
  const percent = kind === "percent" || unit === "rate";
  const format = (n: number | null) =>
    percent ? formatPercentOrDash(n, locale) : formatCount(n, locale);
  const data = rows.map((row) => ({ label: row.label, ...row.values }));
  const height = Math.max(200, rows.length * (series.length > 1 && kind === "bars" ? 36 : 26) + 60);
  const axisWidth = categoryAxisWidth(
    rows.map((row) => row.label),
    size?.width ?? measured,
    TICK_FONT,
  );

  const chart = (
    <BarChart
      data={data}
      layout="vertical"
      width={size?.width}
      height={size?.height ?? height}
      accessibilityLayer={false}
    >
      <CartesianGrid horizontal={false} strokeDasharray="3 3" />
      <XAxis
        type="number"
        domain={kind === "percent" ? [0, 100] : undefined}
        tickFormatter={(n: number) => (percent ? `${n}%` : formatCount(n, locale))}
      />
      <YAxis
        type="category"
        dataKey="label"
        width={axisWidth}
        interval={0}
        tick={<CategoryTick axisWidth={axisWidth} fontSize={TICK_FONT} />}
      />
      <Tooltip content={<CompareTooltip config={config} format={format} />} />
      <Legend />
      {series.map((key) => (
        <Bar
          key={key}
          dataKey={key}
          name={t(config[key]!.label)}
          stackId={kind === "bars" ? undefined : "stack"}
          fill={config[key]!.colour}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );

  return (
    <div className="compare-chart">
      <div ref={box}>
        <ChartBox size={size} height={height}>
          {chart}
        </ChartBox>
      </div>
      <ScrollTable label={caption}>
        <table className="data-table chart-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("agency")}</th>
              {series.map((key) => (
                <th scope="col" key={key}>
                  <span
                    className="swatch"
                    style={{ background: config[key]!.colour }}
                    aria-hidden="true"
                  />
                  {t(config[key]!.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {series.map((key) => (
                  <td key={key}>
                    {row.counts ? (
                      <>
                        {formatCount(row.counts[key] ?? null, locale)}{" "}
                        <small className="muted">
                          {formatPercentOrDash(row.values[key] ?? null, locale)}
                        </small>
                      </>
                    ) : (
                      format(row.values[key] ?? null)
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </div>
  );
}

function formatPercentOrDash(n: number | null, locale: string): string {
  return n === null ? "—" : formatPercent(n, locale);
}

interface TooltipEntry {
  dataKey?: unknown;
  value?: unknown;
}

/** Names each entry by its series key through the config, never by its position. */
function CompareTooltip(props: {
  config: ChartConfig;
  format: (n: number | null) => string;
  active?: boolean;
  payload?: readonly TooltipEntry[];
  label?: unknown;
}) {
  const { t } = useI18n();
  if (!props.active || !props.payload?.length) return null;
  return (
    <div className="chart-tooltip">
      <strong>{labelText(props.label)}</strong>
      <ul>
        {props.payload.map((entry) => {
          const key = String(entry.dataKey);
          const series = props.config[key];
          if (!series) return null;
          const value = typeof entry.value === "number" ? entry.value : null;
          return (
            <li key={key}>
              <span className="swatch" style={{ background: series.colour }} aria-hidden="true" />
              {t(series.label)}: {props.format(value)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
