import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { writeFigure } from "../../../worker/report/figures";
import { checkReport } from "../../../worker/report/rules";
import { buildReport } from "../../report/builders";
import { luoyangReport, renderForm } from "./render-form";

afterEach(cleanup);

const panel = () => within(screen.getByRole("complementary", { name: "勾稽检查" }));

describe("findings as you type", () => {
  it("finds the R2 imbalance when one cell of a published report changes", () => {
    const luoyang = luoyangReport();
    expect(checkReport(luoyang)).toEqual([]);
    const { cell } = renderForm(luoyang);
    panel().getByText(/未发现问题/);

    fireEvent.change(cell("表三 二、上年结转政府信息公开申请数量 · 自然人"), {
      target: { value: "8" },
    });
    const r2 = panel().getByText("表三 “自然人”列：一+二=98，三(七)+四=97，相差1");
    expect(r2.closest("li")?.className).toContain("finding-error");
    panel().getByText(/二、上年结转政府信息公开申请数量”行：各申请人列合计=9，总计=8/);
  });

  it("colours the cell a finding points at and its link moves the focus there", () => {
    const doc = writeFigure(buildReport(), "section3.granted.total", 45);
    const { cell } = renderForm(doc);
    const total = cell("表三 （一）予以公开 · 总计");
    expect(total.className).toContain("cell-error");
    expect(total.title).toContain("各申请人列合计=44，总计=45");
    expect(cell("表三 （一）予以公开 · 自然人").className).not.toContain("cell-error");

    fireEvent.click(
      panel().getByRole("button", { name: "定位到 表三 三、本年度办理结果 （一）予以公开 · 总计" }),
    );
    expect(document.activeElement).toBe(total);
  });

  it("points a column rule at the column's (七)总计", () => {
    const doc = writeFigure(buildReport(), "section3.carried_forward.natural_person", 5);
    const { cell } = renderForm(doc);
    const processed = cell("表三 （七）总计 · 自然人");
    expect(processed.className).toContain("cell-error");
    fireEvent.click(panel().getByRole("button", { name: /（七）总计 · 自然人$/ }));
    expect(document.activeElement).toBe(processed);
  });

  it("colours blank cells amber and lists warnings after errors", () => {
    let doc = writeFigure(buildReport(), "section4.reconsideration.upheld", null);
    doc = writeFigure(doc, "section4.reconsideration.total", 7);
    const { cell } = renderForm(doc);
    expect(cell("表四 行政复议 · 结果维持").className).toContain("cell-warning");
    expect(cell("表四 行政复议 · 总计").className).toContain("cell-error");
    const headings = panel()
      .getAllByRole("heading", { level: 4 })
      .map((h) => h.textContent);
    expect(headings).toEqual(["错误（1）", "提示（1）"]);
    fireEvent.click(panel().getByRole("button", { name: "定位到 表四 行政复议 · 结果维持" }));
    expect(document.activeElement).toBe(cell("表四 行政复议 · 结果维持"));
  });

  it("speaks English when chosen", async () => {
    const doc = writeFigure(buildReport(), "section3.granted.total", 45);
    renderForm(doc, {}, "en");
    // English loads on demand: the first paint is Chinese.
    const aside = within(await screen.findByRole("complementary", { name: "Rule checks" }));
    aside.getByText(/applicant columns add up to 44 but the total is 45/);
    aside.getByRole("button", { name: /^Go to Table 3 .*\(1\) Disclosed · total$/ });
  });

  it("highlights the cells the page asks for", () => {
    const { cell } = renderForm(buildReport(), { highlight: ["section4.litigation_direct.total"] });
    expect(cell("表四 行政诉讼 未经复议直接起诉 · 总计").className).toContain("cell-highlight");
  });

  it("shows the tables without editing in read-only mode", () => {
    const { cell } = renderForm(buildReport(), { readOnly: true });
    expect(cell("表三 （一）予以公开 · 自然人").readOnly).toBe(true);
    expect(screen.getByRole("textbox", { name: "一、总体情况" })).toHaveProperty("readOnly", true);
    expect(screen.queryByRole("button", { name: "按明细计算合计" })).toBeNull();
  });
});
