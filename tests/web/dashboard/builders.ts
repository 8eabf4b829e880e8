/** Plain answers of the dashboard routes, with overrides; each test builds its own. */

export const anOverview = (overrides: Record<string, unknown> = {}) => ({
  year: 2024,
  basis: "published",
  scope: "self",
  completeness: {
    by_level: {
      city: { approved: 3, submitted: 1, returned: 0, draft: 1, missing: 2, late: 1 },
      province: { approved: 1, submitted: 0, returned: 0, draft: 0, missing: 0, late: 0 },
    },
    totals: { approved: 4, submitted: 1, returned: 0, draft: 1, missing: 2, late: 1, agencies: 8 },
    missing: {
      items: [
        {
          id: 31,
          name: "示范市政府",
          level: "city",
          region_code: "320100",
          parent_name: "示范省政府",
        },
        { id: 32, name: "东城区政府", level: "county", region_code: "320102", parent_name: null },
      ],
      total: 2,
    },
  },
  figures: {
    "section3.new_received.total": 123456,
    "section3.granted.total": 40,
  },
  indicators: [
    { key: "disclosure_rate", value: 0.625, numerator: 50, denominator: 80, status: "ok" },
    { key: "denial_rate", value: null, numerator: 1, denominator: 3, status: "below_min_count" },
  ],
  failing_reports: {
    items: [
      {
        id: 9,
        agency_id: 41,
        agency_name: "示范市教育局",
        level: "city",
        status: "submitted",
        error_count: 2,
        warning_count: 1,
      },
    ],
    total: 1,
  },
  ...overrides,
});

/** The answer a viewer without review rights gets: published / not yet published / missing. */
export const aPublicOverview = () =>
  anOverview({
    completeness: {
      by_level: { city: { approved: 3, pending: 2, missing: 2 } },
      totals: { approved: 3, pending: 2, missing: 2, agencies: 7 },
      missing: {
        items: [
          { id: 33, name: "北城区政府", level: "county", region_code: "320104", parent_name: null },
        ],
        total: 2,
      },
    },
    failing_reports: {
      items: [
        {
          id: 9,
          agency_id: 41,
          agency_name: "示范市教育局",
          level: "city",
          status: "pending",
          error_count: 1,
          warning_count: 0,
        },
      ],
      total: 1,
    },
  });

const row = (n: number | null) => Array.from({ length: 7 }, () => n);

export const aRegionReport = (overrides: Record<string, unknown> = {}) => ({
  year: 2024,
  region: { id: 100, name: "示范省人民政府" },
  scope: "self",
  basis: "published",
  templates: { "2021": 2, "2019": 1 },
  counts: { included: 3, contained: 0, covered_by_parts: 0, pending: 1, missing: 1 },
  section2: { "section2.regulations.made": 4, "section2.licensing_decisions": 120 },
  section2_not_summed: {
    figures: ["section2.regulations.valid", "section2.normative_documents.valid"],
    reason: "现行有效件数是存量，相加没有意义。",
    reason_en: "Documents in force are a stock.",
  },
  section3: {
    rows: { new_received: row(5), total_processed: row(5) },
    other_processing_total: row(null),
    derived_totals: {},
  },
  own_report: {
    agency_id: 100,
    parts_reports: 2,
    large_differences: 1,
    figures: [
      {
        figure: "section3.new_received.total",
        own: 130,
        parts: 60,
        difference: 70,
        large: true,
        message: "…",
        message_en: "…",
      },
      {
        figure: "section3.total_processed.total",
        own: 100,
        parts: 98,
        difference: 2,
        large: false,
        message: null,
        message_en: null,
      },
    ],
  },
  section4: {
    reconsideration: [1, 0, 0, 1, 2],
    litigation_direct: [null, null, null, null, null],
    litigation_after_reconsideration: [null, null, null, null, null],
  },
  findings: [],
  ledger_total: 5,
  ...overrides,
});

/** The region's ledger in path order, as `/api/rollup/ledger` pages it. */
export const LEDGER_ENTRIES = [
  {
    id: 51,
    name: "示范市政府",
    level: "city",
    kind: "government",
    scope: "region",
    region_code: "320100",
    inclusion: "included",
    report_status: "approved",
    template: "2021",
  },
  {
    id: 52,
    name: "西城区政府",
    level: "county",
    kind: "government",
    scope: "region",
    region_code: "320103",
    inclusion: "pending",
    report_status: "submitted",
    template: "2021",
  },
  {
    id: 53,
    name: "北城区政府",
    level: "county",
    kind: "government",
    scope: "region",
    region_code: "320104",
    inclusion: "missing",
    report_status: null,
    template: null,
  },
];

/** `/api/rollup/ledger`'s answer for `url`: its state filtered, then cut by limit and offset. */
export function aLedgerPage(url: string, entries = LEDGER_ENTRIES) {
  const query = new URL(url, "http://localhost").searchParams;
  const state = query.get("state");
  const limit = Number(query.get("limit") ?? 50);
  const offset = Number(query.get("offset") ?? 0);
  const matching = entries.filter((e) => !state || e.inclusion === state);
  return {
    year: Number(query.get("year")),
    scope: query.get("scope") ?? "self",
    basis: query.get("basis") ?? "published",
    state,
    counts: { included: 3, contained: 0, covered_by_parts: 0, pending: 1, missing: 1 },
    total: matching.length,
    offset,
    limit,
    items: matching.slice(offset, offset + limit),
  };
}
