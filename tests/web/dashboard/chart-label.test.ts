import { describe, expect, it } from "vitest";
import { categoryAxisWidth, fitLabel, textEms } from "../../../web/lib/chart-label";

describe("axis labels that fit", () => {
  it("keeps a name that fits and cuts a longer one with an ellipsis, within the room", () => {
    expect(fitLabel("青和县公安局", 8)).toBe("青和县公安局");
    const cut = fitLabel("峰乐区市场监督管理局", 6);
    expect(cut).toBe("峰乐区市场…");
    expect(textEms(cut)).toBeLessThanOrEqual(6);
  });

  it("counts Latin letters as narrower than Chinese characters", () => {
    expect(textEms("ab")).toBeLessThan(textEms("中文"));
    expect(fitLabel("Market Regulation Bureau", 8).endsWith("…")).toBe(true);
    expect(textEms(fitLabel("Market Regulation Bureau", 8))).toBeLessThanOrEqual(8);
  });

  it("keeps the last part of a two-part label and cuts the agency's name", () => {
    const fitted = fitLabel("永林县自然资源和规划局 · 直接起诉", 10);
    expect(fitted).toMatch(/^永林.*… · 直接起诉$/);
    expect(textEms(fitted)).toBeLessThanOrEqual(10);
    // Too little room for the part: the whole label is cut from the end.
    expect(fitLabel("永林县自然资源和规划局 · 直接起诉", 5)).toBe("永林县自…");
  });

  it("gives the axis room for the longest name, up to about a third of a narrow chart", () => {
    const names = ["青和县公安局", "峰乐区市场监督管理局"];
    expect(categoryAxisWidth(names, 1000, 12)).toBe(10 * 12 + 12);
    const narrow = categoryAxisWidth(names, 346, 12);
    expect(narrow).toBe(Math.round(346 * 0.36));
    expect(narrow).toBeGreaterThanOrEqual(5 * 12 + 12);
  });
});
