/**
 * Whatever text it is given — arbitrary strings, or real reports mangled (lines dropped,
 * duplicated, shuffled, characters deleted, numbers replaced with junk, truncated) —
 * parseReportText returns a schema-valid document or an error, never throws, and is quick.
 */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseReportText } from "../../worker/import/parse-report";
import { reportDocumentSchema } from "../../worker/report/document";
import { allReportFixtures } from "./report-fixtures";

/** Generous for a shared CI machine: a fixture parses in well under 10 ms. */
const MAX_MS_PER_CALL = 1_000;

function checkOne(text: string): void {
  const started = performance.now();
  const result = parseReportText(text);
  const elapsed = performance.now() - started;
  expect(elapsed).toBeLessThan(MAX_MS_PER_CALL);
  if (!result.ok) {
    expect(result.error.code).toMatch(/^[a-z_]+$/);
    expect(result.error.message).not.toBe("");
    expect(result.error.message_en).not.toBe("");
    return;
  }
  const checked = reportDocumentSchema.safeParse(result.document);
  expect(checked.success).toBe(true);
  const lineCount = text.split(/\r\n|\r|\n/).length;
  for (const at of Object.values(result.provenance)) {
    expect(at.line).toBeGreaterThanOrEqual(1);
    expect(at.line).toBeLessThanOrEqual(lineCount);
  }
  for (const w of result.warnings) {
    expect(typeof w.code).toBe("string");
    expect(typeof w.message_en).toBe("string");
  }
}

const FIXTURE_TEXTS = allReportFixtures().map((f) => f.text);

const JUNK = [
  "",
  "-3",
  "1.5",
  "NaN",
  "1e309",
  "99999999999999999999",
  "９９９９９９９９９９９９９９９９９９",
  "1,2,3",
  "—",
  "/",
  "无",
  "|",
  "||||",
  "0.00001",
  "亿",
  "万余",
  "２０２２年",
  "\u0000",
  "\uD800",
];

type Op =
  | { kind: "drop"; at: number; count: number }
  | { kind: "duplicate"; at: number; count: number }
  | { kind: "swap"; a: number; b: number }
  | { kind: "deleteChars"; at: number; count: number }
  | { kind: "junkNumbers"; every: number; junk: string }
  | { kind: "insert"; at: number; text: string }
  | { kind: "truncate"; at: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("drop" as const),
    at: fc.nat(),
    count: fc.integer({ min: 1, max: 30 }),
  }),
  fc.record({
    kind: fc.constant("duplicate" as const),
    at: fc.nat(),
    count: fc.integer({ min: 1, max: 30 }),
  }),
  fc.record({ kind: fc.constant("swap" as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    kind: fc.constant("deleteChars" as const),
    at: fc.nat(),
    count: fc.integer({ min: 1, max: 200 }),
  }),
  fc.record({
    kind: fc.constant("junkNumbers" as const),
    every: fc.integer({ min: 1, max: 7 }),
    junk: fc.oneof(fc.constantFrom(...JUNK), fc.string({ maxLength: 6 })),
  }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.constantFrom(...JUNK)),
  }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
);

function apply(text: string, op: Op): string {
  const lines = text.split("\n");
  const n = Math.max(lines.length, 1);
  switch (op.kind) {
    case "drop":
      lines.splice(op.at % n, op.count);
      return lines.join("\n");
    case "duplicate": {
      const at = op.at % n;
      lines.splice(at, 0, ...lines.slice(at, at + op.count));
      return lines.join("\n");
    }
    case "swap": {
      const a = op.a % n;
      const b = op.b % n;
      [lines[a], lines[b]] = [lines[b] ?? "", lines[a] ?? ""];
      return lines.join("\n");
    }
    case "deleteChars": {
      const at = op.at % Math.max(text.length, 1);
      return text.slice(0, at) + text.slice(at + op.count);
    }
    case "junkNumbers": {
      let i = 0;
      return text.replace(/\d+/g, (m) => (i++ % op.every === 0 ? op.junk : m));
    }
    case "insert": {
      const at = op.at % Math.max(text.length, 1);
      return text.slice(0, at) + op.text + text.slice(at);
    }
    case "truncate":
      return text.slice(0, op.at % Math.max(text.length, 1));
  }
}

describe("parseReportText on any input", () => {
  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 3000 }),
          fc.string({ unit: "grapheme", maxLength: 3000 }),
          fc
            .array(
              fc.constantFrom(
                ...JUNK,
                "一、总体情况",
                "三、收到和处理政府信息公开申请情况",
                "2022年政府信息公开工作年度报告",
                "\n",
                " ",
                "0",
                "7",
              ),
              { maxLength: 300 },
            )
            .map((parts) => parts.join(" ")),
        ),
        checkOne,
      ),
      { numRuns: 300 },
    );
  });

  it("never throws on mangled real reports", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FIXTURE_TEXTS),
        fc.array(opArb, { minLength: 1, maxLength: 8 }),
        (text, ops) => {
          checkOne(ops.reduce(apply, text));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("answers an empty text, a text without a year, and an oversized text with an error", () => {
    expect(parseReportText("")).toMatchObject({ ok: false, error: { code: "empty_text" } });
    expect(parseReportText("一、总体情况\n没有年份")).toMatchObject({
      ok: false,
      error: { code: "year_not_found" },
    });
    expect(parseReportText("x".repeat(1_000_001))).toMatchObject({
      ok: false,
      error: { code: "text_too_large" },
    });
    // Called from JavaScript with something that is not a string.
    expect(parseReportText(42 as unknown as string)).toMatchObject({ ok: false });
  });

  it("handles a long single line and a long run of numbers in reasonable time", () => {
    checkOne(
      `2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n${"1 ".repeat(50_000)}`,
    );
    checkOne(`${"政府".repeat(100_000)}2022年${"信息".repeat(50_000)}`);
    checkOne(`2022年政府信息公开工作年度报告\n${"2022年".repeat(30_000)}`);
  });
});
