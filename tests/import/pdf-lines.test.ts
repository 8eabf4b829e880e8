import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pdfPagesText } from "../../worker/import/pdf-lines";
import type { Rule } from "../../worker/import/pdf-rules";
import type { PositionedText } from "../../worker/import/pdf-runs";

const itemsToLines = (items: PositionedText[]) => pdfPagesText([{ items }]);

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

/** The rules of a grid: a horizontal border at each y across, a vertical one at each x down. */
function grid(xs: number[], ys: number[]): Rule[] {
  const [left, right] = [Math.min(...xs), Math.max(...xs)];
  const [bottom, top] = [Math.min(...ys), Math.max(...ys)];
  return [
    ...ys.map((y) => ({ x1: left, y1: y, x2: right, y2: y })),
    ...xs.map((x) => ({ x1: x, y1: bottom, x2: x, y2: top })),
  ];
}

const textOf = (items: PositionedText[], rules: Rule[] = []) =>
  pdfPagesText([{ items, rules }]).split("\n");

describe("ruled tables", () => {
  // A label column and three figure columns; rows 20 high between y 720 and 640.
  const xs = [72, 200, 240, 280, 320];
  const ys = [720, 700, 680, 660, 640];

  it("writes each row of a ruled table with figures as a | row, a blank cell empty in its column", () => {
    const lines = textOf(
      [
        run("信息内容", 80, 705, { width: 48 }),
        run("甲", 214, 705, { width: 12 }),
        run("乙", 254, 705, { width: 12 }),
        run("总计", 288, 705, { width: 24 }),
        run("规章", 80, 685, { width: 24 }),
        run("1", 202, 685, { width: 6 }),
        run("1", 282, 685, { width: 6 }),
        run("规范性文件", 80, 665, { width: 60 }),
        run("2", 242, 665, { width: 6 }),
        run("2", 282, 665, { width: 6 }),
        run("行政许可", 80, 645, { width: 48 }),
        run("0", 202, 645, { width: 6 }),
        run("0", 242, 645, { width: 6 }),
        run("0", 282, 645, { width: 6 }),
      ],
      grid(xs, ys),
    );
    expect(lines).toEqual([
      "| 信息内容 | 甲 | 乙 | 总计 |",
      "| 规章 | 1 |  | 1 |",
      "| 规范性文件 |  | 2 | 2 |",
      "| 行政许可 | 0 | 0 | 0 |",
    ]);
  });

  it("joins a label wrapped inside its cell, and keeps a row that prints no figure", () => {
    const lines = textOf(
      [
        run("（二）部分公开（区分", 80, 710, { width: 110 }),
        run("处理的）", 80, 702, { width: 48, height: 6 }),
        run("3", 202, 705, { width: 6 }),
        run("3", 282, 705, { width: 6 }),
        run("2.其他法律行政法规禁止", 80, 690, { width: 115 }),
        run("公开", 80, 682, { width: 24, height: 6 }),
        run("（七）总计", 80, 665, { width: 60 }),
        run("3", 202, 665, { width: 6 }),
        run("3", 282, 665, { width: 6 }),
      ],
      grid(xs, [720, 700, 680, 660]),
    );
    expect(lines).toEqual([
      "| （二）部分公开（区分处理的） | 3 |  | 3 |",
      "| 2.其他法律行政法规禁止公开 |  |  |  |",
      "| （七）总计 | 3 |  | 3 |",
    ]);
  });

  it("keeps the text around a table in its place, above and below", () => {
    const lines = textOf(
      [
        run("二、主动公开政府信息情况", 72, 740),
        run("规章", 80, 705, { width: 24 }),
        run("1", 202, 705, { width: 6 }),
        run("行政许可", 80, 685, { width: 48 }),
        run("4", 282, 685, { width: 6 }),
        run("三、收到和处理政府信息公开申请情况", 72, 620),
      ],
      grid(xs, [720, 700, 680]),
    );
    expect(lines).toEqual([
      "二、主动公开政府信息情况",
      "| 规章 | 1 |  |  |",
      "| 行政许可 |  |  | 4 |",
      "三、收到和处理政府信息公开申请情况",
    ]);
  });

  it("reads the first row of a table that a page break leaves without its top border", () => {
    const rules = grid(xs, [700, 680]).map((rule) =>
      rule.x1 === rule.x2 ? { ...rule, y2: 720 } : rule,
    );
    const lines = textOf(
      [
        run("4.保护第三方合法权益", 80, 705, { width: 110 }),
        run("0", 282, 705, { width: 6 }),
        run("5.属于三类内部事务信息", 80, 685, { width: 110 }),
        run("1", 202, 685, { width: 6 }),
      ],
      rules,
    );
    expect(lines).toEqual([
      "| 4.保护第三方合法权益 |  |  | 0 |",
      "| 5.属于三类内部事务信息 | 1 |  |  |",
    ]);
  });

  it("splits a run that pdf.js gives across two narrow cells at its space", () => {
    const lines = textOf(
      [
        run("结果维持", 80, 705, { width: 48 }),
        run("351 13", 202, 705, { width: 63 }),
        run("行政许可", 80, 685, { width: 48 }),
        run("0", 202, 685, { width: 6 }),
      ],
      grid(xs, [720, 700, 680]),
    );
    expect(lines[0]).toBe("| 结果维持 | 351 | 13 |  |");
  });

  it("leaves a ruled box without figures as lines (a frame, a page's metadata table)", () => {
    const lines = textOf(
      [
        run("名称", 80, 705, { width: 24 }),
        run("沭阳县发展和改革局2023年政府信息公开年度报告", 202, 705, { width: 300 }),
        run("发布机构", 80, 685, { width: 48 }),
        run("沭阳县发展和改革局", 202, 685, { width: 108 }),
      ],
      grid([72, 200, 520], [720, 700, 680]),
    );
    expect(lines).toEqual([
      "名称\t沭阳县发展和改革局2023年政府信息公开年度报告",
      "发布机构\t沭阳县发展和改革局",
    ]);
  });

  it("leaves lines alone where a ruled band holds several rows of figures (rows not ruled apart)", () => {
    const lines = textOf(
      [
        run("规章", 80, 705, { width: 24 }),
        run("1", 202, 705, { width: 6 }),
        run("规范性文件", 80, 690, { width: 60 }),
        run("2", 202, 690, { width: 6 }),
        run("合计", 80, 665, { width: 24 }),
        run("3", 202, 665, { width: 6 }),
      ],
      grid(xs, [720, 680, 660]),
    );
    expect(lines).toEqual(["规章\t1", "规范性文件\t2", "合计\t3"]);
  });
});

describe("unruled tables", () => {
  // Three columns 40 wide from x 200: headings centred (centres 220, 260, 300), figures set left.
  const header = [
    run("信息内容", 72, 720, { width: 48 }),
    run("甲", 214, 720, { width: 12 }),
    run("乙", 254, 720, { width: 12 }),
    run("丙", 294, 720, { width: 12 }),
  ];

  it("gives a column its header names but no row fills its own empty cell in every row", () => {
    const lines = textOf([
      ...header,
      run("规章", 72, 700, { width: 24 }),
      run("1", 201, 700, { width: 6 }),
      run("3", 281, 700, { width: 6 }),
      run("规范性文件", 72, 680, { width: 60 }),
      run("12", 201, 680, { width: 12 }),
      run("40", 281, 680, { width: 12 }),
    ]);
    expect(lines).toEqual([
      "信息内容\t甲\t乙\t丙",
      "| 规章 | 1 |  | 3 |",
      "| 规范性文件 | 12 |  | 40 |",
    ]);
  });

  it("places figures set right by their right edges", () => {
    const lines = textOf([
      ...header,
      run("规章", 72, 700, { width: 24 }),
      run("1", 233, 700, { width: 6 }),
      run("3", 313, 700, { width: 6 }),
      run("规范性文件", 72, 680, { width: 60 }),
      run("12", 227, 680, { width: 12 }),
      run("40", 307, 680, { width: 12 }),
    ]);
    expect(lines.slice(1)).toEqual(["| 规章 | 1 |  | 3 |", "| 规范性文件 | 12 |  | 40 |"]);
  });

  it("takes a figure alone on its line, beside a label of two lines, into the table", () => {
    const lines = textOf([
      ...header,
      run("规章", 72, 700, { width: 24 }),
      run("1", 201, 700, { width: 6 }),
      run("3", 281, 700, { width: 6 }),
      run("（二）部分公开（区分", 72, 684, { width: 110 }),
      run("7", 201, 676, { width: 6 }),
      run("处理的）", 72, 668, { width: 48 }),
    ]);
    expect(lines.slice(1)).toEqual([
      "| 规章 | 1 |  | 3 |",
      "（二）部分公开（区分",
      "| 7 |  |  |",
      "处理的）",
    ]);
  });

  it("leaves rows that fill every column as they were, cells apart by tabs", () => {
    const lines = textOf([
      ...header,
      run("规章", 72, 700, { width: 24 }),
      run("1", 201, 700, { width: 6 }),
      run("2", 241, 700, { width: 6 }),
      run("3", 281, 700, { width: 6 }),
      run("规范性文件", 72, 680, { width: 60 }),
      run("4", 201, 680, { width: 6 }),
      run("5", 241, 680, { width: 6 }),
      run("6", 281, 680, { width: 6 }),
    ]);
    expect(lines.slice(1)).toEqual(["规章\t1\t2\t3", "规范性文件\t4\t5\t6"]);
  });

  it("does not take one line of figures without a header for a table", () => {
    const lines = textOf([run("规章", 72, 700, { width: 24 }), run("1", 201, 700, { width: 6 })]);
    expect(lines).toEqual(["规章\t1"]);
  });
});

describe("pages", () => {
  it("puts a form feed line between pages and follows a table from one page onto the next", () => {
    const page = (y: number, label: string, figure: string, x: number): PositionedText[] => [
      run(label, 72, y, { width: 48 }),
      run(figure, x, y, { width: 6 }),
    ];
    const text = pdfPagesText([
      { items: [...page(700, "一、本年新收", "5", 201), ...page(680, "二、上年结转", "1", 281)] },
      { items: page(800, "（七）总计", "6", 201) },
    ]);
    expect(text).toBe(
      ["| 一、本年新收 | 5 |  |", "| 二、上年结转 |  | 1 |", "\f", "| （七）总计 | 6 |  |"].join(
        "\n",
      ),
    );
  });

  it("joins the halves of a table row that a page break cuts", () => {
    const xs = [72, 200, 240];
    const openBelow = grid(xs, [720, 700, 680]).map((rule) =>
      rule.x1 === rule.x2 ? { ...rule, y1: 660 } : rule,
    );
    const openAbove = grid(xs, [800, 780]).map((rule) =>
      rule.x1 === rule.x2 ? { ...rule, y2: 820 } : rule,
    );
    const text = pdfPagesText([
      {
        items: [
          run("行政处罚", 80, 705, { width: 48 }),
          run("2", 202, 705, { width: 6 }),
          run("行政", 80, 665, { width: 24 }),
          run("0", 202, 665, { width: 6 }),
        ],
        rules: openBelow,
      },
      {
        items: [
          run("强制", 80, 805, { width: 24 }),
          run("行政事业性收费", 80, 785, { width: 84 }),
          run("0", 202, 785, { width: 6 }),
        ],
        rules: openAbove,
      },
    ]);
    expect(text.split("\n")).toEqual([
      "| 行政处罚 | 2 |",
      "| 行政强制 | 0 |",
      "\f",
      "| 行政事业性收费 | 0 |",
    ]);
  });
});

describe("any page", () => {
  const coordinate = fc.double({ min: -50, max: 900, noNaN: true });
  const item = fc.record({
    str: fc.stringMatching(/^[0-9 a|行政许可总计\t—-]{0,8}$/),
    x: coordinate,
    y: coordinate,
    height: fc.double({ min: 0, max: 30, noNaN: true }),
    width: fc.option(fc.double({ min: 0, max: 300, noNaN: true }), { nil: undefined }),
  });
  const rule = fc
    .tuple(coordinate, coordinate, fc.double({ min: 0, max: 500, noNaN: true }), fc.boolean())
    .map(([x, y, length, horizontal]) =>
      horizontal
        ? { x1: x, y1: y, x2: x + length, y2: y }
        : { x1: x, y1: y, x2: x, y2: y + length },
    );

  it("gives text for any runs and rules, every run's text in it once at most", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            items: fc.array(item, { maxLength: 40 }),
            rules: fc.array(rule, { maxLength: 30 }),
          }),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        (pages) => {
          const text = pdfPagesText(pages);
          const printed = pages.flatMap((page) => page.items.map((i) => i.str.replace(/\s/g, "")));
          const letters = (source: string) => source.replace(/[\s|\f/]/g, "").length;
          expect(letters(text)).toBeLessThanOrEqual(printed.join("").replace(/[|/]/g, "").length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
