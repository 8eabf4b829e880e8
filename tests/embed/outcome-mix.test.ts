import { describe, expect, it } from "vitest";
import { percentShares, renderOutcomeMix } from "../../worker/embed/charts/outcome-mix";
import { OUTCOME_COLOURS } from "../../worker/embed/palette";
import { anOutcomeMix, mixRow } from "./builders";
import { accessibleParts, parseSvg, texts } from "./svg-dom";

const sharesIn = (titles: string[]) => titles.map((t) => Number(/（([\d.]+)%）/.exec(t)![1]));

describe("outcome mix", () => {
  it("rounds shares to one decimal that add up to exactly 100", () => {
    expect(percentShares([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
    expect(percentShares([40, 12, 5, 30, 3, 1]).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
    expect(percentShares([0, 0])).toEqual([0, 0]);
  });

  it("draws one full-width bar per row whose segment shares add up to 100 %", () => {
    const svg = parseSvg(renderOutcomeMix(anOutcomeMix()));
    const segments = [...svg.querySelectorAll("rect.seg")];
    const byRow = new Map<string, Element[]>();
    for (const s of segments)
      byRow.set(s.getAttribute("y")!, [...(byRow.get(s.getAttribute("y")!) ?? []), s]);
    expect(byRow.size).toBe(3);
    for (const row of byRow.values()) {
      const titles = row.map((s) => s.querySelector("title")!.textContent);
      expect(sharesIn(titles).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
      const widths = row.map((s) => Number(s.getAttribute("width")));
      const first = Number(row[0]!.getAttribute("x"));
      expect(first + widths.reduce((a, b) => a + b, 0)).toBeCloseTo(560, 0);
    }
    expect(segments[0]!.querySelector("title")?.textContent).toBe("2020 · 予以公开：40件（43.9%）");
  });

  it("colours the six families as the dashboard does and names them in a legend", () => {
    const svg = parseSvg(renderOutcomeMix(anOutcomeMix()));
    const legend = ["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"];
    for (const label of legend) expect(texts(svg)).toContain(label);
    expect(svg.querySelector("rect.seg")?.getAttribute("fill")).toBe(OUTCOME_COLOURS.granted);
  });

  it("says a row with no applications has no data", () => {
    const view = anOutcomeMix({ mix: [mixRow("2024", [0, 0, 0, 0, 0, 0], 2024)] });
    const svg = parseSvg(renderOutcomeMix(view));
    expect(svg.querySelector("rect.seg")).toBeNull();
    expect(texts(svg)).toContain("无数据");
  });

  it("describes every row's shares in words", () => {
    const { desc } = accessibleParts(parseSvg(renderOutcomeMix(anOutcomeMix())));
    expect(desc).toContain("2022：予以公开 33.4%，部分公开 33.3%，不予公开 33.3%，无法提供 0%");
  });
});
