/** Plain answers of /api/compare and /api/quality, with overrides; each test builds its own. */

export const aCompareAnswer = (overrides: Record<string, unknown> = {}) => ({
  figures: ["indicator.disclosure_rate"],
  years: [2024],
  basis: "published",
  total: 3,
  offset: 0,
  limit: 50,
  sort: "rank",
  dir: "asc",
  agencies: [
    {
      id: 41,
      name: "示范市政府",
      level: "city",
      kind: "government",
      scope: "self",
      region_code: "320100",
    },
    {
      id: 42,
      name: "东城区政府",
      level: "county",
      kind: "government",
      scope: "self",
      region_code: "320102",
    },
    {
      id: 43,
      name: "西城区政府",
      level: "county",
      kind: "government",
      scope: "self",
      region_code: "320103",
    },
  ],
  items: [
    {
      agency_id: 41,
      year: 2024,
      status: "approved",
      values: {
        "indicator.disclosure_rate": { value: 0.625, numerator: 50, denominator: 80, status: "ok" },
      },
    },
    {
      agency_id: 42,
      year: 2024,
      status: "approved",
      values: {
        "indicator.disclosure_rate": { value: 0.9, numerator: 18, denominator: 20, status: "ok" },
      },
    },
    {
      agency_id: 43,
      year: 2024,
      status: "approved",
      values: {
        "indicator.disclosure_rate": {
          value: null,
          numerator: 2,
          denominator: 3,
          status: "below_min_count",
        },
      },
    },
  ],
  ranking: [
    { agency_id: 42, year: 2024, rank: 1, reason: "ok", value: 0.9, denominator: 20 },
    { agency_id: 41, year: 2024, rank: 2, reason: "ok", value: 0.625, denominator: 80 },
    {
      agency_id: 43,
      year: 2024,
      rank: null,
      reason: "below_min_count",
      value: null,
      denominator: 3,
    },
  ],
  direction: "higher_first",
  better: "higher",
  ...overrides,
});

export const aQualityItem = (overrides: Record<string, unknown> = {}) => ({
  report_id: 9,
  agency_id: 41,
  agency_name: "示范市教育局",
  level: "city",
  scope: "self",
  status: "submitted",
  revision: 2,
  error_count: 1,
  warning_count: 0,
  errors: [
    {
      rule: "R1",
      severity: "error",
      table: "三",
      row: "granted",
      column: "total",
      expected: 12,
      actual: 13,
      message: "表三 “（一）予以公开”行：各申请人列合计=12，总计=13，相差1",
      message_en: 'Table 3, row "granted": the applicant columns add up to 12 but the total is 13',
    },
  ],
  warnings: [],
  explanations: [{ rule: "R1", text: "自然人一栏漏填一件，已在正式稿更正。" }],
  ...overrides,
});

export const aQualityAnswer = (overrides: Record<string, unknown> = {}) => ({
  year: 2024,
  basis: "published",
  figures: ["section3.new_received.total"],
  hard: { items: [aQualityItem()], total: 1, offset: 0, limit: 100 },
  soft: { items: [], total: 0, offset: 0, limit: 100 },
  region_differences: [
    {
      agency_id: 40,
      agency_name: "示范市人民政府",
      parts_reports: 12,
      figures: [
        {
          figure: "section3.new_received.total",
          own: 900,
          parts: 400,
          difference: 500,
          large: true,
          message: "…",
          message_en: "…",
        },
      ],
    },
  ],
  outliers: [
    {
      agency_id: 42,
      agency_name: "示范市卫生健康委员会",
      year: 2024,
      figure: "section3.new_received.total",
      kind: "history",
      value: 1200,
      median: 100,
      mad: 20,
      z: 37.1,
      reference_count: 4,
    },
  ],
  ...overrides,
});
