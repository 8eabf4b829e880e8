import { describe, expect, it } from "vitest";
import { findingPath, findingTargets, pathLabel } from "../../web/lib/finding-targets";
import { aFinding } from "./builders";

describe("findingPath", () => {
  it("names the figure a row or group rule is about: its total", () => {
    expect(findingPath(aFinding({ table: "三", row: "granted", column: "total" }))).toBe(
      "section3.granted.total",
    );
    expect(
      findingPath(aFinding({ rule: "R4", table: "四", row: "reconsideration", column: null })),
    ).toBe("section4.reconsideration.total");
  });

  it("names a column rule's 三(七) total, and nothing for a whole-table finding", () => {
    expect(findingPath(aFinding({ rule: "R2", row: null, column: "natural_person" }))).toBe(
      "section3.total_processed.natural_person",
    );
    expect(findingPath(aFinding({ rule: "S-missing-rows", row: null, column: null }))).toBeNull();
  });

  it("ignores keys that are not figures of the model", () => {
    expect(findingPath(aFinding({ table: "三", row: "no_such_row", column: "total" }))).toBeNull();
  });
});

describe("findingTargets", () => {
  it("groups the findings by the figure they name, in order", () => {
    const r1 = aFinding({ rule: "R1" });
    const r5 = aFinding({ rule: "R5" });
    const r2 = aFinding({ rule: "R2", row: null, column: "other" });
    expect(findingTargets([r1, r2, r5])).toEqual([
      { path: "section3.granted.total", findings: [r1, r5] },
      { path: "section3.total_processed.other", findings: [r2] },
    ]);
  });
});

describe("pathLabel", () => {
  it("prints a figure key as its table label and other paths as written", () => {
    expect(pathLabel("section3.granted.total", "zh")).toMatch(/^表三 .*予以公开.* · 总计$/);
    expect(pathLabel("text.overview", "en")).toBe("Text · Overview");
    expect(pathLabel("attachments.1", "zh")).toBe("attachments.1");
  });
});
