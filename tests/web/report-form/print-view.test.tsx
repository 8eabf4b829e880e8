import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { writeFigure } from "../../../worker/report/figures";
import { PrintView } from "../../../web/components/report-form/print-view";
import { I18nProvider } from "../../../web/i18n";
import { buildReport } from "../../report/builders";

afterEach(cleanup);

describe("PrintView", () => {
  it("prints the tables in the official layout with values as text, blanks empty", () => {
    window.localStorage.clear();
    const doc = writeFigure(buildReport(), "section3.granted.other", null);
    render(
      <I18nProvider>
        <PrintView document={doc} />
      </I18nProvider>,
    );
    expect(screen.queryAllByRole("textbox")).toEqual([]);
    expect(screen.queryAllByRole("button")).toEqual([]);
    screen.getByRole("heading", { name: "示例市人民政府办公室2023年政府信息公开工作年度报告" });
    const t3 = within(screen.getByRole("table", { name: "三、收到和处理政府信息公开申请情况" }));
    const granted = t3.getByText("（一）予以公开").closest("tr")!;
    const cells = [...granted.querySelectorAll("td")].map((td) => td.textContent);
    expect(cells).toEqual(["40", "3", "0", "0", "1", "", "44"]);
    const t2 = within(screen.getByRole("table", { name: "二、主动公开政府信息情况" }));
    const fee = t2.getByText("行政事业性收费").closest("tr")!;
    expect(fee.querySelector("td")?.textContent).toBe("0.13");
    expect(fee.querySelector("td")?.colSpan).toBe(3);
    screen.getByText("总体情况……");
  });
});
