import type { ReportDocument } from "../../../worker/report/document";
import type { Finding } from "../../../worker/report/rules";
import type { ParsedReport } from "../../../web/lib/report-import";

/** A small 2021-template report, as a parse of a published 2024 report might give it. */
export const aParsedDocument = (overrides: Partial<ReportDocument> = {}): ReportDocument =>
  ({
    template: "2021",
    year: 2024,
    section2: {
      regulations: { made: 1, repealed: 0, valid: 11 },
      normative_documents: { made: 8, repealed: 26, valid: 66 },
      licensing_decisions: 447228,
      punishment_decisions: 3985758,
      coercion_decisions: 88283,
      fees_wan_yuan: 96171.6,
    },
    section3: { rows: { granted: [1288, 21, 0, 0, 50, 3, 1362] } },
    metrics: { website_visits: 5500 },
    ...overrides,
  }) as ReportDocument;

const aParseFinding = (overrides: Partial<Finding> = {}): Finding => ({
  rule: "S-missing-rows",
  severity: "warning",
  table: "三",
  row: null,
  column: null,
  expected: null,
  actual: null,
  message: "表三缺少“本年新收政府信息公开申请数量”等行",
  message_en: "Table 3 lacks the row of new applications and others",
  ...overrides,
});

/** A successful parse; `provenance` names the lines the builder's values come from. */
export const aParse = (overrides: Partial<ParsedReport> = {}): ParsedReport => ({
  ok: true,
  document: aParsedDocument(),
  agency: "淮安市人民政府",
  year: 2024,
  provenance: {
    agency: { line: 2, text: "淮安市人民政府" },
    year: { line: 3, text: "2024 年政府信息公开工作年度报告" },
    "section2.licensing_decisions": { line: 71, text: "行政许可 447228" },
    "section3.granted.total": { line: 91, text: "（一）予以公开 1288 21 0 0 50 3 1362" },
  },
  warnings: [
    {
      code: "page_footer",
      message: "第 73 行是页脚，已跳过",
      message_en: "Line 73 is a page footer and was skipped",
      line: 73,
    },
  ],
  findings: [aParseFinding()],
  ...overrides,
});
