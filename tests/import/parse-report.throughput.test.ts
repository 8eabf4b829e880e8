/**
 * Throughput of the importer on one core: every fixture parsed repeatedly for a couple of
 * seconds. Logs reports per second; asserts nothing about speed (machines differ).
 */

import { expect, it } from "vitest";
import { parseReportText } from "../../worker/import/parse-report";
import { allReportFixtures } from "./report-fixtures";

const RUN_MS = 2_000;

it("logs how many reports per second it parses", () => {
  const texts = allReportFixtures().map((f) => f.text);
  for (const text of texts) parseReportText(text); // warm-up
  let parsed = 0;
  let chars = 0;
  const started = performance.now();
  while (performance.now() - started < RUN_MS) {
    for (const text of texts) {
      const result = parseReportText(text);
      expect(result.ok).toBe(true);
      parsed += 1;
      chars += text.length;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const complete = allReportFixtures().filter((f) => f.expected.complete === true);
  let full = 0;
  const fullStarted = performance.now();
  while (performance.now() - fullStarted < RUN_MS / 2) {
    for (const f of complete) {
      parseReportText(f.text);
      full += 1;
    }
  }
  const fullSeconds = (performance.now() - fullStarted) / 1000;
  console.log(
    `parseReportText: ${(parsed / seconds).toFixed(0)} reports/s over all ${texts.length} fixtures ` +
      `(${(chars / seconds / 1e6).toFixed(2)} M chars/s); ` +
      `${(full / fullSeconds).toFixed(0)} reports/s over the ${complete.length} complete ones`,
  );
});
