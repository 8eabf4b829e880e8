import { describe, expect, it } from "vitest";
import { chooseAmongDuplicates, type Reading } from "../../worker/import/duplicate-reports";

const reading = (source: string, overrides: Partial<Reading> = {}): Reading => ({
  source,
  format: "text",
  agency: "淮安市人民政府",
  year: 2024,
  confidence: "high",
  figures: 200,
  ...overrides,
});

describe("chooseAmongDuplicates", () => {
  it("groups one agency's report for a year across its spellings, and keeps the surest reading", () => {
    const groups = chooseAmongDuplicates([
      reading("a.pdf", { format: "pdf", confidence: "medium" }),
      reading("b.html", { format: "html", agency: "江苏省淮安市人民政府" }),
      reading("c.txt"),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.kept.source).toBe("b.html");
    expect(groups[0]?.skipped.map((r) => r.source)).toEqual(["c.txt", "a.pdf"]);
  });

  it("prefers more figures read, then the more structured format, then the first listed", () => {
    const [fewer] = chooseAmongDuplicates([
      reading("a.txt", { figures: 10 }),
      reading("b.pdf", { format: "pdf" }),
    ]);
    expect(fewer?.kept.source).toBe("b.pdf");
    const [same] = chooseAmongDuplicates([reading("a.txt"), reading("b.txt")]);
    expect(same?.kept.source).toBe("a.txt");
  });

  it("keeps other years and other agencies apart, including a government and its general office", () => {
    const groups = chooseAmongDuplicates([
      reading("a.txt"),
      reading("b.txt", { year: 2023 }),
      reading("c.txt", { agency: "淮安市人民政府办公室" }),
    ]);
    expect(groups.map((g) => g.kept.source)).toEqual(["a.txt", "b.txt", "c.txt"]);
  });
});
