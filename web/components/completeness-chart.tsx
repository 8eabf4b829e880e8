import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartBox } from "./chart-box";
import { useI18n, type MessageKey } from "../i18n";
import {
  completenessConfig,
  type CompletenessRow,
  type CompletenessState,
} from "../lib/completeness-chart-data";
import { formatCount, labelText } from "../lib/format";
import "../styles/charts.css";
import { ScrollTable } from "./scroll-table";

export interface ChartSize {
  width: number;
  height: number;
}

interface Props {
  rows: CompletenessRow[];
  states: readonly CompletenessState[];
  /** A fixed size (tests: jsdom has no layout); otherwise the chart fills its box. */
  size?: ChartSize;
}

/**
 * States by level as a stacked bar, and the same numbers as a table: the table is what screen
 * readers use, so the chart itself is hidden from them.
 */
export function CompletenessChart({ rows, states, size }: Props) {
  const { t, locale } = useI18n();
  const levelLabel = (level: string) => t(`level_${level}` as MessageKey) ?? level;
  const data = rows.map((row) => ({ level: levelLabel(row.level), ...row.counts }));
  const showLate = rows.some((row) => row.late !== null);

  const chart = (
    <BarChart data={data} width={size?.width} height={size?.height} accessibilityLayer={false}>
      <CartesianGrid vertical={false} strokeDasharray="3 3" />
      <XAxis dataKey="level" interval={0} />
      <YAxis allowDecimals={false} />
      <Tooltip content={<ChartTooltip />} />
      <Legend />
      {states.map((state) => (
        <Bar
          key={state}
          dataKey={state}
          name={t(completenessConfig[state].label)}
          stackId="states"
          fill={completenessConfig[state].colour}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );

  return (
    <div className="completeness-chart">
      <ChartBox size={size} height={280}>
        {chart}
      </ChartBox>
      <ScrollTable label={t("dbByLevel")}>
        <table className="data-table chart-table">
          <caption>{t("dbByLevel")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dbLevel")}</th>
              {states.map((state) => (
                <th scope="col" key={state}>
                  <span
                    className="swatch"
                    style={{ background: completenessConfig[state].colour }}
                    aria-hidden="true"
                  />
                  {t(completenessConfig[state].label)}
                </th>
              ))}
              {showLate && <th scope="col">{t("dbState_late")}</th>}
              <th scope="col">{t("dbAgencies")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.level}>
                <th scope="row">{levelLabel(row.level)}</th>
                {states.map((state) => (
                  <td key={state}>{formatCount(row.counts[state] ?? 0, locale)}</td>
                ))}
                {showLate && <td>{formatCount(row.late, locale)}</td>}
                <td>{formatCount(row.total, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </div>
  );
}

interface TooltipEntry {
  dataKey?: unknown;
  value?: unknown;
}

/** Names each entry by its series key through the config, never by its position. */
function ChartTooltip(props: {
  active?: boolean;
  payload?: readonly TooltipEntry[];
  label?: unknown;
}) {
  const { t, locale } = useI18n();
  if (!props.active || !props.payload?.length) return null;
  return (
    <div className="chart-tooltip">
      <strong>{labelText(props.label)}</strong>
      <ul>
        {props.payload.map((entry) => {
          const key = String(entry.dataKey) as CompletenessState;
          const config = completenessConfig[key];
          if (!config) return null;
          return (
            <li key={key}>
              <span className="swatch" style={{ background: config.colour }} aria-hidden="true" />
              {t(config.label)}: {formatCount(Number(entry.value ?? 0), locale)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
