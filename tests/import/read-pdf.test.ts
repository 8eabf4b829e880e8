import { describe, expect, it } from "vitest";
import { pdfToTextInNode, PdfReadError } from "../../scripts/import/read-pdf";
import { handmadePdf, type HandmadeRect } from "./handmade-pdf";

/** A table's borders as thin filled rectangles, the way Chromium and office suites draw them. */
function borders(xs: number[], ys: number[]): HandmadeRect[] {
  const [left, right] = [Math.min(...xs), Math.max(...xs)];
  const [bottom, top] = [Math.min(...ys), Math.max(...ys)];
  return [
    ...ys.map((y) => ({ x: left, y: y - 0.4, width: right - left, height: 0.8 })),
    ...xs.map((x) => ({ x: x - 0.4, y: bottom, width: 0.8, height: top - bottom })),
  ];
}

describe("pdfToTextInNode", () => {
  it("reads a PDF's Chinese text through pdf.js's CMaps, a ruled table's blank cells in place", async () => {
    const pdf = handmadePdf([
      {
        texts: [
          { str: "二、主动公开政府信息情况", x: 72, y: 760 },
          { str: "信息内容", x: 80, y: 705 },
          { str: "本年制发", x: 202, y: 705 },
          { str: "本年废止", x: 282, y: 705 },
          { str: "现行有效", x: 362, y: 705 },
          { str: "规章", x: 80, y: 685 },
          { str: "2", x: 202, y: 685 },
          { str: "11", x: 362, y: 685 },
          { str: "行政规范性文件", x: 80, y: 665 },
          { str: "0", x: 202, y: 665 },
          { str: "0", x: 282, y: 665 },
          { str: "47", x: 362, y: 665 },
        ],
        rects: borders([72, 200, 280, 360, 440], [720, 700, 680, 660]),
      },
    ]);
    const text = await pdfToTextInNode(pdf);
    expect(text.split("\n")).toEqual([
      "二、主动公开政府信息情况",
      "| 信息内容 | 本年制发 | 本年废止 | 现行有效 |",
      "| 规章 | 2 |  | 11 |",
      "| 行政规范性文件 | 0 | 0 | 47 |",
    ]);
  });

  it("joins pages with a form feed line and leaves the caller's bytes as they were", async () => {
    const pdf = handmadePdf([
      { texts: [{ str: "一、总体情况", x: 72, y: 760 }] },
      { texts: [{ str: "六、其他需要报告的事项", x: 72, y: 760 }] },
    ]);
    const length = pdf.length;
    expect(await pdfToTextInNode(pdf)).toBe("一、总体情况\n\f\n六、其他需要报告的事项");
    expect(pdf.length).toBe(length);
  });

  it("says in Chinese that a file is not a PDF, or that a PDF holds no text (a scan)", async () => {
    const notPdf = new TextEncoder().encode("一、总体情况");
    await expect(pdfToTextInNode(notPdf)).rejects.toThrow(PdfReadError);
    await expect(pdfToTextInNode(notPdf)).rejects.toThrow(/不是有效的 PDF 文件/);
    const scan = handmadePdf([{ rects: [{ x: 72, y: 72, width: 400, height: 600 }] }]);
    await expect(pdfToTextInNode(scan)).rejects.toThrow(/没有可读的文字/);
  });
});
