import { readFileSync } from "node:fs";
import { decodeHtml } from "../../worker/import/html/decode-html";
import { parseReportHtml } from "../../worker/import/html/parse-report-html";
import type { BenchCase } from "../bench-case";

const SAVED_PAGE = new URL(
  "../../../shared/fixtures/reports/24_shuyang_fgj_2023.html",
  import.meta.url,
);

/**
 * A saved report page (fixture 24: 108 KB of a government site's page, CMS chrome, Word markup and
 * three tables) from its bytes to a checked document: charset sniffing, htmlparser2, the report's
 * region, the tables, the text importer and the rules. One core, nothing cached between pages.
 */
export const parseHtmlThroughput: BenchCase = {
  name: "import.parse-html",
  run() {
    const bytes = new Uint8Array(readFileSync(SAVED_PAGE));
    const read = () => parseReportHtml(decodeHtml(bytes));
    if (!read().ok) throw new Error("fixture 24 no longer parses");
    let parsed = 0;
    const started = performance.now();
    while (performance.now() - started < 3000) {
      read();
      parsed += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    return [
      {
        name: `import.parse_html.pages_per_second (${Math.round(bytes.length / 1024)} KB page)`,
        value: Math.round(parsed / seconds),
        unit: "pages/s",
        target: 50,
        better: "higher",
      },
    ];
  },
};
