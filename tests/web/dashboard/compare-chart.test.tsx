import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { CompareChart } from "../../../web/components/compare-chart";
import { I18nProvider } from "../../../web/i18n";
import { textEms } from "../../../web/lib/chart-label";
import { presetOf } from "../../../web/lib/compare-presets";

afterEach(cleanup);

const names = ["青和县公安局", "峰乐区市场监督管理局", "华山县住房和城乡建设局", "宁屯区教育局"];
const rows = names.map((label, i) => ({
  key: String(i),
  label,
  values: { visits: 1000 * (i + 1) },
}));

function renderChart(width: number) {
  const preset = presetOf("visits");
  return render(
    <I18nProvider>
      <CompareChart
        rows={rows}
        config={preset.config}
        kind="bars"
        unit="count"
        caption="网站访问量"
        size={{ width, height: 300 }}
      />
    </I18nProvider>,
  );
}

describe("CompareChart", () => {
  it("names every bar on the axis, cut to fit a phone's width, with the full name as its title", () => {
    const { container } = renderChart(346);
    const ticks = [...container.querySelectorAll("text.category-tick")].map(
      (t) => t.parentElement!,
    );
    expect(ticks.map((t) => t.querySelector("title")!.textContent)).toEqual(names);
    const shown = ticks.map((t) => t.querySelector("text")!.textContent);
    expect(shown).toContain("青和县公安局");
    expect(shown.some((label) => label.endsWith("…"))).toBe(true);
    // Every label fits the axis on one line: no name broken one character per line.
    const axis = Math.round(346 * 0.36);
    for (const label of shown) expect(textEms(label) * 12).toBeLessThanOrEqual(axis - 8);
  }, 15_000);

  it("gives a wide chart room for the whole names", () => {
    const { container } = renderChart(1000);
    const shown = [...container.querySelectorAll("text.category-tick")].map((t) => t.textContent);
    expect(shown).toEqual(names);
  }, 15_000);
});
