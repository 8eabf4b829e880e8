import { describe, expect, it } from "vitest";
import { renderTrend } from "../../worker/embed/charts/trend";
import { aSixYearTrend, anEmbedView, yearPoints } from "./builders";
import { accessibleParts, parseSvg, texts } from "./svg-dom";

describe("trend", () => {
  it("draws a point per year on a line and labels the years", () => {
    const svg = parseSvg(renderTrend(aSixYearTrend()));
    expect(svg.querySelectorAll("circle.pt")).toHaveLength(6);
    expect(svg.querySelector("path.ln")?.getAttribute("d")?.match(/M/g)).toHaveLength(1);
    for (const year of ["2019", "2020", "2021", "2022", "2023", "2024"])
      expect(texts(svg)).toContain(year);
    expect(svg.querySelector("circle.pt title")?.textContent).toBe("2019：120.34万次");
  });

  it("puts the y axis on nice ticks written with 万", () => {
    const svg = parseSvg(renderTrend(aSixYearTrend()));
    const ticks = [...svg.querySelectorAll("text.sm")].map((t) => t.textContent);
    expect(ticks.slice(0, 5)).toEqual(["0", "200万", "400万", "600万", "800万"]);
  });

  it("leaves a gap for a blank year", () => {
    const view = anEmbedView({
      points: yearPoints({ 2019: 10, 2020: 12, 2021: null, 2022: 15, 2023: 18 }),
    });
    const svg = parseSvg(renderTrend(view));
    expect(svg.querySelectorAll("circle.pt")).toHaveLength(4);
    expect(svg.querySelector("path.ln")?.getAttribute("d")?.match(/M/g)).toHaveLength(2);
    expect(accessibleParts(svg).desc).toContain("2021 无数据");
  });

  it("marks the 2021 template change with a dashed line between 2020 and 2021", () => {
    const svg = parseSvg(renderTrend(aSixYearTrend()));
    const line = svg.querySelector("line.brk")!;
    const xOf = (year: string) =>
      Number(
        [...svg.querySelectorAll("text")].find((t) => t.textContent === year)!.getAttribute("x"),
      );
    const x = Number(line.getAttribute("x1"));
    expect(x).toBeGreaterThan(xOf("2020"));
    expect(x).toBeLessThan(xOf("2021"));
    expect(texts(svg)).toContain("2021 年起新版表格");
    expect(accessibleParts(svg).desc).toContain("2021 年起使用新版表格");
  });

  it("marks nothing when every year shown is on the new template", () => {
    const svg = parseSvg(
      renderTrend(anEmbedView({ points: yearPoints({ 2021: 1, 2022: 2, 2023: 3 }) })),
    );
    expect(svg.querySelector("line.brk")).toBeNull();
  });

  it("writes English labels and numbers", () => {
    const svg = parseSvg(
      renderTrend(
        aSixYearTrend({
          lang: "en",
          figure: {
            key: "metrics.website_visits",
            label: "Website visits",
            unit: "count",
            unitLabel: "visits",
          },
        }),
      ),
    );
    expect(texts(svg)).toContain("New format from 2021");
    expect(texts(svg)).toContain("8,000,000");
    expect(texts(svg)).toContain("Unit: visits");
    expect(accessibleParts(svg).desc).toContain("2024 7,310,950 visits");
  });

  it("plots rates in percent without a unit line", () => {
    const svg = parseSvg(
      renderTrend(
        anEmbedView({
          figure: {
            key: "indicator.disclosure_rate",
            label: "公开率",
            unit: "rate",
            unitLabel: "%",
          },
          points: yearPoints({ 2022: 61.2, 2023: 63.4, 2024: 70 }),
        }),
      ),
    );
    expect(texts(svg)).toContain("80%");
    expect(texts(svg).some((t) => t.startsWith("单位"))).toBe(false);
  });

  it("says there is no data when every year is blank", () => {
    const svg = parseSvg(
      renderTrend(anEmbedView({ points: yearPoints({ 2023: null, 2024: null }) })),
    );
    expect(texts(svg)).toEqual(["无数据"]);
  });
});
