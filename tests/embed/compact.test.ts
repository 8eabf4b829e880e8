import { describe, expect, it } from "vitest";
import { renderBars } from "../../worker/embed/charts/bars";
import { renderCard } from "../../worker/embed/charts/card";
import { renderOutcomeMix } from "../../worker/embed/charts/outcome-mix";
import { renderTrend } from "../../worker/embed/charts/trend";
import { textWidth } from "../../worker/embed/markup";
import { EMBED_CSS, renderEmbedPage } from "../../worker/embed/page";
import type { EmbedView } from "../../worker/embed/view";
import {
  aSixYearTrend,
  anEmbedView,
  anOutcomeMix,
  mixRow,
  twentyAgencyBars,
  yearPoints,
} from "./builders";
import { accessibleParts, parsePage, parseSvg, texts } from "./svg-dom";

const COMPACT = { layout: "compact", id: "c" } as const;
const VIEWS: [string, EmbedView][] = [
  ["trend", aSixYearTrend()],
  ["bars", twentyAgencyBars()],
  ["outcome mix", anOutcomeMix()],
  ["card", anEmbedView({ kind: "card" })],
];

const viewBoxWidth = (svg: Element) => Number(svg.getAttribute("viewBox")!.split(" ")[2]);

/** The font size of a `<text>`/`<tspan>` in user units, as the page's CSS and attributes set it. */
function fontSize(element: Element, layout: "wide" | "compact"): number {
  const own = element.getAttribute("font-size");
  if (own) return Number(own);
  const classes = element.getAttribute("class")?.split(" ") ?? [];
  if (classes.includes("un")) return 16;
  if (classes.includes("sm") && layout === "wide") return 11;
  if (element.parentElement?.tagName === "text") return fontSize(element.parentElement, layout);
  return 12;
}

/** Horizontal extent of a `<text>` in user units, from its anchor and estimated width. */
function extent(text: Element, layout: "wide" | "compact"): [number, number] {
  const x = Number(text.getAttribute("x"));
  const width = textWidth(text.textContent ?? "") * fontSize(text, layout);
  const anchor = text.getAttribute("text-anchor");
  if (anchor === "end") return [x - width, x];
  if (anchor === "middle") return [x - width / 2, x + width / 2];
  return [x, x + width];
}

describe("the compact layout, for frames under 480 px", () => {
  it("is a second drawing in the page, which CSS shows instead of the wide one below 480 px", () => {
    for (const [kind, view] of VIEWS) {
      const doc = parsePage(renderEmbedPage(view));
      const svgs = [...doc.querySelectorAll(".fig > svg")];
      expect(
        svgs.map((s) => s.getAttribute("class")),
        kind,
      ).toEqual(["chart wide", "chart compact"]);
      const [wide, compact] = svgs.map((s) => accessibleParts(s));
      expect(compact, kind).toEqual(wide);
      // Their ids differ, so each names itself.
      expect(svgs[0]!.getAttribute("aria-labelledby")).not.toBe(
        svgs[1]!.getAttribute("aria-labelledby"),
      );
    }
    expect(EMBED_CSS).toContain(".chart.compact{display:none}");
    expect(EMBED_CSS).toMatch(
      /@media \(max-width:479\.98px\)\{#nb\{padding:8px 10px\}\.chart\.wide\{display:none\}\.chart\.compact\{display:block;/,
    );
  });

  it("draws 300 units wide with no text under 12, so a 320 px frame shows it at 12 px or more", () => {
    // A 320 px frame less the compact padding (10 px each side) is 300 px: one unit per pixel.
    for (const [kind, view] of VIEWS) {
      const svg = parseSvg(
        {
          trend: renderTrend,
          bars: renderBars,
          "outcome mix": renderOutcomeMix,
          card: renderCard,
        }[kind]!(view, COMPACT),
      );
      expect(viewBoxWidth(svg), kind).toBe(300);
      const sizes = [...svg.querySelectorAll("text, tspan")].map((t) => fontSize(t, "compact"));
      expect(Math.min(...sizes), kind).toBeGreaterThanOrEqual(12);
    }
    // The one rule with a smaller size applies to the wide drawing only.
    const small = [...EMBED_CSS.matchAll(/([^{}]+)\{[^}]*font-size:(\d+)px/g)].filter(
      (m) => Number(m[2]) < 12,
    );
    expect(small.map((m) => m[1])).toEqual([".chart.wide .sm"]);
  });

  it("keeps every label inside the drawing", () => {
    for (const [kind, view] of VIEWS) {
      const render = { trend: renderTrend, bars: renderBars, "outcome mix": renderOutcomeMix };
      const draw = render[kind as keyof typeof render];
      if (!draw) continue;
      const svg = parseSvg(draw(view, COMPACT));
      for (const text of svg.querySelectorAll("text")) {
        const [from, to] = extent(text, "compact");
        expect(from, `${kind}: ${text.textContent}`).toBeGreaterThanOrEqual(-0.5);
        // Values after a bar may end a few units past the edge; none runs off by a word.
        expect(to, `${kind}: ${text.textContent}`).toBeLessThanOrEqual(300 + 12);
      }
    }
  });

  it("puts long names above their bars, cut to the drawing's width, and keeps years beside them", () => {
    const svg = parseSvg(renderBars(twentyAgencyBars(), COMPACT));
    const rows = [...svg.querySelectorAll("g")];
    const name = rows[11]!.querySelector("text")!;
    expect(name.getAttribute("x")).toBe("0");
    expect(name.hasAttribute("text-anchor")).toBe(false);
    // 25 ems at 12 units: the whole name of 23 characters fits on its own line.
    expect(name.textContent).toBe("洛阳市住房和城乡建设局（洛阳市人民防空办公室）");
    const bar = rows[0]!.querySelector("rect")!;
    expect(Number(bar.getAttribute("y"))).toBeGreaterThan(
      Number(rows[0]!.querySelector("text")!.getAttribute("y")),
    );
    expect(Number(bar.getAttribute("x"))).toBe(0);

    const years = parseSvg(
      renderBars(anEmbedView({ kind: "bars", points: yearPoints({ 2023: 5, 2024: 9 }) }), COMPACT),
    );
    const label = years.querySelector("g text")!;
    expect(label.getAttribute("text-anchor")).toBe("end");
    expect(label.textContent).toBe("2023");
  });

  it("labels only as many years as fit side by side, always the latest", () => {
    const years: Record<number, number> = {};
    for (let y = 2008; y <= 2024; y++) years[y] = y - 2000;
    const view = anEmbedView({ points: yearPoints(years), templateBreakYear: undefined });
    const svg = parseSvg(renderTrend(view, COMPACT));
    const labels = [...svg.querySelectorAll("text")].filter((t) => /^\d{4}$/.test(t.textContent));
    expect(labels.length).toBeLessThan(17);
    expect(labels.at(-1)!.textContent).toBe("2024");
    const spans = labels.map((t) => extent(t, "compact"));
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThan(spans[i - 1]![1]);
    // The wide drawing has room for more.
    const wide = texts(parseSvg(renderTrend(view))).filter((t) => /^\d{4}$/.test(t));
    expect(wide.length).toBeGreaterThan(labels.length);
  });

  it("marks the template change with its line only: the page's note says it in words", () => {
    const svg = parseSvg(renderTrend(aSixYearTrend(), COMPACT));
    expect(svg.querySelector("line.brk")).not.toBeNull();
    expect(texts(svg)).not.toContain("2021 年起新版表格");
    const page = parsePage(renderEmbedPage(aSixYearTrend()));
    expect(page.querySelector(".notes")?.textContent).toContain("2021 年起使用新版表格");
  });

  it("wraps the outcome legend within the compact width and stacks long row names", () => {
    const view = anOutcomeMix({
      mix: [
        mixRow("洛阳市人民政府办公室", [40, 12, 5, 30, 3, 1]),
        mixRow("洛阳市教育局", [1, 0, 0, 0, 0, 0]),
      ],
    });
    const svg = parseSvg(renderOutcomeMix(view, COMPACT));
    const legend = [...svg.querySelectorAll(":scope > text")];
    expect(new Set(legend.map((t) => t.getAttribute("y"))).size).toBeGreaterThan(1);
    const segments = [...svg.querySelectorAll("rect.seg")];
    expect(Number(segments[0]!.getAttribute("x"))).toBe(0);
    const end = segments.slice(0, 6).reduce((sum, r) => sum + Number(r.getAttribute("width")), 0);
    expect(end).toBeCloseTo(300, 0);
  });

  it("cuts a card's long figure name to fit beside the year", () => {
    const view = anEmbedView({
      kind: "card",
      figure: {
        key: "section3.denied.security.total",
        label: "不予公开：危及“三安全一稳定”的政府信息申请数量",
        unit: "count",
        unitLabel: "件",
      },
    });
    const svg = parseSvg(renderCard(view, COMPACT));
    const first = svg.querySelector("text")!.textContent;
    expect(first.endsWith("… · 2022")).toBe(true);
    expect(textWidth(first) * 12).toBeLessThanOrEqual(300);
  });
});
