import { describe, expect, it } from "vitest";
import { renderBars } from "../../worker/embed/charts/bars";
import { anEmbedView, twentyAgencyBars } from "./builders";
import { accessibleParts, parseSvg, texts } from "./svg-dom";

describe("bars", () => {
  it("draws a bar per agency in the order given, longest for the largest value", () => {
    const svg = parseSvg(renderBars(twentyAgencyBars()));
    const rows = [...svg.querySelectorAll("g")];
    expect(rows).toHaveLength(20);
    expect(rows[0]!.querySelector("title")?.textContent).toBe("洛阳市发展和改革委员会：1,480件");
    expect(rows[1]!.querySelector("title")?.textContent).toBe("洛阳市教育局：740件");
    const widths = [...svg.querySelectorAll("rect.sr")].map((r) => Number(r.getAttribute("width")));
    expect(widths).toHaveLength(19);
    expect(Math.max(...widths)).toBe(widths[0]);
  });

  it("labels each bar with its value and a blank one with a dash and no bar", () => {
    const svg = parseSvg(renderBars(twentyAgencyBars()));
    const blank = [...svg.querySelectorAll("g")][17]!;
    expect(blank.querySelector("rect")).toBeNull();
    expect(blank.querySelector("text.mu")?.textContent).toBe("—");
    expect(texts(svg)).toContain("1,480");
    expect(texts(svg)).toContain("单位：件");
  });

  it("cuts a long name with an ellipsis and keeps it whole in the title", () => {
    const svg = parseSvg(renderBars(twentyAgencyBars()));
    const row = [...svg.querySelectorAll("g")][11]!;
    expect(row.querySelector("text")?.textContent).toBe("洛阳市住房和城乡建设局…");
    expect(row.querySelector("title")?.textContent).toContain(
      "洛阳市住房和城乡建设局（洛阳市人民防空办公室）",
    );
  });

  it("links each name to its agency page, for the mouse (the table has the keyboard links)", () => {
    const svg = parseSvg(renderBars(twentyAgencyBars()));
    const link = svg.querySelector("a")!;
    expect(link.getAttribute("href")).toBe("https://nianbao.example.org/agencies/4100");
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("tabindex")).toBe("-1");
  });

  it("formats values with 万 in Chinese and separators in English", () => {
    const points = [{ label: "A", value: 3_985_758 }];
    expect(texts(parseSvg(renderBars(anEmbedView({ kind: "bars", points }))))).toContain(
      "398.58万",
    );
    expect(
      texts(parseSvg(renderBars(anEmbedView({ kind: "bars", lang: "en", points })))),
    ).toContain("3,985,758");
  });

  it("describes the count and the extremes in words", () => {
    const { desc } = accessibleParts(parseSvg(renderBars(twentyAgencyBars())));
    expect(desc).toBe(
      "本年新收申请，共 20 项；最高：洛阳市发展和改革委员会 1,480件；最低：洛阳市市场监督管理局 74件；1 项无数据",
    );
  });

  it("escapes names that contain markup characters", () => {
    const svg = parseSvg(
      renderBars(
        anEmbedView({
          kind: "bars",
          points: [{ label: `<b>"A" & B</b>`, value: 1, href: "javascript:alert(1)" }],
        }),
      ),
    );
    expect(svg.querySelector("g > a > text")?.textContent).toBe(`<b>"A" & B</b>`);
    expect(svg.querySelector("b")).toBeNull();
    expect(svg.querySelector("a")?.getAttribute("href")).toBe("#");
  });

  it("says there is no data when there are no agencies", () => {
    expect(texts(parseSvg(renderBars(anEmbedView({ kind: "bars", points: [] }))))).toEqual([
      "无数据",
    ]);
  });
});
