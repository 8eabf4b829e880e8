import { describe, expect, it } from "vitest";
import {
  decodeText,
  readReportFile,
  UnsupportedFileError,
} from "../../../web/lib/report-file-text";

describe("decodeText", () => {
  it("reads UTF-8, and GB18030 (GBK) when the bytes are not UTF-8", () => {
    expect(decodeText(new TextEncoder().encode("政府信息公开"))).toBe("政府信息公开");
    // 政府 in GBK.
    expect(decodeText(new Uint8Array([0xd5, 0xfe, 0xb8, 0xae]))).toBe("政府");
  });
});

describe("readReportFile", () => {
  it("gives the text of a text file", async () => {
    const file = new File(["\uFEFF一、总体情况\n"], "report.txt", { type: "text/plain" });
    expect(await readReportFile(file)).toBe("一、总体情况\n");
  });

  it("refuses a binary file that is not a PDF, whatever its name", async () => {
    const file = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00])], "report.txt");
    await expect(readReportFile(file)).rejects.toBeInstanceOf(UnsupportedFileError);
  });
});
