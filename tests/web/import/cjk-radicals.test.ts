import { describe, expect, it } from "vitest";
import { normalizeRadicals } from "../../../web/lib/cjk-radicals";

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
});
