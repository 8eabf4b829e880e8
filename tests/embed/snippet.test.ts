import { describe, expect, it } from "vitest";
import { embedSnippet } from "../../worker/embed/snippet";
import { parsePage } from "./svg-dom";

describe("embedSnippet", () => {
  it("gives a lazy, borderless, full-width iframe and the loader from our origin", () => {
    const html = embedSnippet({
      src: "https://nianbao.example.org/embed/agency/123?metric=metrics.website_visits&kind=trend&theme=auto&lang=zh",
      title: "洛阳市人民政府办公室 · 网站访问量",
      height: 320,
      origin: "https://nianbao.example.org/",
    });
    const doc = parsePage(html);
    const iframe = doc.querySelector("iframe")!;
    expect(iframe.getAttribute("src")).toBe(
      "https://nianbao.example.org/embed/agency/123?metric=metrics.website_visits&kind=trend&theme=auto&lang=zh",
    );
    expect(iframe.hasAttribute("data-nianbao-embed")).toBe(true);
    expect(iframe.getAttribute("title")).toBe("洛阳市人民政府办公室 · 网站访问量");
    expect(iframe.getAttribute("loading")).toBe("lazy");
    expect(iframe.getAttribute("style")).toBe("width:100%;border:0");
    expect(iframe.getAttribute("height")).toBe("320");
    const script = doc.querySelector("script")!;
    expect(script.getAttribute("src")).toBe("https://nianbao.example.org/embed/loader.js");
    expect(script.hasAttribute("async")).toBe(true);
    expect(html).toContain("&amp;kind=trend");
  });

  it("writes the measured height, rounded up, and caps the width it was measured up to", () => {
    const html = embedSnippet({
      src: "https://n.example/e",
      title: "t",
      height: 412.2,
      maxWidth: 640,
      origin: "https://n.example",
    });
    const iframe = parsePage(html).querySelector("iframe")!;
    expect(iframe.getAttribute("height")).toBe("413");
    expect(iframe.getAttribute("style")).toBe("width:100%;max-width:640px;border:0");
  });

  it("escapes a title with quotes", () => {
    const html = embedSnippet({
      src: "https://n.example/e",
      title: `"A" <B>`,
      height: 100,
      origin: "https://n.example",
    });
    expect(parsePage(html).querySelector("iframe")?.getAttribute("title")).toBe(`"A" <B>`);
  });
});
