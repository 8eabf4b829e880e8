import { describe, expect, it } from "vitest";
import { normalizeRadicals } from "../../worker/import/cjk-radicals";

describe("normalizeRadicals", () => {
  it("reads radicals a PDF put in place of characters as the characters", () => {
    expect(normalizeRadicals("⽰范市⼈⺠政府⼀、总体情况⾏政⻓期")).toBe(
      "示范市人民政府一、总体情况行政长期",
    );
  });

  it("leaves everything else, full-width punctuation included, as it is", () => {
    const text = "（一）予以公开\t1288　２１";
    expect(normalizeRadicals(text)).toBe(text);
  });

  it("reads the look-alikes Chromium's PDF font prints: 用戶 as 用户, ⻆ as 角, ‒ as a dash", () => {
    expect(normalizeRadicals("微信用戶数⻆色‒")).toBe("微信用户数角色–");
    // The Kangxi radical ⼾ (U+2F3E) that Chromium's zh-CN PDF prints for 户.
    expect(normalizeRadicals("用\u2f3e")).toBe("用户");
  });
});
