import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ReportDocument } from "../../../worker/report/document";
import { figureDef, type FigureKey } from "../../../worker/report/figures";
import { ImportDialog, type ImportDialogProps } from "../../../web/components/import-dialog";
import { I18nProvider } from "../../../web/i18n";
import type { ParseResult } from "../../../worker/import/parse-report";
import { aParse, aParsedDocument } from "./builders";

// The dialog loads the parser on demand; here it answers whatever the test sets.
const parser = vi.hoisted(() => ({ answer: null as ParseResult | null }));
vi.mock("../../../worker/import/parse-report", () => ({
  parseReportText: vi.fn(() => parser.answer),
}));
const { parseReportText } = await import("../../../worker/import/parse-report");

beforeEach(() => {
  parser.answer = aParse();
  vi.mocked(parseReportText).mockClear();
});
afterEach(cleanup);

const PASTED = "淮安市人民政府\n2024 年政府信息公开工作年度报告\n…";

function renderDialog(props: Partial<ImportDialogProps> = {}) {
  window.localStorage.clear();
  const onImport = vi.fn<(document: ReportDocument) => void>();
  const onClose = vi.fn<() => void>();
  const view = render(
    <I18nProvider>
      <ImportDialog year={2024} current={null} onImport={onImport} onClose={onClose} {...props} />
    </I18nProvider>,
  );
  return { ...view, onImport, onClose };
}

async function pasteAndParse(text = PASTED) {
  fireEvent.change(screen.getByRole("textbox", { name: "年报全文" }), { target: { value: text } });
  fireEvent.click(screen.getByRole("button", { name: "解析" }));
  await screen.findByRole("button", { name: "确认导入" });
}

const valueRow = (key: FigureKey) =>
  screen.getByRole("row", { name: new RegExp(`^${escape(figureDef(key).label)}`) });
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("ImportDialog", () => {
  it("parses the pasted text for the year being edited and shows each value beside its source line", async () => {
    renderDialog();
    await pasteAndParse();

    expect(parseReportText).toHaveBeenCalledWith(PASTED, { yearHint: 2024 });
    const licensing = within(valueRow("section2.licensing_decisions"));
    expect(licensing.getByText("447,228")).toBeTruthy();
    expect(licensing.getByText("第 71 行")).toBeTruthy();
    expect(licensing.getByText("行政许可 447228")).toBeTruthy();
    const granted = within(valueRow("section3.granted.total"));
    expect(granted.getByText("1,362")).toBeTruthy();
    expect(granted.getByText("第 91 行")).toBeTruthy();
    // A value with no recorded line says so rather than inventing one.
    expect(within(valueRow("section2.regulations.made")).getByText("—")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "识别出的数据（18 项）" })).toBeTruthy();
  });

  it("shows the agency and year it found, the parser's warnings and the rule findings", async () => {
    renderDialog();
    await pasteAndParse();

    expect(screen.getByText("淮安市人民政府", { selector: "dd" })).toBeTruthy();
    expect(screen.getByText("第 3 行")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "解析提示（1）" })).toBeTruthy();
    expect(screen.getByText("第 73 行是页脚，已跳过")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "勾稽检查" })).toBeTruthy();
    expect(screen.getByText("表三缺少“本年新收政府信息公开申请数量”等行")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("hands the parsed document to onImport on confirm", async () => {
    const { onImport, onClose } = renderDialog();
    await pasteAndParse();

    fireEvent.click(screen.getByRole("button", { name: "确认导入" }));
    expect(onImport).toHaveBeenCalledTimes(1);
    expect(onImport.mock.calls[0]![0]).toEqual(aParsedDocument());
    expect(onClose).not.toHaveBeenCalled();
  });

  it("asks before importing another agency's report of another year, naming both", async () => {
    parser.answer = aParse({ year: 2023, document: aParsedDocument({ year: 2023 }) });
    const { onImport } = renderDialog({ agency: "吉江市人民政府", year: 2025 });
    await pasteAndParse();

    expect(screen.getByRole("alert").textContent).toContain(
      "文本是 淮安市人民政府的 2023 年度报告，当前编辑的是 吉江市人民政府 2025 年度报告。仍要导入？",
    );
    const confirm = screen.getByRole<HTMLButtonElement>("button", { name: "确认导入" });
    expect(confirm.disabled).toBe(true);
    fireEvent.click(
      screen.getByRole("checkbox", { name: "是，仍要导入到 吉江市人民政府 2025 年度报告" }),
    );
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    // The server takes only a document of the report's own year, and it stays 吉江's report.
    expect(onImport.mock.calls[0]![0]).toMatchObject({ year: 2025, agency: "吉江市人民政府" });
  });

  it("asks before importing the same agency's report of another year", async () => {
    parser.answer = aParse({ year: 2023, document: aParsedDocument({ year: 2023 }) });
    renderDialog({ agency: "淮安市人民政府", year: 2024 });
    await pasteAndParse();
    expect(screen.getByRole("alert").textContent).toContain(
      "文本是 淮安市人民政府的 2023 年度报告，当前编辑的是 淮安市人民政府 2024 年度报告。",
    );
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "确认导入" }).disabled).toBe(true);
  });

  it("imports without asking when the text is this report, its agency spelled another way", async () => {
    parser.answer = aParse({ agency: "淮安市政府办", year: 2024 });
    const { onImport } = renderDialog({ agency: "淮安市人民政府办公室", year: 2024 });
    await pasteAndParse();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("checkbox")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "确认导入" }));
    expect(onImport.mock.calls[0]![0].agency).toBe("淮安市人民政府办公室");
  });

  it("compares with the draft's own agency name when the page gives none", async () => {
    renderDialog({ current: { template: "2021", year: 2024, agency: "盐城市生态环境局" } });
    await pasteAndParse();
    expect(screen.getByRole("alert").textContent).toContain(
      "文本是 淮安市人民政府的 2024 年度报告，当前编辑的是 盐城市生态环境局 2024 年度报告。",
    );
  });

  it("says a narrative figure's notes in words, never as field names", async () => {
    parser.answer = aParse({
      document: aParsedDocument({
        metrics: { website_visits: 5500 },
        metric_notes: { website_visits: { as_printed: "5500余次", approximate: true } },
      }),
    });
    const current = {
      template: "2021",
      year: 2024,
      metrics: { website_visits: 5000 },
      metric_notes: { website_visits: { definition: "页面浏览量" } },
    } as ReportDocument;
    renderDialog({ current });
    await pasteAndParse();

    const values = within(screen.getByRole("region", { name: /^识别出的数据/ }));
    const value = within(values.getByRole("row", { name: /^网站访问量/ }));
    expect(value.getByText("约数；按原文照录：5500余次")).toBeTruthy();
    const changes = screen.getByRole("region", { name: /^将改动草稿中的 \d+ 处$/ });
    const note = within(changes).getByRole("row", { name: /口径说明/ });
    expect(note.textContent).toContain("口径：页面浏览量");
    expect(note.textContent).toContain("约数；按原文照录：5500余次");
    const dialog = screen.getByRole("dialog");
    for (const code of ["as_printed", "approximate", "definition", "true", "metric_notes"]) {
      expect(dialog.textContent).not.toContain(code);
    }
  });

  it("lists the draft's cells the import changes before it is confirmed", async () => {
    const current = {
      template: "2021",
      year: 2024,
      section3: { rows: { granted: [1288, 21, 0, 0, 50, 3, 1300] } },
      section4: {
        reconsideration: [1, 0, 0, 0, 1],
        litigation_direct: [0, 0, 0, 0, 0],
        litigation_after_reconsideration: [0, 0, 0, 0, 0],
      },
    } as ReportDocument;
    const { onImport } = renderDialog({ current });
    await pasteAndParse();

    const changes = screen.getByRole("region", { name: /^将改动草稿中的 \d+ 处$/ });
    const granted = within(changes).getByRole("row", {
      name: new RegExp(`^${escape(figureDef("section3.granted.total").label)}`),
    });
    expect(
      within(granted)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["1,300", "1,362"]);
    expect(
      within(changes).queryByRole("row", {
        name: new RegExp(escape(figureDef("section4.reconsideration.total").label)),
      }),
    ).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "确认导入" }));
    // Table 四, which the text did not hold, stays as it was.
    expect(onImport.mock.calls[0]![0].section4).toEqual(current.section4);
  });

  it("closes without importing on 取消, and on Escape", async () => {
    const first = renderDialog();
    await pasteAndParse();
    fireEvent.click(screen.getByRole("button", { name: "取消" }));
    expect(first.onClose).toHaveBeenCalledTimes(1);
    expect(first.onImport).not.toHaveBeenCalled();
    cleanup();

    const second = renderDialog();
    fireEvent.keyDown(screen.getByRole("dialog"), { key: "Escape" });
    expect(second.onClose).toHaveBeenCalledTimes(1);
    expect(second.onImport).not.toHaveBeenCalled();
  });

  it("goes back to the text to correct it and parses it again", async () => {
    renderDialog();
    await pasteAndParse();
    fireEvent.click(screen.getByRole("button", { name: "修改文字" }));
    const textarea = screen.getByRole<HTMLTextAreaElement>("textbox", { name: "年报全文" });
    expect(textarea.value).toBe(PASTED);
    await pasteAndParse(`${PASTED}\n补充`);
    expect(parseReportText).toHaveBeenCalledTimes(2);
  });

  it("says why when the text cannot be parsed, and stays on the text", async () => {
    parser.answer = {
      ok: false,
      error: { code: "no_tables", message: "没有找到年报的表格", message_en: "No report tables" },
    };
    renderDialog();
    fireEvent.change(screen.getByRole("textbox", { name: "年报全文" }), {
      target: { value: "随便一段文字" },
    });
    fireEvent.click(screen.getByRole("button", { name: "解析" }));
    expect((await screen.findByRole("alert")).textContent).toBe("无法解析：没有找到年报的表格");
    expect(screen.queryByRole("button", { name: "确认导入" })).toBeNull();
  });

  it("reads a dropped text file, GBK or UTF-8, and parses it", async () => {
    renderDialog();
    const gbk = new Uint8Array([0xc4, 0xea, 0xb1, 0xa8]); // 年报 in GBK
    const file = new File([gbk], "report.txt", { type: "text/plain" });
    const zone = screen.getByRole("textbox", { name: "年报全文" }).closest(".import-source")!;
    await act(async () => {
      fireEvent.drop(zone, { dataTransfer: { files: [file] } });
    });
    await screen.findByRole("button", { name: "确认导入" });
    expect(parseReportText).toHaveBeenCalledWith("年报", { yearHint: 2024 });
  });

  it("refuses a file that is no report format, saying which formats it takes", async () => {
    renderDialog();
    const input = screen.getByLabelText("选择文件（网页、Word、PDF 或文本）");
    const file = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])], "report.zip");
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
    });
    expect((await screen.findByRole("alert")).textContent).toBe(
      "无法识别的文件：请导入文本、网页（.html）、Word（.docx）或 PDF 文件",
    );
    expect(parseReportText).not.toHaveBeenCalled();
  });

  it("asks for .docx or PDF when an old Word file is chosen", async () => {
    renderDialog();
    const input = screen.getByLabelText("选择文件（网页、Word、PDF 或文本）");
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([ole], "年报.doc")] } });
    });
    expect((await screen.findByRole("alert")).textContent).toContain(
      "请另存为 .docx 或 PDF 后再导入",
    );
  });

  it("reads a paste from a web page by its HTML: tables cell by cell, with the page's publisher", async () => {
    renderDialog();
    const box = screen.getByRole("textbox", { name: "年报全文" });
    const html =
      '<meta name="ContentSource" content="某某县水利局"><p>一、总体情况</p>' +
      "<table><tr><td>规章</td><td>1</td><td></td><td>3</td></tr></table>";
    const clipboardData = {
      getData: (type: string) => (type === "text/html" ? html : "一、总体情况 规章 1 3"),
    };
    await act(async () => {
      fireEvent.paste(box, { clipboardData });
    });
    await screen.findByRole("button", { name: "确认导入" });
    expect(parseReportText).toHaveBeenCalledWith("一、总体情况\n| 规章 | 1 | | 3 |", {
      page: { agency: "某某县水利局", publishedYear: null },
      yearHint: 2024,
    });
    expect(screen.getByText("读取方式：网页")).toBeTruthy();
  });
});
