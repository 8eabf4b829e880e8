import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../../worker/report/diff";
import { reportDocumentSchema, type ReportDocument } from "../../../worker/report/document";
import {
  hasContent,
  identityMismatch,
  importedDocument,
  parsedValues,
} from "../../../web/lib/report-import";
import { aParse, aParsedDocument } from "./builders";

const blank = (year = 2024): ReportDocument =>
  reportDocumentSchema.parse({ template: "2021", year });

const aDraft = (): ReportDocument => ({
  template: "2021",
  year: 2024,
  section3: { rows: { granted: [1, 0, 0, 0, 0, 0, 1] } },
  section4: {
    reconsideration: [1, 0, 0, 0, 1],
    litigation_direct: [0, 0, 0, 0, 0],
    litigation_after_reconsideration: [0, 0, 0, 0, 0],
  },
  metrics: { website_visits: 100, wechat_followers: 2000 },
  metric_notes: {
    website_visits: { as_printed: "100次" },
    wechat_followers: { approximate: true },
  },
  text: { overview: "草稿里的总体情况", problems: "草稿里的问题" },
  explanations: [{ rule: "S-carry-over", table: "三", row: "carried_over", text: "口径调整" }],
});

describe("parsedValues", () => {
  it("lists every figure the document holds in printed order, with its source line", () => {
    const values = parsedValues(aParse());
    expect(values[0]).toEqual({
      key: "section2.regulations.made",
      table: "二",
      value: 1,
      source: null,
      note: null,
    });
    const licensing = values.find((v) => v.key === "section2.licensing_decisions");
    expect(licensing).toMatchObject({
      value: 447228,
      source: { line: 71, text: "行政许可 447228" },
    });
    const keys = values.map((v) => v.key);
    expect(keys.indexOf("section2.fees_wan_yuan")).toBeLessThan(
      keys.indexOf("section3.granted.total"),
    );
    expect(keys.at(-1)).toBe("metrics.website_visits");
  });
});

describe("parsedValues' notes", () => {
  it("gives a narrative figure the note on how the text printed it, and a table cell none", () => {
    const values = parsedValues(
      aParse({
        document: aParsedDocument({
          metrics: { website_visits: 5500, wechat_followers: 20 },
          metric_notes: { website_visits: { as_printed: "5500余次", approximate: true } },
        }),
      }),
    );
    const note = (key: string) => values.find((v) => v.key === key)?.note;
    expect(note("metrics.website_visits")).toEqual({ as_printed: "5500余次", approximate: true });
    expect(note("metrics.wechat_followers")).toBeNull();
    expect(note("section3.granted.total")).toBeNull();
  });
});

describe("identityMismatch", () => {
  const editing = { agency: "吉江市人民政府", year: 2025 };

  it("names what differs: the agency, the year or both", () => {
    expect(identityMismatch({ agency: "淮安市人民政府", year: 2025 }, editing)).toEqual({
      agency: true,
      year: false,
    });
    expect(identityMismatch({ agency: "吉江市人民政府", year: 2024 }, editing)).toEqual({
      agency: false,
      year: true,
    });
    expect(identityMismatch({ agency: "淮安市人民政府", year: 2023 }, editing)).toEqual({
      agency: true,
      year: true,
    });
  });

  it("takes another spelling of the same agency for the same", () => {
    expect(identityMismatch({ agency: "吉江市政府", year: 2025 }, editing)).toBeNull();
    expect(
      identityMismatch(
        { agency: "吉江市政府办", year: 2025 },
        { agency: "吉江市人民政府办公室", year: 2025 },
      ),
    ).toBeNull();
  });

  it("does not guess when either side does not say", () => {
    expect(identityMismatch({ agency: null, year: 2025 }, editing)).toBeNull();
    expect(
      identityMismatch({ agency: "淮安市人民政府", year: null }, { agency: null, year: 2025 }),
    ).toBeNull();
  });
});

describe("hasContent", () => {
  it("is false for no document and for a blank one, true once a figure or some text is there", () => {
    expect(hasContent(null)).toBe(false);
    expect(hasContent(blank())).toBe(false);
    expect(hasContent({ ...blank(), text: { overview: "  " } })).toBe(false);
    expect(hasContent({ ...blank(), text: { overview: "有内容" } })).toBe(true);
    expect(hasContent({ ...blank(), metrics: { website_visits: 0 } })).toBe(true);
  });
});

describe("importedDocument", () => {
  it("keeps the report the edited agency's whatever agency the text names", () => {
    expect(
      importedDocument(null, aParsedDocument({ agency: "淮安市人民政府" }), 2025, "吉江市人民政府")
        .agency,
    ).toBe("吉江市人民政府");
    expect(
      importedDocument(
        aDraft(),
        aParsedDocument({ agency: "淮安市人民政府" }),
        2024,
        "吉江市人民政府",
      ).agency,
    ).toBe("吉江市人民政府");
    expect(importedDocument(null, aParsedDocument({ agency: "淮安市人民政府" }), 2024).agency).toBe(
      "淮安市人民政府",
    );
  });

  it("is the parsed document for the year being edited when there is no draft", () => {
    const imported = importedDocument(null, aParsedDocument({ year: 2023 }), 2024);
    expect(imported).toEqual(aParsedDocument({ year: 2024 }));
  });

  it("replaces what the text held and keeps the tables, metrics, text and explanations it did not", () => {
    const imported = importedDocument(aDraft(), aParsedDocument(), 2024);
    expect(imported.section2).toEqual(aParsedDocument().section2);
    expect(imported.section3).toEqual(aParsedDocument().section3);
    expect(imported.section4).toEqual(aDraft().section4);
    expect(imported.metrics).toEqual({ website_visits: 5500, wechat_followers: 2000 });
    // The note on the old visits figure went with it; the note on the kept metric stays.
    expect(imported.metric_notes).toEqual({ wechat_followers: { approximate: true } });
    expect(imported.text).toEqual(aDraft().text);
    expect(imported.explanations).toEqual(aDraft().explanations);
    expect(reportDocumentSchema.safeParse(imported).success).toBe(true);
  });

  it("takes the narrative sections the text held", () => {
    const parsed = aParsedDocument({ text: { overview: "年报里的总体情况", other: "" } });
    const imported = importedDocument(aDraft(), parsed, 2024);
    expect(imported.text).toEqual({ overview: "年报里的总体情况", problems: "草稿里的问题" });
  });

  it("drops the draft's table 二 when the text is of the other template", () => {
    const draft = { ...aDraft(), section2: aParsedDocument().section2 } as ReportDocument;
    const parsed = { template: "2019", year: 2019 } as ReportDocument;
    const imported = importedDocument(draft, parsed, 2024);
    expect(imported.template).toBe("2019");
    expect(imported.section2).toBeUndefined();
    expect(reportDocumentSchema.safeParse(imported).success).toBe(true);
  });

  it("changes only the cells the text holds differently", () => {
    const draft = aDraft();
    const changes = diffDocuments(draft, importedDocument(draft, aParsedDocument(), 2024));
    const paths = changes.map((c) => c.path);
    expect(paths).toContain("section3.granted.total");
    expect(paths).toContain("metrics.website_visits");
    expect(paths).not.toContain("section4.reconsideration.total");
    expect(paths).not.toContain("text.overview");
    expect(paths).not.toContain("year");
  });
});
