/**
 * Test data builders: plain, valid documents with overrides. Every document built here satisfies
 * all hard rules unless a test changes it.
 */

import type {
  Cell,
  ReportDocument,
  ReportDocument2019,
  ReportDocument2021,
  Section3Rows,
} from "../../worker/report/document";
import {
  OUTCOME_ROW_KEYS,
  SECTION3_COLUMNS,
  SECTION4_COLUMNS,
  type Section3RowKey,
  type Section3Variant,
} from "../../worker/report/templates";

/** Six applicant-column counts; the builder adds the 总计 column. */
export type ApplicantCounts = readonly [number, number, number, number, number, number];

export interface Section3Input {
  variant?: Section3Variant;
  /** Outcome rows by key; missing outcome rows are all zero. */
  outcomes?: Partial<Record<Section3RowKey, ApplicantCounts>>;
  carriedOver?: ApplicantCounts;
  carriedForward?: ApplicantCounts;
}

const ZEROS: ApplicantCounts = [0, 0, 0, 0, 0, 0];

function withTotal(counts: readonly number[]): number[] {
  return [...counts, counts.reduce((a, b) => a + b, 0)];
}

/**
 * A complete table 三 that satisfies R1–R3: （七）总计 is the sum of the outcomes and 一 is
 * derived as （七）+四−二, so carriedOver must not exceed （七）+四 in any column.
 */
export function section3From(input: Section3Input = {}): { rows: Section3Rows } {
  const variant = input.variant ?? "split";
  const carriedOver = input.carriedOver ?? ZEROS;
  const carriedForward = input.carriedForward ?? ZEROS;
  const outcomeKeys = OUTCOME_ROW_KEYS(variant);
  const rows: Section3Rows = {};
  const processed = [0, 0, 0, 0, 0, 0];
  for (const key of outcomeKeys) {
    const counts = input.outcomes?.[key] ?? ZEROS;
    counts.forEach((n, i) => (processed[i] = (processed[i] ?? 0) + n));
    rows[key] = withTotal(counts);
  }
  const received = processed.map((p, i) => p + (carriedForward[i] ?? 0) - (carriedOver[i] ?? 0));
  if (received.some((n) => n < 0))
    throw new Error("carriedOver exceeds processed + carriedForward");
  return {
    rows: {
      new_received: withTotal(received),
      carried_over: withTotal(carriedOver),
      ...rows,
      total_processed: withTotal(processed),
      carried_forward: withTotal(carriedForward),
    },
  };
}

/** 维持, 纠正, 其他, 尚未审结 → the five cells with 总计. */
export function section4Group(
  upheld: number,
  corrected: number,
  other: number,
  pending: number,
): Cell[] {
  return withTotal([upheld, corrected, other, pending]);
}

const DEFAULT_SECTION3_INPUT: Section3Input = {
  outcomes: {
    granted: [40, 3, 0, 0, 1, 0],
    partially_granted: [8, 1, 0, 0, 0, 0],
    denied_process_info: [2, 0, 0, 0, 0, 0],
    unable_not_held: [20, 1, 0, 0, 0, 1],
    notproc_repeat: [3, 0, 0, 0, 0, 0],
    other_no_correction: [1, 0, 0, 0, 0, 0],
  },
  carriedOver: [5, 1, 0, 0, 0, 0],
  carriedForward: [4, 0, 0, 0, 0, 0],
};

export function buildReport(overrides: Partial<ReportDocument2021> = {}): ReportDocument2021 {
  return {
    template: "2021",
    year: 2023,
    agency: "示例市人民政府办公室",
    section2: {
      regulations: { made: 1, repealed: 0, valid: 12 },
      normative_documents: { made: 10, repealed: 4, valid: 60 },
      licensing_decisions: 1200,
      punishment_decisions: 340,
      coercion_decisions: 12,
      fees_wan_yuan: 0.13,
    },
    section3: section3From(DEFAULT_SECTION3_INPUT),
    section4: {
      reconsideration: section4Group(3, 1, 1, 1),
      litigation_direct: section4Group(2, 0, 0, 1),
      litigation_after_reconsideration: section4Group(1, 1, 0, 0),
    },
    metrics: { website_visits: 5_820_000, policy_interpretations: 21, fee_collected_yuan: 1300 },
    text: { overview: "总体情况……", problems: "存在的问题……", other: "无。" },
    ...overrides,
  };
}

export function buildReport2019(overrides: Partial<ReportDocument2019> = {}): ReportDocument2019 {
  const counts = { prev_year_items: 0, change: 0, decisions: 0 };
  return {
    template: "2019",
    year: 2019,
    agency: "示例市人民政府办公厅",
    section2: {
      regulations: { new_made: 13, new_published: 13, total_published: 524 },
      normative_documents: { new_made: 60, new_published: 60, total_published: 368 },
      licensing: counts,
      other_external_management_services: counts,
      punishment: counts,
      coercion: counts,
      fees: { prev_year_items: 0, change: 0 },
      centralized_procurement: { projects: 6, amount_yuan: 251000 },
    },
    section3: section3From({
      ...DEFAULT_SECTION3_INPUT,
      variant: "single",
      outcomes: {
        ...DEFAULT_SECTION3_INPUT.outcomes,
        other_no_correction: undefined,
        other_processing: [1, 0, 0, 0, 0, 0],
      },
    }),
    section4: {
      reconsideration: section4Group(5, 0, 0, 2),
      litigation_direct: section4Group(8, 0, 0, 1),
      litigation_after_reconsideration: section4Group(0, 0, 0, 0),
    },
    ...overrides,
  };
}

/** A deep copy of the document with one cell of table 三 or 四 replaced. */
export function withCell<T extends ReportDocument>(doc: T, figure: string, value: Cell): T {
  const copy = structuredClone(doc);
  const [section, row, column] = figure.split(".");
  if (section === "section3" && copy.section3 && row && column) {
    const cells = copy.section3.rows[row as Section3RowKey];
    const index = SECTION3_COLUMNS.findIndex((c) => c.key === column);
    if (!cells || index < 0) throw new Error(`no such cell: ${figure}`);
    cells[index] = value;
    return copy;
  }
  if (section === "section4" && copy.section4 && row && column) {
    const cells = (copy.section4 as Record<string, Cell[]>)[row];
    const index = SECTION4_COLUMNS.findIndex((c) => c.key === column);
    if (!cells || index < 0) throw new Error(`no such cell: ${figure}`);
    cells[index] = value;
    return copy;
  }
  throw new Error(`withCell handles table 三 and 四 cells only: ${figure}`);
}
