import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../../worker/report/diff";
import { reportDocumentSchema, type ReportDocument } from "../../../worker/report/document";
import { isFigureKey } from "../../../worker/report/figures";
import { METRIC_KEYS } from "../../../worker/report/metrics";
import {
  SECTION4_GROUP_KEYS,
  section2Rows,
  section3RowKeys,
  type Section3Variant,
  type Template,
} from "../../../worker/report/templates";
import { applyChoice } from "../../../web/lib/draft-sync";

const nulls = (n: number) => Array.from({ length: n }, () => null);

/** A 2021 report with a little of everything; each test states what it changes. */
const aDocument = (overrides: Partial<ReportDocument> = {}): ReportDocument =>
  ({
    template: "2021",
    year: 2024,
    section2: {
      regulations: { made: 1, repealed: 0, valid: 5 },
      normative_documents: { made: 2, repealed: 1, valid: 9 },
      licensing_decisions: 10,
      punishment_decisions: 3,
      coercion_decisions: 0,
      fees_wan_yuan: 0,
    },
    section3: {
      rows: {
        new_received: [4, 1, 0, 0, 0, 0, 5],
        granted: [2, 1, 0, 0, 0, 0, 3],
      },
    },
    section4: {
      reconsideration: [1, 0, 0, 0, 1],
      litigation_direct: [0, 0, 0, 0, 0],
      litigation_after_reconsideration: [0, 0, 0, 0, 0],
    },
    metrics: { website_visits: 1000 },
    text: { overview: "总体情况", problems: "问题" },
    ...overrides,
  }) as ReportDocument;

const changedPaths = (a: ReportDocument | null, b: ReportDocument | null) =>
  diffDocuments(a, b).map((c) => c.path);

describe("applyChoice", () => {
  const theirs = aDocument();
  const mine = aDocument({
    section2: { ...theirs.section2!, regulations: { made: 4, repealed: 0, valid: 5 } } as never,
    section3: {
      rows: { new_received: [4, 1, 0, 0, 0, 0, 5], granted: [2, 1, 0, 0, 0, 0, 7] },
    },
    section4: { ...theirs.section4!, reconsideration: [1, 6, 0, 0, 1] },
    metrics: { website_visits: 2000 },
    text: { overview: "我写的总体情况", problems: "问题" },
  });

  it("takes the chosen cells from mine and keeps theirs everywhere else", () => {
    const merged = applyChoice(theirs, mine, ["section3.granted.total", "text.overview"]);
    expect(changedPaths(theirs, merged)).toEqual(["section3.granted.total", "text.overview"]);
    expect(merged.section3?.rows.granted).toEqual([2, 1, 0, 0, 0, 0, 7]);
    expect(merged.text?.overview).toBe("我写的总体情况");
  });

  it("writes each kind of figure key into its place", () => {
    const merged = applyChoice(theirs, mine, [
      "section2.regulations.made",
      "section4.reconsideration.corrected",
      "metrics.website_visits",
    ]);
    expect(merged.section2).toMatchObject({ regulations: { made: 4, repealed: 0, valid: 5 } });
    expect(merged.section4?.reconsideration).toEqual([1, 6, 0, 0, 1]);
    expect(merged.metrics).toEqual({ website_visits: 2000 });
    expect(merged.section3).toEqual(theirs.section3);
  });

  it("leaves both inputs untouched", () => {
    const before = JSON.stringify([theirs, mine]);
    applyChoice(theirs, mine, changedPaths(theirs, mine));
    expect(JSON.stringify([theirs, mine])).toBe(before);
  });

  it("creates the row, table or text a chosen cell of mine needs", () => {
    const bare = aDocument({ section3: null, section4: null, metrics: undefined, text: undefined });
    const merged = applyChoice(bare, mine, [
      "section3.granted.total",
      "section4.reconsideration.corrected",
      "metrics.website_visits",
      "text.overview",
    ]);
    expect(merged.section3?.rows).toEqual({ granted: [null, null, null, null, null, null, 7] });
    expect(merged.section4?.reconsideration).toEqual([null, 6, null, null, null]);
    expect(merged.section4?.litigation_direct).toEqual(nulls(5));
    expect(merged.metrics).toEqual({ website_visits: 2000 });
    expect(merged.text).toEqual({ overview: "我写的总体情况" });
    expect(reportDocumentSchema.safeParse(merged).success).toBe(true);
  });

  it("removes what mine removed when every cell of it is chosen", () => {
    const trimmed = aDocument({
      section3: { rows: { new_received: [4, 1, 0, 0, 0, 0, 5] } },
      metrics: {},
      text: { problems: "问题" },
    });
    const merged = applyChoice(theirs, trimmed, changedPaths(theirs, trimmed));
    expect(merged.section3?.rows).toEqual({ new_received: [4, 1, 0, 0, 0, 0, 5] });
    expect(merged.metrics).toEqual({});
    expect(merged.text).toEqual({ problems: "问题" });
  });

  it("blanks a removed cell when only part of its row is taken from mine", () => {
    const trimmed = aDocument({ section3: { rows: { new_received: [4, 1, 0, 0, 0, 0, 5] } } });
    const merged = applyChoice(theirs, trimmed, ["section3.granted.total"]);
    expect(merged.section3?.rows.granted).toEqual([2, 1, 0, 0, 0, 0, null]);
  });

  it("keeps my layout of （六） when my cells of it are chosen", () => {
    const split = aDocument({
      section3: { rows: { other_no_correction: [1, 0, 0, 0, 0, 0, 1] } },
    });
    const single = aDocument({ section3: { rows: { other_processing: [2, 0, 0, 0, 0, 0, 2] } } });
    const merged = applyChoice(split, single, ["section3.other_processing.total"]);
    expect(Object.keys(merged.section3!.rows)).toEqual(["other_processing"]);
    expect(reportDocumentSchema.safeParse(merged).success).toBe(true);
  });

  it("takes my table 二 along with my template", () => {
    const mine2019 = { ...aDocument(), template: "2019", section2: null } as ReportDocument;
    const merged = applyChoice(theirs, mine2019, ["template", "section2.regulations.made"]);
    expect(merged.template).toBe("2019");
    expect(merged.section2).toBeNull();
    expect(reportDocumentSchema.safeParse(merged).success).toBe(true);
  });

  it("builds on mine when the server holds no version", () => {
    expect(changedPaths(applyChoice(null, mine, changedPaths(null, mine)), mine)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over generated reports

const cell = fc.option(fc.nat(3), { nil: null });
const cells = (n: number) => fc.array(cell, { minLength: n, maxLength: n });

function section2Of(template: Template) {
  const columnValue = (column: { kind: string; signed?: boolean }) =>
    column.signed
      ? fc.option(fc.integer({ min: -3, max: 3 }), { nil: null })
      : column.kind === "amount"
        ? fc.option(
            fc.nat(8).map((n) => n / 4),
            { nil: null },
          )
        : cell;
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const row of section2Rows(template)) {
    shape[row.key] =
      row.shape === "scalar"
        ? columnValue(row.column)
        : fc.record(Object.fromEntries(row.columns.map((c) => [c.key, columnValue(c)])));
  }
  return fc.record(shape);
}

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

function documentOf(template: Template, variant: Section3Variant): fc.Arbitrary<ReportDocument> {
  const rowKeys = section3RowKeys(variant);
  const text = fc.constantFrom("", "甲", "乙");
  return fc.record(
    {
      template: fc.constant(template),
      year: fc.constantFrom(2023, 2024),
      agency: fc.constantFrom("甲局", "乙局"),
      section2: optional(section2Of(template)),
      section3: optional(
        fc.record({
          rows: fc.record(Object.fromEntries(rowKeys.map((k) => [k, cells(7)])), {
            requiredKeys: [],
          }),
        }),
      ),
      section4: optional(
        fc.record(Object.fromEntries(SECTION4_GROUP_KEYS.map((g) => [g, cells(5)]))),
      ),
      metrics: fc.record(Object.fromEntries(METRIC_KEYS.map((k) => [k, cell])), {
        requiredKeys: [],
      }),
      metric_notes: fc.record(
        Object.fromEntries(METRIC_KEYS.map((k) => [k, fc.record({ as_printed: text })])),
        { requiredKeys: [] },
      ),
      text: fc.record({ overview: text, problems: text, other: text }, { requiredKeys: [] }),
      explanations: fc.array(
        fc.record({ rule: fc.constantFrom("R1", "R2"), text: fc.constantFrom("说明", "另述") }),
        { maxLength: 2 },
      ),
    },
    { requiredKeys: ["template", "year"] },
  ) as fc.Arbitrary<ReportDocument>;
}

const templates = fc.constantFrom<Template>("2021", "2019");
const variants = fc.constantFrom<Section3Variant>("split", "single");
const anyDocument = fc.tuple(templates, variants).chain(([t, v]) => documentOf(t, v));
/** Two versions of one report: same template and layout of （六）. */
const sameShapePair = fc
  .tuple(templates, variants)
  .chain(([t, v]) => fc.tuple(documentOf(t, v), documentOf(t, v)));

const valuesOf = (doc: ReportDocument) =>
  new Map(diffDocuments(null, doc).map((c) => [c.path, c.after]));

describe("applyChoice on generated reports", () => {
  it("gives mine when every differing cell is taken from mine", () => {
    fc.assert(
      fc.property(anyDocument, anyDocument, (theirs, mine) => {
        const merged = applyChoice(theirs, mine, changedPaths(theirs, mine));
        expect(changedPaths(merged, mine)).toEqual([]);
        expect(reportDocumentSchema.safeParse(merged).success).toBe(true);
      }),
    );
  });

  it("gives theirs when nothing is taken from mine", () => {
    fc.assert(
      fc.property(anyDocument, anyDocument, (theirs, mine) => {
        expect(changedPaths(applyChoice(theirs, mine, []), theirs)).toEqual([]);
      }),
    );
  });

  it("always yields a valid document, whatever is chosen", () => {
    fc.assert(
      fc.property(
        anyDocument,
        anyDocument,
        fc.infiniteStream(fc.boolean()),
        (theirs, mine, pick) => {
          const paths = changedPaths(theirs, mine);
          const chosen = paths.filter(() => pick.next().value);
          const merged = applyChoice(theirs, mine, chosen);
          expect(reportDocumentSchema.safeParse(merged).error?.issues ?? []).toEqual([]);
        },
      ),
    );
  });

  it("holds, at every cell, the value of the side chosen for it", () => {
    fc.assert(
      fc.property(sameShapePair, fc.infiniteStream(fc.boolean()), ([theirs, mine], pick) => {
        const changes = diffDocuments(theirs, mine);
        const chosen = new Set(changes.filter(() => pick.next().value).map((c) => c.path));
        const merged = valuesOf(applyChoice(theirs, mine, chosen));
        const expected = valuesOf(theirs);
        for (const change of changes) {
          expected.set(change.path, chosen.has(change.path) ? change.after : change.before);
        }
        for (const path of new Set([...expected.keys(), ...merged.keys()])) {
          const want = expected.get(path);
          const got = merged.get(path);
          // A cell of a row or table one side lacks reads as a blank once the row exists.
          if (want === undefined && got === null && isFigureKey(path)) continue;
          expect({ path, value: got }).toEqual({ path, value: want });
        }
      }),
    );
  });
});
