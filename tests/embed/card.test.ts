import { describe, expect, it } from "vitest";
import { renderCard } from "../../worker/embed/charts/card";
import { anEmbedView, yearPoints } from "./builders";
import { accessibleParts, parseSvg, texts } from "./svg-dom";

const card = (overrides: Parameters<typeof anEmbedView>[0] = {}) =>
  parseSvg(renderCard(anEmbedView({ kind: "card", ...overrides })));

describe("card", () => {
  it("shows the last year large with its unit and the rise from the year before", () => {
    const svg = card({ points: yearPoints({ 2023: 5_200_000, 2024: 5_820_000 }) });
    const all = texts(svg).join("\n");
    expect(svg.querySelector(".big")?.textContent).toBe("582万次");
    expect(all).toContain("网站访问量 · 2024");
    expect(all).toContain("较 2023 ▲ +11.9%");
    const { title, desc } = accessibleParts(svg);
    expect(title).toBe("洛阳市人民政府办公室 · 网站访问量");
    expect(desc).toBe("网站访问量 2024：582万次，较 2023 增加 11.9%");
  });

  it("marks a fall with ▼ and a minus sign", () => {
    const svg = card({ points: yearPoints({ 2023: 200, 2024: 150 }) });
    expect(texts(svg).join()).toContain("▼ −25%");
  });

  it("gives a rate's change in percentage points, between the rates as printed", () => {
    const svg = card({
      figure: { key: "indicator.disclosure_rate", label: "公开率", unit: "rate", unitLabel: "%" },
      points: yearPoints({ 2023: 61.25, 2024: 63.4 }),
    });
    expect(svg.querySelector(".big")?.textContent).toBe("63.4%");
    // 61.25 prints as 61.3%: 63.4 − 61.3 = 2.1
    expect(texts(svg).join()).toContain("▲ +2.1 个百分点");
  });

  it("writes English numbers and words", () => {
    const svg = card({
      lang: "en",
      figure: {
        key: "metrics.website_visits",
        label: "Website visits",
        unit: "count",
        unitLabel: "visits",
      },
      points: yearPoints({ 2023: 5_200_000, 2024: 5_820_000 }),
    });
    expect(svg.querySelector(".big")?.textContent).toBe("5,820,000visits");
    expect(texts(svg).join()).toContain("vs 2023 ▲ +11.9%");
    expect(accessibleParts(svg).desc).toBe(
      "Website visits 2024: 5,820,000 visits, up 11.9% from 2023",
    );
  });

  it("shows a dash when the year before is blank or missing", () => {
    const blank = card({ points: yearPoints({ 2023: null, 2024: 10 }) });
    expect(texts(blank).join()).toContain("较 2023 —");
    expect(accessibleParts(blank).desc).toContain("2023 无数据，无法比较");
    expect(texts(card({ points: yearPoints({ 2024: 10 }) })).join()).toContain("较 上年 —");
  });

  it("shows a dash for a blank year instead of a number", () => {
    const svg = card({ points: yearPoints({ 2023: 10, 2024: null }) });
    expect(svg.querySelector(".big")?.textContent).toBe("—");
    expect(accessibleParts(svg).desc).toContain("无数据");
  });

  it("gives the change from zero as a count, and no change as 持平", () => {
    expect(texts(card({ points: yearPoints({ 2023: 0, 2024: 5 }) })).join()).toContain("▲ +5");
    expect(texts(card({ points: yearPoints({ 2023: 7, 2024: 7 }) })).join()).toContain(
      "较 2023 持平",
    );
  });

  it("escapes names and labels", () => {
    const svg = card({
      title: `A<B & "C"`,
      figure: { key: "x", label: "<script>", unit: "count", unitLabel: "&" },
    });
    expect(accessibleParts(svg).title).toBe(`A<B & "C"`);
    expect(texts(svg).join()).toContain("<script>");
    expect(svg.querySelector("script")).toBeNull();
  });

  it("shrinks a number too long for the card", () => {
    const svg = card({ lang: "en", points: yearPoints({ 2024: 3_985_758_000_123 }) });
    const size = Number(svg.querySelector(".big tspan")!.getAttribute("font-size"));
    expect(size).toBeLessThan(40);
  });
});
