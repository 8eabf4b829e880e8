import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { ReportDocument } from "../../../worker/report/document";
import { readFigure, writeFigure, type FigureKey } from "../../../worker/report/figures";
import { checkReport } from "../../../worker/report/rules";
import { computeTotals } from "../../../web/components/report-form/compute-totals";
import { buildReport, buildReport2019 } from "../../report/builders";
import { renderForm } from "./render-form";

afterEach(cleanup);

function blanked(doc: ReportDocument, keys: FigureKey[]): ReportDocument {
  return keys.reduce((d, key) => writeFigure(d, key, null), doc);
}

const TOTALS: FigureKey[] = [
  "section3.granted.total",
  "section3.total_processed.natural_person",
  "section3.total_processed.total",
  "section4.reconsideration.total",
];

describe("computeTotals", () => {
  it("fills blank totals from the details: rows, (七)总计 and table 四", () => {
    const full = buildReport();
    const { kept, filled, conflicts } = computeTotals(blanked(full, TOTALS));
    expect(conflicts).toEqual([]);
    expect(filled).toEqual(TOTALS);
    for (const key of TOTALS) expect(readFigure(kept, key)).toBe(readFigure(full, key));
    expect(checkReport(kept).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("reports a typed total that differs instead of overwriting it", () => {
    const doc = writeFigure(
      writeFigure(buildReport(), "section3.granted.total", 45),
      "section4.litigation_direct.total",
      null,
    );
    const result = computeTotals(doc);
    expect(result.conflicts).toEqual([
      { figure: "section3.granted.total", typed: 45, computed: 44 },
    ]);
    expect(result.filled).toEqual(["section4.litigation_direct.total"]);
    expect(readFigure(result.kept, "section3.granted.total")).toBe(45);
    expect(readFigure(result.kept, "section4.litigation_direct.total")).toBe(3);
    expect(readFigure(result.replaced, "section3.granted.total")).toBe(44);
    expect(readFigure(result.replaced, "section4.litigation_direct.total")).toBe(3);
  });

  it("builds (七)总计 from the computed column totals when replacing", () => {
    // A detail changed: its row total and the (七) cells above it all follow.
    const doc = writeFigure(buildReport(), "section3.granted.natural_person", 41);
    const { conflicts, replaced } = computeTotals(doc);
    expect(conflicts.map((c) => c.figure)).toEqual([
      "section3.granted.total",
      "section3.total_processed.natural_person",
      "section3.total_processed.total",
    ]);
    const rules = checkReport(replaced).map((f) => f.rule);
    expect(rules).not.toContain("R1");
    expect(rules).not.toContain("R3");
  });

  it("sums the single （六） row of the 2019 layout and leaves all-blank rows alone", () => {
    const doc = blanked(buildReport2019(), [
      "section3.total_processed.natural_person",
      "section3.denied_state_secret.natural_person",
      "section3.denied_state_secret.commercial_enterprise",
      "section3.denied_state_secret.research_institution",
      "section3.denied_state_secret.social_welfare_organization",
      "section3.denied_state_secret.legal_service_agency",
      "section3.denied_state_secret.other",
      "section3.denied_state_secret.total",
    ]);
    const { kept, filled } = computeTotals(doc);
    expect(filled).toEqual(["section3.total_processed.natural_person"]);
    expect(readFigure(kept, "section3.denied_state_secret.total")).toBeNull();
    expect(checkReport(kept).filter((f) => f.rule === "R3")).toEqual([]);
  });
});

describe("the 按明细计算合计 button", () => {
  it("fills blanks at once when nothing conflicts", () => {
    const { current } = renderForm(blanked(buildReport(), TOTALS));
    fireEvent.click(screen.getByRole("button", { name: "按明细计算合计" }));
    expect(readFigure(current.document, "section3.total_processed.total")).toBe(81);
    expect(screen.getByRole("status").textContent).toBe("已填入4个空白合计");
  });

  it("asks before replacing typed totals, and keeps them when told to", () => {
    const doc = writeFigure(
      blanked(buildReport(), ["section4.reconsideration.total"]),
      "section3.granted.total",
      45,
    );
    const { current } = renderForm(doc);
    fireEvent.click(screen.getByRole("button", { name: "按明细计算合计" }));
    const dialog = within(screen.getByRole("alertdialog"));
    dialog.getByText("表三 三、本年度办理结果 （一）予以公开 · 总计：填写为45，按明细为44");
    expect(current.changes).toBe(0);
    expect(document.activeElement).toBe(dialog.getByRole("button", { name: "保留原值" }));

    fireEvent.click(dialog.getByRole("button", { name: "保留原值" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(readFigure(current.document, "section3.granted.total")).toBe(45);
    expect(readFigure(current.document, "section4.reconsideration.total")).toBe(6);
  });

  it("replaces them all when told to", () => {
    const doc = writeFigure(buildReport(), "section3.granted.total", 45);
    const { current } = renderForm(doc);
    fireEvent.click(screen.getByRole("button", { name: "按明细计算合计" }));
    fireEvent.click(screen.getByRole("button", { name: "全部替换" }));
    expect(readFigure(current.document, "section3.granted.total")).toBe(44);
    expect(screen.getByRole("status").textContent).toBe("已替换1个合计");
    expect(checkReport(current.document)).toEqual([]);
  });
});
