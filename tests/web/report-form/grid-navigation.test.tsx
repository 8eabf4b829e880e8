import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { readFigure, type FigureKey } from "../../../worker/report/figures";
import { parseBlock } from "../../../web/components/report-form/grid-navigation";
import { buildReport } from "../../report/builders";
import { renderForm } from "./render-form";

afterEach(cleanup);

const focused = () => (document.activeElement as HTMLElement | null)?.dataset.figure;

function paste(input: HTMLInputElement, text: string) {
  input.focus();
  fireEvent.paste(input, { clipboardData: { getData: () => text } });
}

describe("keyboard", () => {
  it("moves down with the arrow and Enter, up with the arrow, within table 三", () => {
    const { cell } = renderForm(buildReport());
    cell("表三 （一）予以公开 · 自然人").focus();
    fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" });
    expect(focused()).toBe("section3.partially_granted.natural_person");
    fireEvent.keyDown(document.activeElement!, { key: "Enter" });
    expect(focused()).toBe("section3.denied_state_secret.natural_person");
    fireEvent.keyDown(document.activeElement!, { key: "ArrowUp" });
    expect(focused()).toBe("section3.partially_granted.natural_person");
  });

  it("stays put at the table's edge", () => {
    const { cell } = renderForm(buildReport());
    cell("表三 一、本年新收政府信息公开申请数量 · 自然人").focus();
    fireEvent.keyDown(document.activeElement!, { key: "ArrowUp" });
    expect(focused()).toBe("section3.new_received.natural_person");
    fireEvent.keyDown(document.activeElement!, { key: "ArrowLeft" });
    expect(focused()).toBe("section3.new_received.natural_person");
  });

  it("moves left and right when just arrived, but not while the caret is inside the text", () => {
    const { cell } = renderForm(buildReport());
    const start = cell("表三 （一）予以公开 · 自然人");
    start.focus();
    fireEvent.keyDown(start, { key: "ArrowRight" });
    expect(focused()).toBe("section3.granted.commercial_enterprise");
    fireEvent.keyDown(document.activeElement!, { key: "ArrowLeft" });
    expect(focused()).toBe("section3.granted.natural_person");

    // Editing "41": the caret between 4 and 1 moves in the text, not to the next cell.
    fireEvent.change(start, { target: { value: "41" } });
    start.setSelectionRange(1, 1);
    fireEvent.keyDown(start, { key: "ArrowRight" });
    fireEvent.keyDown(start, { key: "ArrowLeft" });
    expect(focused()).toBe("section3.granted.natural_person");
    start.setSelectionRange(2, 2);
    fireEvent.keyDown(start, { key: "ArrowRight" });
    expect(focused()).toBe("section3.granted.commercial_enterprise");
  });

  it("lands on a shorter row's only cell in table 二 and keeps to its own table", () => {
    const { cell } = renderForm(buildReport());
    cell("表二 行政规范性文件 · 现行有效件数").focus();
    fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" });
    expect(focused()).toBe("section2.licensing_decisions");
    fireEvent.keyDown(document.activeElement!, { key: "ArrowRight" });
    expect(focused()).toBe("section2.licensing_decisions");
    cell("表二 行政事业性收费 · 本年收费金额（单位：万元）").focus();
    fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" });
    expect(focused()).toBe("section2.fees_wan_yuan");
  });

  it("crosses the groups of table 四 left to right", () => {
    const { cell } = renderForm(buildReport());
    cell("表四 行政复议 · 总计").focus();
    fireEvent.keyDown(document.activeElement!, { key: "ArrowRight" });
    expect(focused()).toBe("section4.litigation_direct.upheld");
  });
});

describe("pasting a block from Excel or WPS", () => {
  it("fills a 3×2 block from the focused cell", () => {
    const { cell, current } = renderForm(buildReport());
    paste(cell("表三 （一）予以公开 · 自然人"), "1\t2\r\n3\t1,234\r\n５\t\r\n");
    const value = (key: FigureKey) => readFigure(current.document, key);
    expect(value("section3.granted.natural_person")).toBe(1);
    expect(value("section3.granted.commercial_enterprise")).toBe(2);
    expect(value("section3.partially_granted.natural_person")).toBe(3);
    expect(value("section3.partially_granted.commercial_enterprise")).toBe(1234);
    expect(value("section3.denied_state_secret.natural_person")).toBe(5);
    expect(value("section3.denied_state_secret.commercial_enterprise")).toBeNull();
    expect(value("section3.granted.research_institution")).toBe(0);
    expect(current.changes).toBe(1);
    expect(screen.getByRole("status").textContent).toBe("已粘贴6个单元格");
    expect(
      cell("表三 （二）部分公开（区分处理的，只计这一情形，不计其他情形） · 商业企业").value,
    ).toBe("1234");
  });

  it("ignores and reports what falls beyond the table, and skips unreadable values", () => {
    const { cell, current } = renderForm(buildReport());
    paste(cell("表三 四、结转下年度继续办理 · 其他"), "7\tabc\t9\n8\t8\t8\n");
    expect(readFigure(current.document, "section3.carried_forward.other")).toBe(7);
    expect(readFigure(current.document, "section3.carried_forward.total")).toBe(4);
    const status = screen.getByRole("status").textContent;
    expect(status).toContain("已粘贴1个单元格");
    expect(status).toContain("超出表格的4个值已忽略");
    expect(status).toContain("1个值无法识别");
    expect(status).toContain("四、结转下年度继续办理 · 总计");
  });

  it("leaves a single value to the browser", () => {
    const { cell, current } = renderForm(buildReport());
    paste(cell("表三 （一）予以公开 · 自然人"), "12\r\n");
    expect(current.changes).toBe(0);
  });
});

describe("parseBlock", () => {
  it("splits lines and tabs, dropping the trailing newline and Excel's quotes", () => {
    expect(parseBlock("1\t2\r\n3\t4\r\n")).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(parseBlock('"1,234"\t\n5')).toEqual([["1,234", ""], ["5"]]);
  });
});
