/**
 * Embed views as the routes will build them: plain data with overrides. The realistic ones (a
 * six-year trend, twenty agencies) are what the page-size budget is measured on.
 */

import type { EmbedMixRow, EmbedPoint, EmbedView } from "../../worker/embed/view";

export const anEmbedView = (overrides: Partial<EmbedView> = {}): EmbedView => ({
  lang: "zh",
  theme: "auto",
  transparent: false,
  title: "洛阳市人民政府办公室 · 网站访问量",
  subtitle: "2019–2024 年",
  figure: { key: "metrics.website_visits", label: "网站访问量", unit: "count", unitLabel: "次" },
  kind: "trend",
  points: yearPoints({ 2019: 1_203_400, 2020: 2_871_000, 2021: 3_985_758, 2022: 5_820_000 }),
  templateBreakYear: 2021,
  dataUrl:
    "https://nianbao.example.org/embed/agency/123.csv?metric=metrics.website_visits&kind=trend",
  pageUrl: "https://nianbao.example.org/agencies/123",
  source: "年报平台 · 政府信息公开工作年度报告",
  dataDate: "2025-01-27",
  version: "v1234",
  licence: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
  ...overrides,
});

/** One point per year, labelled with the year, in ascending order. */
export function yearPoints(values: Record<number, number | null>): EmbedPoint[] {
  return Object.entries(values)
    .map(([year, value]) => ({ label: year, year: Number(year), value }))
    .sort((a, b) => a.year - b.year);
}

/** A six-year trend of one agency's website visits, 2019–2024. */
export const aSixYearTrend = (overrides: Partial<EmbedView> = {}): EmbedView =>
  anEmbedView({
    points: yearPoints({
      2019: 1_203_400,
      2020: 2_871_000,
      2021: 3_985_758,
      2022: 5_820_000,
      2023: 6_104_233,
      2024: 7_310_950,
    }),
    notes: ["访问量为各年度报告所载数字，统计口径以原报告为准。"],
    ...overrides,
  });

const DEPARTMENTS = [
  "洛阳市发展和改革委员会",
  "洛阳市教育局",
  "洛阳市科学技术局",
  "洛阳市工业和信息化局",
  "洛阳市公安局",
  "洛阳市民政局",
  "洛阳市司法局",
  "洛阳市财政局",
  "洛阳市人力资源和社会保障局",
  "洛阳市自然资源和规划局",
  "洛阳市生态环境局",
  "洛阳市住房和城乡建设局（洛阳市人民防空办公室）",
  "洛阳市交通运输局",
  "洛阳市水利局",
  "洛阳市农业农村局",
  "洛阳市商务局",
  "洛阳市文化广电和旅游局",
  "洛阳市卫生健康委员会",
  "洛阳市应急管理局",
  "洛阳市市场监督管理局",
];

/** Twenty departments' applications received in 2024, largest first. */
export const twentyAgencyBars = (overrides: Partial<EmbedView> = {}): EmbedView =>
  anEmbedView({
    title: "洛阳市 · 市直部门 · 本年新收政府信息公开申请数量",
    subtitle: "2024 年度 · 部门报告（不含全市汇总）",
    figure: {
      key: "section3.new_received.total",
      label: "本年新收申请",
      unit: "count",
      unitLabel: "件",
    },
    kind: "bars",
    points: DEPARTMENTS.map((name, i) => ({
      label: name,
      value: i === 17 ? null : Math.round(1480 / (i + 1)),
      year: undefined,
      href: `https://nianbao.example.org/agencies/${4100 + i}`,
    })),
    templateBreakYear: undefined,
    ...overrides,
  });

/** The six outcome families of one row, counts in printed order. */
export function mixRow(
  label: string,
  counts: readonly [number, number, number, number, number, number],
  year?: number,
): EmbedMixRow {
  const families = [
    ["granted", "予以公开"],
    ["partially_granted", "部分公开"],
    ["denied", "不予公开"],
    ["unable", "无法提供"],
    ["not_processed", "不予处理"],
    ["other_processing", "其他处理"],
  ] as const;
  return {
    label,
    year,
    parts: families.map(([key, familyLabel], i) => ({
      key,
      label: familyLabel,
      value: counts[i]!,
    })),
  };
}

export const anOutcomeMix = (overrides: Partial<EmbedView> = {}): EmbedView =>
  anEmbedView({
    title: "洛阳市人民政府办公室 · 办理结果构成",
    figure: { key: "section3.outcomes", label: "办理结果", unit: "count", unitLabel: "件" },
    kind: "outcome_mix",
    points: [],
    mix: [
      mixRow("2020", [40, 12, 5, 30, 3, 1], 2020),
      mixRow("2021", [52, 9, 7, 28, 2, 2], 2021),
      mixRow("2022", [1, 1, 1, 0, 0, 0], 2022),
    ],
    ...overrides,
  });
