import { describe, expect, it } from "vitest";
import { itemsToLines, type PositionedText } from "../../../web/lib/pdf-text";

/** A run of 12-point text; its width is taken from the characters unless given. */
const run = (
  str: string,
  x: number,
  y: number,
  extra: Partial<PositionedText> = {},
): PositionedText => ({
  str,
  x,
  y,
  height: 12,
  ...extra,
});

describe("itemsToLines", () => {
  it("reads lines from the top of the page down, each from left to right", () => {
    const text = itemsToLines([
      run("二、主动公开政府信息情况", 72, 650),
      run("信息内容", 72, 700, { width: 48 }),
      run("本年制发件数", 120, 700, { width: 72 }),
      run("一、总体情况", 72, 720),
    ]);
    expect(text).toBe("一、总体情况\n信息内容本年制发件数\n二、主动公开政府信息情况");
  });

  it("keeps items whose baselines differ by less than half a font height on one line", () => {
    const text = itemsToLines([
      run("规章", 72, 500, { width: 24 }),
      run("1", 200, 503, { width: 6 }),
      run("0", 260, 497.5, { width: 6 }),
      run("11", 320, 500, { width: 12 }),
      run("行政规范性文件", 72, 485, { width: 84 }),
    ]);
    expect(text.split("\n")).toEqual(["规章\t1\t0\t11", "行政规范性文件"]);
  });

  it("separates table cells with a tab but joins text runs that touch", () => {
    const text = itemsToLines([
      run("（一）予以公开", 72, 400, { width: 84 }),
      run("1288", 200, 400, { width: 24 }),
      run("21", 250, 400, { width: 12 }),
      run("2024", 72, 380, { width: 24 }),
      run("年政府信息公开", 96, 380, { width: 84 }),
    ]);
    expect(text).toBe("（一）予以公开\t1288\t21\n2024年政府信息公开");
  });

  it("puts a space where a small gap stands for one", () => {
    const text = itemsToLines([
      run("2024", 72, 300, { width: 24 }),
      run("年", 100, 300, { width: 12 }),
      run("第", 120, 280, { width: 12 }),
      run("711 号", 132, 280, { width: 36 }),
    ]);
    expect(text).toBe("2024 年\n第711 号");
  });

  it("leaves out empty runs and never doubles the space at a cell gap", () => {
    const text = itemsToLines([
      run("行政许可 ", 72, 200, { width: 54 }),
      run("", 130, 200, { width: 0 }),
      run(" ", 140, 200, { width: 3 }),
      run("447228", 300, 200, { width: 36 }),
    ]);
    expect(text).toBe("行政许可\t447228");
  });

  it("estimates widths from the characters when the items do not give them", () => {
    // 行政处罚 is four 12-point characters wide (48); 3985758 starts right after it.
    const touching = itemsToLines([run("行政处罚", 72, 100), run("3985758", 120.5, 100)]);
    expect(touching).toBe("行政处罚3985758");
    const apart = itemsToLines([run("行政处罚", 72, 100), run("3985758", 200, 100)]);
    expect(apart).toBe("行政处罚\t3985758");
  });

  it("takes the usual height for items that report none", () => {
    const text = itemsToLines([
      run("自然人", 72, 100, { width: 36 }),
      run("商业企业", 130, 100, { width: 48, height: 0 }),
      run("3001", 200, 100, { width: 24, height: 0 }),
      run("53", 240, 95, { width: 12, height: 0 }),
    ]);
    expect(text).toBe("自然人\t商业企业\t3001\t53");
  });

  it("reads tabs printed inside a run as spaces, so that a tab always means a cell gap", () => {
    expect(itemsToLines([run("a\tb", 72, 100, { width: 18 })])).toBe("a b");
  });

  it("gives an empty string for a page without text", () => {
    expect(itemsToLines([])).toBe("");
    expect(itemsToLines([run("  ", 72, 100)])).toBe("");
  });
});
