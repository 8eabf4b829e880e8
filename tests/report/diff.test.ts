import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../worker/report/diff";
import type { ReportDocument } from "../../worker/report/document";
import { buildReport, withCell } from "./builders";

describe("diffDocuments", () => {
  it("finds nothing between equal documents", () => {
    expect(diffDocuments(buildReport(), buildReport())).toEqual([]);
  });

  it("finds exactly the changed cells, by figure key, in printed order", () => {
    const before = buildReport();
    let after = withCell(before, "section4.litigation_direct.pending", 2);
    after = withCell(after, "section3.granted.natural_person", null);
    after = { ...after, section2: { ...after.section2!, fees_wan_yuan: 0.2 } };
    expect(diffDocuments(before, after)).toEqual([
      { path: "section2.fees_wan_yuan", before: 0.13, after: 0.2 },
      { path: "section3.granted.natural_person", before: 40, after: null },
      { path: "section4.litigation_direct.pending", before: 1, after: 2 },
    ]);
  });

  it("reports texts, notes, metrics and header fields by path", () => {
    const before = buildReport();
    const after: ReportDocument = {
      ...before,
      year: 2024,
      metrics: { ...before.metrics, wechat_followers: 14219 },
      metric_notes: { website_visits: { as_printed: "582万次", approximate: false } },
      text: { ...before.text, overview: "新的总体情况" },
      explanations: [{ rule: "R2", text: "原文缺失一个单元格" }],
    };
    expect(diffDocuments(before, after).map((c) => c.path)).toEqual([
      "year",
      "metrics.wechat_followers",
      "metric_notes.website_visits",
      "text.overview",
      "explanations",
    ]);
  });

  it("tells an absent row (undefined) from a blank one (null)", () => {
    const before = buildReport();
    const rows = { ...before.section3!.rows };
    delete rows.other_other;
    const changes = diffDocuments(before, { ...before, section3: { rows } });
    expect(changes).toHaveLength(7);
    expect(changes[0]).toEqual({
      path: "section3.other_other.natural_person",
      before: 0,
      after: undefined,
    });
  });

  it("treats a missing previous version as empty", () => {
    const changes = diffDocuments(null, buildReport());
    expect(changes.slice(0, 3)).toEqual([
      { path: "template", before: undefined, after: "2021" },
      { path: "year", before: undefined, after: 2023 },
      { path: "agency", before: undefined, after: "示例市人民政府办公室" },
    ]);
    expect(changes.filter((c) => c.path.startsWith("section3."))).toHaveLength(175);
  });

  it("ignores the key order of notes", () => {
    const a = buildReport({
      metric_notes: { website_visits: { as_printed: "582万次", approximate: true } },
    });
    const b = buildReport({
      metric_notes: { website_visits: { approximate: true, as_printed: "582万次" } },
    });
    expect(diffDocuments(a, b)).toEqual([]);
  });
});
