import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { METRICS } from "../../../worker/report/metrics";
import {
  SECTION2_2019_ROWS,
  SECTION2_2021_ROWS,
  SECTION3_COLUMNS,
  SECTION3_CORNER_NOTE,
  SECTION3_ROW_GROUPS,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  section2Rows,
  section3Row,
  section3RowKeys,
  type Template,
} from "../../../worker/report/templates";
import { emptyReport, renderForm } from "./render-form";

afterEach(cleanup);

const table = (title: string) => screen.getByRole("table", { name: title });
const TABLE2 = "二、主动公开政府信息情况";
const TABLE3 = "三、收到和处理政府信息公开申请情况";
const TABLE4 = "四、政府信息公开行政复议、行政诉讼情况";

function section2Labels(template: Template): string[] {
  return section2Rows(template).flatMap((row) => [
    row.label,
    `第二十条${row.item}`,
    ...(row.shape === "scalar" ? [row.column.label] : row.columns.map((c) => c.label)),
  ]);
}

describe.each(["2021", "2019"] as const)("the %s template", (template) => {
  const variant = template === "2021" ? "split" : "single";

  it("prints every row and column label of table 二 exactly as in the official format", () => {
    renderForm(emptyReport(template));
    const t2 = within(table(TABLE2));
    for (const label of section2Labels(template)) {
      expect(t2.getAllByText(label, { selector: "th" }).length).toBeGreaterThan(0);
    }
    const rows = template === "2021" ? SECTION2_2021_ROWS : SECTION2_2019_ROWS;
    const columns = rows.reduce((n, r) => n + (r.shape === "scalar" ? 1 : r.columns.length), 0);
    expect(t2.getAllByRole("textbox")).toHaveLength(columns);
  });

  it("prints table 三 with its row headings, columns and corner formula", () => {
    renderForm(emptyReport(template));
    const t3 = within(table(TABLE3));
    const keys = section3RowKeys(variant);
    for (const key of keys) {
      expect(t3.getAllByText(section3Row(key).label, { selector: "th" }).length).toBeGreaterThan(0);
    }
    const groups = SECTION3_ROW_GROUPS.filter(
      (g) => variant === "split" || g.key !== "other_processing",
    );
    for (const group of groups) t3.getByText(group.label, { selector: "th" });
    for (const column of SECTION3_COLUMNS) t3.getByText(column.label, { selector: "th" });
    t3.getByText("申请人情况", { selector: "th" });
    t3.getByText("法人或其他组织", { selector: "th" });
    t3.getByText(SECTION3_CORNER_NOTE);
    expect(t3.getAllByRole("textbox")).toHaveLength(keys.length * 7);
    expect(keys).toHaveLength(variant === "split" ? 25 : 23);
  });

  it("merges the row headings as the printed table does", () => {
    renderForm(emptyReport(template));
    const t3 = within(table(TABLE3));
    const results = t3.getByText<HTMLTableCellElement>("三、本年度办理结果", { selector: "th" });
    expect(results.rowSpan).toBe(variant === "split" ? 22 : 20);
    expect(t3.getByText<HTMLTableCellElement>("（三）不予公开", { selector: "th" }).rowSpan).toBe(
      8,
    );
    expect(t3.getByText<HTMLTableCellElement>("（五）不予处理", { selector: "th" }).rowSpan).toBe(
      5,
    );
    const received = t3.getByText<HTMLTableCellElement>("一、本年新收政府信息公开申请数量");
    expect(received.colSpan).toBe(3);
    expect(t3.getByText<HTMLTableCellElement>("（七）总计").colSpan).toBe(2);
    if (variant === "single") {
      expect(t3.getByText<HTMLTableCellElement>("（六）其他处理").colSpan).toBe(2);
      expect(t3.queryByText("3.其他")).toBeNull();
    } else {
      expect(t3.getByText<HTMLTableCellElement>("（六）其他处理").rowSpan).toBe(3);
    }
  });

  it("prints table 四 with its two-level header", () => {
    renderForm(emptyReport(template));
    const t4 = within(table(TABLE4));
    t4.getByText("行政诉讼", { selector: "th" });
    for (const group of SECTION4_GROUPS) t4.getByText(group.label, { selector: "th" });
    for (const column of SECTION4_COLUMNS) {
      expect(t4.getAllByText(column.label, { selector: "th" })).toHaveLength(3);
    }
    expect(t4.getByText<HTMLTableCellElement>("行政复议", { selector: "th" }).rowSpan).toBe(2);
    expect(t4.getAllByRole("textbox")).toHaveLength(15);
  });

  it("names every input by table, row and column", () => {
    renderForm(emptyReport(template));
    const inputs = [TABLE2, TABLE3, TABLE4].flatMap((title) =>
      within(table(title)).getAllByRole("textbox"),
    );
    const names = inputs.map((input) => input.getAttribute("aria-label") ?? "");
    for (const name of names) expect(name).toMatch(/^表[二三四] \S.* · \S+$/);
    expect(new Set(names).size).toBe(names.length);
    for (const input of inputs) expect(input.dataset.figure).toMatch(/^section[234]\./);
  });
});

describe("cell names", () => {
  it("say the table, the row with its heading, and the column", () => {
    const { cell } = renderForm(emptyReport("2021"));
    expect(cell("表三 （一）予以公开 · 自然人").dataset.figure).toBe(
      "section3.granted.natural_person",
    );
    expect(cell("表三 （三）不予公开 1.属于国家秘密 · 总计").dataset.figure).toBe(
      "section3.denied_state_secret.total",
    );
    expect(cell("表三 四、结转下年度继续办理 · 法律服务机构").dataset.figure).toBe(
      "section3.carried_forward.legal_service_agency",
    );
    expect(cell("表四 行政诉讼 复议后起诉 · 尚未审结").dataset.figure).toBe(
      "section4.litigation_after_reconsideration.pending",
    );
    expect(cell("表二 行政事业性收费 · 本年收费金额（单位：万元）").dataset.figure).toBe(
      "section2.fees_wan_yuan",
    );
  });

  it("use the model's English labels when the reader chose English", async () => {
    const { cell } = renderForm(emptyReport("2021"), {}, "en");
    // English loads on demand: the first paint is Chinese.
    await screen.findByRole("textbox", { name: "Table 3 (1) Disclosed · natural person" });
    expect(cell("Table 3 (1) Disclosed · natural person").dataset.figure).toBe(
      "section3.granted.natural_person",
    );
    expect(
      cell("Table 4 administrative litigation, filed after reconsideration · pending"),
    ).toBeTruthy();
    screen.getByText("Art. 20(1)", { selector: "th" });
    screen.getByText("legal persons or other organisations", { selector: "th" });
  });
});

describe("metrics and narrative", () => {
  it("show each registered metric with its unit and its definition as help text", () => {
    const { cell } = renderForm(emptyReport("2021"));
    for (const def of METRICS) {
      const input = cell(`${def.label}（${def.unit}）`);
      expect(input.dataset.figure).toBe(`metrics.${def.key}`);
      const hint = document.getElementById(input.getAttribute("aria-describedby") ?? "");
      expect(hint?.textContent).toBe(def.definition);
    }
  });

  it("offer the three narrative sections", () => {
    renderForm(emptyReport("2021"));
    for (const [name, key] of [
      ["一、总体情况", "text.overview"],
      ["五、存在的主要问题及改进情况", "text.problems"],
      ["六、其他需要报告的事项", "text.other"],
    ]) {
      expect(screen.getByRole("textbox", { name }).dataset.figure).toBe(key);
    }
  });
});
