import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { TrendChart } from "../../../web/components/trend-chart";
import { I18nProvider } from "../../../web/i18n";
import { PRESET_KEYS, presetOf } from "../../../web/lib/compare-presets";
import { figureUnit } from "../../../web/lib/figure-label";
import { seriesByUnit, TREND_SERIES, trendRows } from "../../../web/lib/trend";

afterEach(cleanup);

const rows = trendRows(
  [2022, 2023],
  TREND_SERIES.map((s) => s.key),
  (year) => ({
    "section3.new_received.total": year - 2000,
    "section3.total_processed.total": year - 1990,
    "metrics.website_visits": 600_000,
    "indicator.disclosure_rate": { value: 0.5, status: "ok" },
  }),
);

describe("figures of different units", () => {
  it("are grouped by the unit the registry gives them", () => {
    const groups = seriesByUnit(TREND_SERIES, (key) => figureUnit(key, "zh"));
    expect(groups.map((g) => [g.unit, g.series.map((s) => s.key)])).toEqual([
      ["件", ["section3.new_received.total", "section3.total_processed.total"]],
      ["次", ["metrics.website_visits"]],
      ["%", ["indicator.disclosure_rate"]],
    ]);
  });

  it("are drawn on charts of their own: applications never on the visits axis", () => {
    const { container } = render(
      <I18nProvider>
        <TrendChart
          rows={rows}
          series={TREND_SERIES}
          caption="趋势"
          size={{ width: 400, height: 200 }}
        />
      </I18nProvider>,
    );
    const figures = [...container.querySelectorAll(".trend-charts figure")];
    expect(figures.map((f) => f.querySelector("figcaption")!.textContent)).toEqual([
      "单位：件",
      "单位：次",
      "单位：%",
    ]);
    const lines = figures.map((f) => f.querySelectorAll(".recharts-line").length);
    expect(lines).toEqual([2, 1, 1]);
    // The applications chart's axis reads in tens, not in hundreds of thousands.
    const ticks = [
      ...figures[0]!.querySelectorAll(".recharts-yAxis .recharts-cartesian-axis-tick-value"),
    ].map((t) => Number(t.textContent.replace(/,/g, "")));
    expect(Math.max(...ticks)).toBeLessThan(100);
  }, 15_000);

  it("never share a compare chart: each preset's figures count in one unit", () => {
    for (const key of PRESET_KEYS) {
      const units = new Set(presetOf(key).figures.map((f) => figureUnit(f, "zh")));
      expect([key, units.size]).toEqual([key, 1]);
    }
  });
});
