import { describe, expect, it } from "vitest";
import { isFileReadError, readReportFile } from "../../../web/lib/report-file-text";

describe("readReportFile", () => {
  it("gives the text of a text file, UTF-8 or GB18030", async () => {
    const utf8 = new File(["\uFEFF一、总体情况\n"], "report.txt", { type: "text/plain" });
    expect(await readReportFile(utf8)).toEqual({
      format: "text",
      text: "一、总体情况\n",
      hints: {},
    });
    // 政府 in GBK.
    const gbk = new File([new Uint8Array([0xd5, 0xfe, 0xb8, 0xae])], "report.txt");
    expect((await readReportFile(gbk)).text).toBe("政府");
  });

  it("reads a saved page by its structure, with what the page says about the report", async () => {
    const page = `<html><head><meta name="ContentSource" content="某某县水利局"></head><body>
      <ul><li>首页</li></ul>
      <div><p>一、总体情况</p><table><tr><td>规章</td><td>1</td><td></td><td>3</td></tr></table></div></body></html>`;
    const read = await readReportFile(new File([page], "report.shtml"));
    expect(read.format).toBe("html");
    expect(read.text).toBe("一、总体情况\n| 规章 | 1 | | 3 |");
    expect(read.hints).toEqual({ page: { agency: "某某县水利局", publishedYear: null } });
  });

  it("asks for .docx or PDF for an old Word file", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const failure = readReportFile(new File([ole], "report.doc"));
    await expect(failure).rejects.toThrow(/请另存为 \.docx 或 PDF/);
  });

  it("refuses a binary file that is not a report format, whatever its name", async () => {
    const file = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00])], "report.txt");
    const failure: unknown = await readReportFile(file).catch((error: unknown) => error);
    expect(isFileReadError(failure) && failure.code).toBe("unsupported");
  });
});
