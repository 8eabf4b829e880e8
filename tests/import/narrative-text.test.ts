import { describe, expect, it } from "vitest";
import { reflowProse } from "../../worker/import/narrative-text";
import { parseReportText } from "../../worker/import/parse-report";
import { readSourceLines } from "../../worker/import/source-lines";
import { readReportFixture } from "./report-fixtures";

const reflow = (text: string) => reflowProse(readSourceLines(text));

describe("re-flowing narrative text", () => {
  it("joins a sentence a PDF broke over lines, Chinese without a space", () => {
    expect(
      reflow("2024 年，我市坚持以习近平新时代中国特色社会主义思想为\n指导，圆满完成了各项任务。"),
    ).toBe("2024年，我市坚持以习近平新时代中国特色社会主义思想为指导，圆满完成了各项任务。");
  });

  it("keeps one space between two words broken over lines", () => {
    expect(reflow("下载地址见 the annual\nreport 页面。")).toBe(
      "下载地址见the annual report页面。",
    );
  });

  it("ends a paragraph at 。！？：； and after closing quotes", () => {
    expect(reflow("第一句完。\n第二句问？\n如下：\n甲；\n乙说“好。”\n丙")).toBe(
      "第一句完。\n第二句问？\n如下：\n甲；\n乙说“好。”\n丙",
    );
  });

  it("starts a paragraph at an enumerator and ends one after a heading", () => {
    expect(
      reflow(
        "一、总体情况\n今年我们做了很多\n工作\n（一）主动公开方面\n发布信息133条\n1. 网站\n2、新媒体\n(2)其他",
      ),
    ).toBe(
      "一、总体情况\n今年我们做了很多工作\n（一）主动公开方面\n发布信息133条\n1.网站\n2、新媒体\n(2)其他",
    );
  });

  it("does not take a decimal for an enumerator", () => {
    expect(reflow("访问量达到\n1.5万次。")).toBe("访问量达到1.5万次。");
  });

  it("starts a paragraph at an indented line, as a web page's copy has them", () => {
    expect(
      reflow(
        "某某市人民政府办公室2022年政府信息公开工作年度报告\n\n        2022年，某某市人民政府办公室认真学习贯彻党的二十大精神，\n\n始终以习近平新时代中国特色社会主义思想为指导。\n\n　　下一段的开头。",
      ),
    ).toBe(
      "某某市人民政府办公室2022年政府信息公开工作年度报告\n2022年，某某市人民政府办公室认真学习贯彻党的二十大精神，始终以习近平新时代中国特色社会主义思想为指导。\n下一段的开头。",
    );
  });

  it("keeps the report's full-width punctuation as printed", () => {
    expect(reflow("（地址：淮安市翔宇南道 1 号，邮编：223001）")).toBe(
      "（地址：淮安市翔宇南道1号，邮编：223001）",
    );
  });

  it("leaves no break inside a sentence of a PDF's text (淮安, fixture 01)", () => {
    const result = parseReportText(readReportFixture("01_huaian_shi_2024").text);
    if (!result.ok) throw new Error(result.error.message);
    const { overview = "", problems = "" } = result.document.text ?? {};
    const paragraphs = [...overview.split("\n"), ...problems.split("\n")];
    expect(overview.split("\n")).toHaveLength(6);
    expect(overview).toContain(
      "2024年，我市坚持以习近平新时代中国特色社会主义思想为指导，认真学习宣传贯彻党的二十大",
    );
    for (const paragraph of paragraphs) expect(paragraph).toMatch(/[。！？：；]$/);
  });
});
