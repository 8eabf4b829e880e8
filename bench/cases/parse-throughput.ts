import { readdirSync, readFileSync } from "node:fs";
import { parseReportText } from "../../worker/import/parse-report";
import type { BenchCase } from "../bench-case";

const FIXTURES = new URL("../../../shared/fixtures/reports/", import.meta.url);

/** Published report texts parsed to checked documents, on one core, for a few seconds. */
export const parseThroughput: BenchCase = {
  name: "import.parse",
  run() {
    const texts = readdirSync(FIXTURES)
      .filter((file) => file.endsWith(".txt"))
      .map((file) => readFileSync(new URL(file, FIXTURES), "utf8"));
    for (const text of texts) parseReportText(text);
    let parsed = 0;
    const started = performance.now();
    while (performance.now() - started < 3000) {
      for (const text of texts) parseReportText(text);
      parsed += texts.length;
    }
    const seconds = (performance.now() - started) / 1000;
    return [
      {
        name: "import.parse.reports_per_second",
        value: Math.round(parsed / seconds),
        unit: "reports/s",
        target: 200,
        better: "higher",
      },
    ];
  },
};
