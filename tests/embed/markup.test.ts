import { describe, expect, it } from "vitest";
import { escapeHtml, safeHref, textWidth, truncate } from "../../worker/embed/markup";

describe("escapeHtml", () => {
  it("escapes the characters that end text or attributes", () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  });
});

describe("safeHref", () => {
  it("keeps http(s) and relative links, escaped, and drops other schemes", () => {
    expect(safeHref("https://a.example/x?a=1&b=2")).toBe("https://a.example/x?a=1&amp;b=2");
    expect(safeHref("/agencies/1")).toBe("/agencies/1");
    expect(safeHref(" javascript:alert(1)")).toBe("#");
    expect(safeHref("data:text/html,x")).toBe("#");
  });
});

describe("truncate", () => {
  it("counts Chinese characters as one em and Latin as less", () => {
    expect(textWidth("洛阳市")).toBe(3);
    expect(textWidth("abc")).toBeCloseTo(1.8);
  });

  it("cuts a long name with an ellipsis and leaves a short one alone", () => {
    expect(truncate("洛阳市教育局", 13)).toBe("洛阳市教育局");
    const cut = truncate("洛阳市住房和城乡建设局（洛阳市人民防空办公室）", 13);
    expect(cut).toBe("洛阳市住房和城乡建设局…");
    expect(textWidth(cut)).toBeLessThanOrEqual(13);
  });

  it("never splits a character outside the basic plane", () => {
    expect(truncate("𠀾𠀾𠀾𠀾", 3)).toBe("𠀾𠀾…");
  });
});
