import { readFileSync } from "node:fs";
import { fixtureDocument } from "../../worker/demo/fixture-document";
import { checkReport } from "../../worker/report/rules";
import type { BenchCase } from "../bench-case";

const FIXTURE = new URL(
  "../../../shared/fixtures/reports/00_luoyang_shi_bgs_2022.expected.json",
  import.meta.url,
);

/**
 * Every rule, hard and soft, over a full report with last year's report as context — what the
 * form re-runs on each keystroke. Timed in batches so that the clock's resolution does not count.
 */
export const rulesFullReport: BenchCase = {
  name: "rules.full_report",
  run() {
    const document = fixtureDocument(
      JSON.parse(readFileSync(FIXTURE, "utf8")) as Record<string, unknown>,
    );
    const context = {
      previous: { ...document, year: document.year - 1 },
      agency: { level: "city" as const, kind: "department" as const },
    };
    const batch = 200;
    for (let i = 0; i < batch * 5; i++) checkReport(document, context);
    const perCall: number[] = [];
    for (let round = 0; round < 30; round++) {
      const started = performance.now();
      for (let i = 0; i < batch; i++) checkReport(document, context);
      perCall.push((performance.now() - started) / batch);
    }
    perCall.sort((a, b) => a - b);
    const at = (q: number) =>
      perCall[Math.min(perCall.length - 1, Math.floor(q * perCall.length))]!;
    return [
      { name: "rules.full_report.p50", value: round3(at(0.5)), unit: "ms", target: 2 },
      { name: "rules.full_report.p95", value: round3(at(0.95)), unit: "ms", target: null },
    ];
  },
};

const round3 = (value: number) => Math.round(value * 1000) / 1000;
