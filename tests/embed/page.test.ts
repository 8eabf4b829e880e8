import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { EMBED_CSS, renderEmbedPage } from "../../worker/embed/page";
import { aSixYearTrend, anEmbedView, anOutcomeMix, twentyAgencyBars, yearPoints } from "./builders";
import { parsePage } from "./svg-dom";

const BUDGET = 15 * 1024;

const tableRows = (doc: Document) =>
  [...doc.querySelectorAll(".visually-hidden > table tbody tr")].map((tr) =>
    [...tr.children].map((c) => c.textContent),
  );

describe("the embed page", () => {
  it("is a complete document in the view's language with the chart inline", () => {
    const html = renderEmbedPage(aSixYearTrend());
    expect(html.startsWith("<!doctype html>")).toBe(true);
    const doc = parsePage(html);
    expect(doc.documentElement.lang).toBe("zh-CN");
    expect(doc.title).toBe("洛阳市人民政府办公室 · 网站访问量");
    expect(doc.querySelector("h1")?.textContent).toBe("洛阳市人民政府办公室 · 网站访问量");
    expect(doc.querySelector(".sub")?.textContent).toBe("2019–2024 年");
    expect(doc.querySelector("svg[role=img]")).not.toBeNull();
    expect(parsePage(renderEmbedPage(aSixYearTrend({ lang: "en" }))).documentElement.lang).toBe(
      "en",
    );
  });

  it("repeats exactly the numbers shown in a visually hidden table", () => {
    const doc = parsePage(renderEmbedPage(aSixYearTrend()));
    const table = doc.querySelector(".visually-hidden > table")!;
    expect(table.querySelector("caption")?.textContent).toBe(
      "洛阳市人民政府办公室 · 网站访问量，2019–2024 年",
    );
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual([
      "年份",
      "网站访问量（次）",
    ]);
    expect(tableRows(doc)).toEqual([
      ["2019", "1,203,400"],
      ["2020", "2,871,000"],
      ["2021", "3,985,758"],
      ["2022", "5,820,000"],
      ["2023", "6,104,233"],
      ["2024", "7,310,950"],
    ]);
  });

  it("tables the two years a card compares, and blanks as a dash", () => {
    const doc = parsePage(
      renderEmbedPage(
        anEmbedView({ kind: "card", points: yearPoints({ 2022: 1, 2023: null, 2024: 9 }) }),
      ),
    );
    expect(tableRows(doc)).toEqual([
      ["2023", "—"],
      ["2024", "9"],
    ]);
  });

  it("tables each agency with a link to its page", () => {
    const doc = parsePage(renderEmbedPage(twentyAgencyBars()));
    expect(doc.querySelector("thead th")?.textContent).toBe("名称");
    const rows = tableRows(doc);
    expect(rows).toHaveLength(20);
    expect(rows[11]).toEqual(["洛阳市住房和城乡建设局（洛阳市人民防空办公室）", "123"]);
    expect(rows[17]).toEqual(["洛阳市卫生健康委员会", "—"]);
    const link = doc.querySelector("table a")!;
    expect(link.getAttribute("href")).toBe("https://nianbao.example.org/agencies/4100");
  });

  it("tables the outcome families of each row as counts and shares", () => {
    const doc = parsePage(renderEmbedPage(anOutcomeMix()));
    expect([...doc.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual([
      "年份",
      "予以公开",
      "部分公开",
      "不予公开",
      "无法提供",
      "不予处理",
      "其他处理",
    ]);
    expect(tableRows(doc)[0]).toEqual([
      "2020",
      "40（43.9%）",
      "12（13.2%）",
      "5（5.5%）",
      "30（33%）",
      "3（3.3%）",
      "1（1.1%）",
    ]);
  });

  it("hides the table by clipping, not display:none, and shows it when a link in it has focus", () => {
    expect(EMBED_CSS).toContain(".visually-hidden:not(:focus-within){position:absolute");
    expect(EMBED_CSS).toContain("clip:rect(0 0 0 0)");
    expect(EMBED_CSS).not.toMatch(/\.visually-hidden[^{]*\{[^}]*display:none/);
  });

  it("links the data, the details page and the licence in a new tab, and names source, date and version", () => {
    const doc = parsePage(renderEmbedPage(aSixYearTrend()));
    const links = [...doc.querySelectorAll("a")].filter((a) => !a.closest("svg"));
    const data = links.find((a) => a.textContent?.startsWith("数据"))!;
    expect(data.getAttribute("href")).toBe(aSixYearTrend().dataUrl);
    expect(links.find((a) => a.textContent?.startsWith("查看详情"))?.getAttribute("href")).toBe(
      "https://nianbao.example.org/agencies/123",
    );
    for (const a of links) {
      expect(a.getAttribute("target")).toBe("_blank");
      expect(a.getAttribute("rel")).toBe("noopener");
    }
    const footer = doc.querySelector("footer")!;
    expect(footer.textContent).toBe(
      "来源：年报平台 · 政府信息公开工作年度报告 · 数据日期：2025-01-27 · 版本：v1234 · 许可：CC BY 4.0（在新窗口打开）",
    );
    expect(footer.querySelector("a")?.getAttribute("href")).toBe(
      "https://creativecommons.org/licenses/by/4.0/",
    );
  });

  it("writes the page furniture in English", () => {
    const doc = parsePage(renderEmbedPage(aSixYearTrend({ lang: "en" })));
    expect(doc.querySelector(".links")?.textContent).toBe(
      "Data (CSV, opens in a new tab) · More (opens in a new tab)",
    );
    expect(doc.querySelector("footer")?.textContent).toContain("Data date: 2025-01-27");
    expect(doc.querySelector("thead th")?.textContent).toBe("Year");
    expect(tableRows(doc)[3]).toEqual(["2022", "5,820,000"]);
  });

  it("notes the template change when the years shown run across it, after the view's own notes", () => {
    const notes = (html: string) =>
      [...parsePage(html).querySelectorAll(".notes li")].map((li) => li.textContent);
    expect(notes(renderEmbedPage(aSixYearTrend()))).toEqual([
      "访问量为各年度报告所载数字，统计口径以原报告为准。",
      "2021 年起使用新版表格，此前为试行格式，前后口径可能不同。",
    ]);
    expect(
      notes(renderEmbedPage(anEmbedView({ points: yearPoints({ 2022: 1, 2023: 2 }) }))),
    ).toEqual([]);
    expect(notes(renderEmbedPage(anOutcomeMix()))).toHaveLength(1);
  });

  it("themes through classes on <html>: light, dark, auto following the system, transparent", () => {
    const classes = (view: Parameters<typeof renderEmbedPage>[0]) =>
      parsePage(renderEmbedPage(view)).documentElement.className;
    expect(classes(aSixYearTrend({ theme: "light" }))).toBe("theme-light");
    expect(classes(aSixYearTrend({ theme: "dark" }))).toBe("theme-dark");
    expect(classes(aSixYearTrend({ theme: "auto", transparent: true }))).toBe(
      "theme-auto transparent",
    );
    expect(EMBED_CSS).toMatch(/\.theme-dark\{--bg:#161616;/);
    expect(EMBED_CSS).toMatch(/@media \(prefers-color-scheme:dark\)\{\.theme-auto\{--bg:#161616;/);
    expect(EMBED_CSS).toContain(".transparent{--bg:transparent}");
    expect(EMBED_CSS).toContain("html,body{margin:0;background:var(--bg)");
    // A transparent page declares no color-scheme, or the browser paints an opaque backdrop.
    expect(EMBED_CSS).toContain(".theme-auto:not(.transparent){color-scheme:light dark}");
  });

  it("uses no theme colour in the markup: only palette fills on outcome segments", () => {
    for (const view of [aSixYearTrend(), twentyAgencyBars(), anOutcomeMix()]) {
      const body = renderEmbedPage(view).split("</style>")[1]!;
      const colours = new Set(body.match(/#[0-9a-f]{6}\b/gi) ?? []);
      for (const colour of colours)
        expect(["#009E73", "#56B4E9", "#D55E00", "#F0E442", "#E69F00", "#CC79A7"]).toContain(
          colour,
        );
    }
  });

  it("has no script unless given the resize script's URL, and then only that file, deferred", () => {
    expect(renderEmbedPage(aSixYearTrend())).not.toContain("<script");
    const doc = parsePage(
      renderEmbedPage(aSixYearTrend(), {
        resizeScriptUrl: "https://nianbao.example.org/embed/resize.js",
      }),
    );
    const scripts = [...doc.querySelectorAll("script")];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.getAttribute("src")).toBe("https://nianbao.example.org/embed/resize.js");
    expect(scripts[0]!.hasAttribute("defer")).toBe(true);
    expect(scripts[0]!.textContent).toBe("");
  });

  it("keeps all styles in the one <style> block, so a CSP can allow it by hash", () => {
    for (const view of [
      aSixYearTrend(),
      twentyAgencyBars(),
      anOutcomeMix(),
      anEmbedView({ kind: "card" }),
    ]) {
      const html = renderEmbedPage(view);
      expect(html).not.toMatch(/\sstyle=/);
      expect(html.match(/<style>/g)).toHaveLength(1);
      expect(html).toContain(`<style>${EMBED_CSS}</style>`);
    }
  });

  it("escapes every name it prints", () => {
    const html = renderEmbedPage(
      aSixYearTrend({
        title: `<script>alert("x")</script>`,
        subtitle: `a & b`,
        notes: [`<img src=x onerror=alert(1)>`],
        source: `"quoted"`,
        version: `<v>`,
        licence: { name: "<b>CC</b>", url: "javascript:alert(1)" },
      }),
    );
    const doc = parsePage(html);
    expect(doc.querySelector("script")).toBeNull();
    expect(doc.querySelector("img")).toBeNull();
    expect(doc.querySelector("b")).toBeNull();
    expect(doc.title).toBe(`<script>alert("x")</script>`);
    expect(doc.querySelector("footer a")?.getAttribute("href")).toBe("#");
  });

  it("stays under 15 KB gzipped for a six-year trend and for twenty agencies' bars", () => {
    const options = { resizeScriptUrl: "https://nianbao.example.org/embed/resize.js" };
    for (const view of [
      aSixYearTrend(),
      aSixYearTrend({ lang: "en", theme: "dark", transparent: true }),
      twentyAgencyBars(),
      twentyAgencyBars({ lang: "en" }),
      anOutcomeMix(),
    ])
      expect(gzipSync(renderEmbedPage(view, options)).length).toBeLessThan(BUDGET);
  });
});
