import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { readFigure } from "../../../worker/report/figures";
import { buildReport, buildReport2019 } from "../../report/builders";
import { renderForm } from "./render-form";

afterEach(cleanup);

const GRANTED = "表三 （一）予以公开 · 自然人";

function type(input: HTMLInputElement, text: string) {
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
}

describe("a numeric cell", () => {
  it("stores 1,234 and full-width １２３ as numbers", () => {
    const { cell, current } = renderForm(buildReport());
    type(cell(GRANTED), "1,234");
    expect(readFigure(current.document, "section3.granted.natural_person")).toBe(1234);
    type(cell(GRANTED), "１２３");
    expect(readFigure(current.document, "section3.granted.natural_person")).toBe(123);
  });

  it("stores a cleared cell as blank (null), not zero", () => {
    const { cell, current } = renderForm(buildReport());
    type(cell(GRANTED), "  ");
    expect(readFigure(current.document, "section3.granted.natural_person")).toBeNull();
  });

  it("keeps what was typed while it is not a number, says so beside it, and keeps the value", () => {
    const { cell, current } = renderForm(buildReport());
    const input = cell(GRANTED);
    type(input, "abc");
    expect(readFigure(current.document, "section3.granted.natural_person")).toBe(40);
    expect(input.value).toBe("abc");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const message = document.getElementById(input.getAttribute("aria-describedby") ?? "");
    expect(message?.textContent).toContain("不是数字");
    fireEvent.blur(input);
    expect(input.value).toBe("abc");

    fireEvent.change(input, { target: { value: "41" } });
    expect(readFigure(current.document, "section3.granted.natural_person")).toBe(41);
    expect(input.getAttribute("aria-invalid")).toBeNull();
    expect(screen.queryByText(/不是数字/)).toBeNull();
  });

  it("says why a negative or fractional count is refused", () => {
    const { cell } = renderForm(buildReport());
    type(cell(GRANTED), "-3");
    screen.getByText(/不能为负数/);
    type(cell(GRANTED), "2.5");
    screen.getByText(/应为整数/);
  });

  it("takes a fee in 万元 with up to four decimals", () => {
    const { cell, current } = renderForm(buildReport());
    const fee = cell("表二 行政事业性收费 · 本年收费金额（单位：万元）");
    type(fee, "1,200.1234");
    expect(readFigure(current.document, "section2.fees_wan_yuan")).toBe(1200.1234);
    type(fee, "0.12345");
    screen.getByText(/最多4位小数/);
    expect(readFigure(current.document, "section2.fees_wan_yuan")).toBe(1200.1234);
  });

  it("takes a signed change in the 2019 table 二", () => {
    const { cell, current } = renderForm(buildReport2019());
    type(cell("表二 行政许可 · 本年增/减"), "－５");
    expect(readFigure(current.document, "section2.licensing.change")).toBe(-5);
  });

  it("selects its content when focused, so that typing replaces it", () => {
    const { cell } = renderForm(buildReport());
    const input = cell(GRANTED);
    input.focus();
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 2]);
    input.setSelectionRange(2, 2);
    fireEvent.keyDown(input, { key: "7" });
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 2]);
  });

  it("goes back to the value it had on arrival when Escape is pressed", () => {
    const { cell, current } = renderForm(buildReport());
    const input = cell(GRANTED);
    input.focus();
    fireEvent.change(input, { target: { value: "99" } });
    expect(readFigure(current.document, "section3.granted.natural_person")).toBe(99);
    fireEvent.keyDown(input, { key: "Escape" });
    expect(readFigure(current.document, "section3.granted.natural_person")).toBe(40);
    expect(input.value).toBe("40");
  });

  it("marks the cell and carries the figure key for the findings", () => {
    const { cell } = renderForm(buildReport());
    expect(cell(GRANTED).dataset.figure).toBe("section3.granted.natural_person");
    expect(cell(GRANTED).className).toBe("cell-input");
  });
});
