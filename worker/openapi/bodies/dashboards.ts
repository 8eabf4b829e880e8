/**
 * The JSON bodies of the signed-in dashboards: the comparison, the rollup and its ledger, the
 * overview, data quality and the region report. Strict objects: a field a handler adds must be
 * added here.
 */

import { z } from "zod";
import {
  agencyFacts,
  agencyScope,
  count,
  figureValue,
  regionCode,
  rowId,
  year,
} from "./primitives";
import { indicatorsSchema } from "./public";
import { explanationSchema, findingSchema } from "./reports";
import { AGENCY_KINDS, AGENCY_LEVELS, REPORT_STATUSES } from "../../db/schema";
import { KEY_FIGURES } from "../../report/key-figures";
import { INCLUSIONS } from "../../report/region-coverage";
import { SECTION4_GROUPS, TEMPLATES } from "../../report/templates";

const basis = z.enum(["current", "published"]).meta({
  description:
    "published：已公开（审核通过）的版本；current：最新保存的版本（仅限管理员和本地区审核员）。The approved revisions, or the latest saves (staff only).",
});
const reportStatus = z.enum(REPORT_STATUSES);
/** A report's state as this viewer may know it: null where a non-reviewer may not (unpublished). */
const visibleStatus = reportStatus.nullable().meta({
  description:
    "报告状态；无审核权限者只见 approved，其余为 null。The report's state; null for a viewer without review rights unless approved.",
});

/** One derived indicator (`report/indicators.ts`), as the public indicators answer it. */
const indicatorResult = indicatorsSchema.shape.items.element.shape.indicators.element;

/** A row of table 三: one value per column, null where no report gave the cell. */
const cells = z.array(figureValue).meta({
  description:
    "表三一行，按列（自然人……总计）；null 表示各报告该格均为空。A table 三 row, column by column; null where every report left the cell blank.",
});

const derivedTotals = z.record(z.string(), count).meta({
  description:
    "表三各行中“总计”空白、按六类申请人之和计入的报告数。Per table 三 row, how many reports left 总计 blank, so the applicant columns' sum was used.",
});

const section3Rows = z.record(z.string(), cells).meta({
  description: "表三各行的合计，按行键。Table 三's sums by row key.",
});

/** How many agencies of the ledger each inclusion holds. */
const inclusionCounts = z
  .strictObject({
    included: count,
    contained: count,
    covered_by_parts: count,
    pending: count,
    missing: count,
  })
  .meta({
    id: "InclusionCounts",
    description:
      "各计入情况的机构数：included 已计入，contained 已含在上级全地区报告中，covered_by_parts 由下级报告代替，pending 未公开，missing 未报。Agencies per inclusion.",
  });

/** 自报 vs 汇总 for one figure (`report/cross-check.ts`). */
const crossCheckRow = z
  .strictObject({
    figure: z.string().meta({
      description: `比较的主要数字之一。One of the key figures compared: ${KEY_FIGURES.join(", ")}.`,
    }),
    own: figureValue.meta({ description: "本级自报。The region's own report." }),
    parts: figureValue.meta({ description: "所含报告汇总。The reports it contains, summed." }),
    difference: z.number().nullable(),
    large: z.boolean(),
    message: z.string().nullable(),
    message_en: z.string().nullable(),
  })
  .meta({ id: "CrossCheckRow" });

const regionCrossCheck = z
  .strictObject({
    agency_id: rowId,
    parts_reports: count,
    large_differences: count,
    figures: z.array(crossCheckRow),
  })
  .nullable()
  .meta({
    id: "RegionCrossCheck",
    description:
      "本级全地区报告与其所含报告之和的对比（自报 vs 汇总）；根机构（under）没有全地区报告、带了筛选条件或（合计时）scope 不是 region 时为 null。The region's own report against the sum of the reports it contains; null when the root (under) has none, when filters apply, or (in a rollup) when scope is not region.",
  });

// ---------------------------------------------------------------------------------------------
// GET /api/compare

const compareAgency = z.strictObject({
  id: rowId,
  name: z.string(),
  ...agencyFacts,
});

const peerGroup = z.strictObject({
  level: z.enum(AGENCY_LEVELS),
  kind: z.enum(AGENCY_KINDS),
  scope: agencyScope,
  reports: count,
});

/** With pick=true, the group ranked in place of a mix the ranking refuses. */
const pickedGroup = z
  .strictObject({
    level: z.enum(AGENCY_LEVELS).nullable(),
    kind: z.enum(AGENCY_KINDS).nullable(),
    scope: agencyScope,
    reason: z.enum(["mixed_scope", "mixed_peers"]),
    scopes: z.array(agencyScope).meta({
      description: "（mixed_scope）匹配的报告所属的范围。The scopes found.",
    }),
    peers: z.array(peerGroup).meta({
      description:
        "（mixed_peers）匹配的报告分属的各类机构，报告多者在前。The peer groups found, most reports first.",
    }),
  })
  .meta({
    id: "ComparePicked",
    description:
      "pick=true 且排名会混合不同范围或不同类机构时：实际排名的一类（未限定的层级、类型为 null）。With pick=true, the group ranked in place of a refused mix.",
  });

export const compareSchema = z
  .strictObject({
    figures: z.array(z.string()).meta({
      description: "所问的指标键（含 indicator.<key>）。The keys asked, in order.",
    }),
    years: z.array(year),
    basis,
    total: count.meta({ description: "全部匹配的报告数。Every matching report." }),
    offset: count,
    limit: z.int().min(1),
    sort: z.enum(["path", "rank", "value", "agency"]),
    dir: z.enum(["asc", "desc"]),
    agencies: z.array(compareAgency).meta({
      description: "本页报告的机构。The agencies of this page's reports.",
    }),
    items: z.array(
      z.strictObject({
        agency_id: rowId,
        year,
        status: reportStatus,
        values: z.record(z.string(), z.union([figureValue, indicatorResult])).meta({
          description:
            "指标键 → 数值（表格单元格、登记的指标）或派生指标的结果（indicator.<key>）。Key → a figure, or an indicator's result.",
        }),
      }),
    ),
    ranking: z
      .array(
        z.strictObject({
          agency_id: rowId,
          year,
          rank: z.int().positive().nullable(),
          reason: z.enum(["ok", "below_min_count", "no_data"]),
          value: figureValue,
          denominator: figureValue,
        }),
      )
      .optional()
      .meta({
        description:
          "rank=true 时：按第一个指标在各年度内的名次，1 为最好。With rank=true: each report's rank on the first key within its year; 1 is the best.",
      }),
    direction: z.enum(["higher_first", "lower_first"]).optional(),
    picked: pickedGroup.optional(),
    better: z.enum(["higher", "lower"]).nullable().optional().meta({
      description:
        "哪一端更好；原始数量为 null（最大者排第一，不作评判）。Which end is better; null for a raw count.",
    }),
  })
  .meta({ id: "Comparison" });

// ---------------------------------------------------------------------------------------------
// GET /api/rollup, /api/rollup/ledger

export const dashboardRollupSchema = z
  .strictObject({
    year,
    scope: agencyScope,
    basis,
    counts: inclusionCounts,
    ledger_total: count.meta({
      description:
        "清单中的机构数；机构列表见 GET /api/rollup/ledger。The ledger's agencies; listed by GET /api/rollup/ledger.",
    }),
    section3: z.strictObject({ rows: section3Rows, derived_totals: derivedTotals }),
    figures: z.record(z.string(), figureValue).meta({
      description: "指标键 → 合计。Figure key → sum.",
    }),
    indicators: z.array(indicatorResult),
    cross_check: regionCrossCheck,
  })
  .meta({ id: "DashboardRollup" });

const ledgerEntry = z
  .strictObject({
    id: rowId,
    name: z.string(),
    ...agencyFacts,
    inclusion: z.enum(INCLUSIONS),
    report_status: visibleStatus,
    template: z.enum(TEMPLATES).nullable(),
  })
  .meta({ id: "LedgerEntry" });

export const ledgerSchema = z
  .strictObject({
    year,
    scope: agencyScope,
    basis,
    state: z.enum(INCLUSIONS).nullable(),
    counts: inclusionCounts,
    total: count.meta({
      description:
        "所问计入情况（未指定时为全部）的机构数。The agencies of the state asked, or all.",
    }),
    offset: count,
    limit: z.int().min(1),
    items: z.array(ledgerEntry),
  })
  .meta({ id: "RollupLedger" });

// ---------------------------------------------------------------------------------------------
// GET /api/overview

const workflowCounts = z.strictObject({
  approved: count,
  submitted: count,
  returned: count,
  draft: count,
  missing: count,
  late: count,
});
/** As a viewer without review rights sees them: published, not yet published, missing. */
const outsideCounts = z.strictObject({ approved: count, pending: count, missing: count });
const stateCounts = z.union([workflowCounts, outsideCounts]).meta({
  description:
    "有审核权限者按状态（含逾期 late）计数，其他人只见 approved、pending、missing。By state (and late) for reviewers; approved, pending and missing for others.",
});

export const overviewSchema = z
  .strictObject({
    year,
    basis,
    scope: agencyScope,
    completeness: z.strictObject({
      by_level: z.partialRecord(z.enum(AGENCY_LEVELS), stateCounts),
      totals: z.union([
        workflowCounts.extend({ agencies: count }),
        outsideCounts.extend({ agencies: count }),
      ]),
      missing: z.strictObject({
        items: z.array(
          z.strictObject({
            id: rowId,
            name: z.string(),
            level: z.enum(AGENCY_LEVELS),
            region_code: regionCode,
            parent_name: z.string().nullable(),
          }),
        ),
        total: count,
      }),
    }),
    figures: z.record(z.enum(KEY_FIGURES), figureValue).meta({
      description: "主要数字的合计。The key figures, summed.",
    }),
    indicators: z.array(indicatorResult),
    failing_reports: z.strictObject({
      items: z.array(
        z.strictObject({
          id: rowId.meta({ description: "报告编号。The report's id." }),
          agency_id: rowId,
          agency_name: z.string(),
          level: z.enum(AGENCY_LEVELS),
          status: visibleStatus,
          error_count: count,
          warning_count: count,
        }),
      ),
      total: count,
    }),
  })
  .meta({ id: "Overview" });

// ---------------------------------------------------------------------------------------------
// GET /api/quality

const qualityList = z.strictObject({
  items: z.array(
    z.strictObject({
      report_id: rowId,
      agency_id: rowId,
      agency_name: z.string(),
      level: z.enum(AGENCY_LEVELS),
      scope: agencyScope,
      status: visibleStatus,
      revision: z.int().positive(),
      error_count: count,
      warning_count: count,
      errors: z.array(findingSchema),
      warnings: z.array(findingSchema),
      explanations: z.array(explanationSchema).meta({
        description:
          "提交该版本时对未通过规则的说明。The explanations sent with the submission of this revision.",
      }),
    }),
  ),
  total: count,
  offset: count,
  limit: z.int().min(1),
});

export const qualitySchema = z
  .strictObject({
    year,
    basis,
    figures: z.array(z.string()),
    hard: qualityList.meta({ description: "违反硬性规则的报告。Reports breaking hard rules." }),
    soft: qualityList.meta({
      description: "只有提示的报告。Reports with warnings only.",
    }),
    outliers: z.array(
      z.strictObject({
        agency_id: rowId,
        agency_name: z.string(),
        year,
        figure: z.string(),
        kind: z.enum(["history", "peers"]),
        value: z.number(),
        median: z.number(),
        mad: z.number(),
        z: z.number(),
        reference_count: count,
      }),
    ),
    region_differences: z.array(
      z.strictObject({
        agency_id: rowId,
        agency_name: z.string(),
        parts_reports: count,
        figures: z.array(crossCheckRow),
      }),
    ),
  })
  .meta({ id: "Quality" });

// ---------------------------------------------------------------------------------------------
// GET /api/region-report

/** A rule the summed tables break, and the summed reports it comes from. */
const summedFinding = z.strictObject({
  ...findingSchema.shape,
  sources: z
    .strictObject({
      same_place: z.boolean().meta({
        description:
          "这些报告在同一单元格违反同一规则；为 false 时只是违反同一规则。Whether the reports break the rule at the same cell (else the same rule elsewhere).",
      }),
      total: count,
      items: z.array(z.strictObject({ agency_id: rowId, agency_name: z.string() })).meta({
        description: "前 20 份，按机构顺序。The first 20, in the agencies' order.",
      }),
    })
    .meta({
      description:
        "所汇总的报告中自身违反这条规则的报告。The summed reports that break the rule themselves.",
    }),
});

export const regionReportSchema = z
  .strictObject({
    year,
    region: z.strictObject({ id: rowId, name: z.string() }).nullable().meta({
      description:
        "汇总的地区（under 指定的机构）；未指定时为 null。The region summed (the agency under), or null.",
    }),
    scope: agencyScope,
    basis: z.literal("published"),
    templates: z.strictObject({ "2021": count, "2019": count }).meta({
      description: "计入的报告按模板的份数。The included reports per template.",
    }),
    counts: inclusionCounts,
    ledger_total: count,
    section2: z.record(z.string(), figureValue).meta({
      description:
        "表二（2021 模板）的合计，按指标键。Table 二 (2021 template) sums by figure key.",
    }),
    section2_not_summed: z.strictObject({
      figures: z.array(z.string()),
      reason: z.string(),
      reason_en: z.string(),
    }),
    section3: z.strictObject({
      rows: section3Rows,
      derived_totals: derivedTotals,
      other_processing_total: cells,
    }),
    section4: z.record(z.enum(SECTION4_GROUPS.map((g) => g.key)), cells),
    findings: z.array(summedFinding).meta({
      description:
        "汇总后的表格按单份报告的规则（R1–R5）核对的结果。The summed tables checked by a single report's rules (R1–R5).",
    }),
    own_report: regionCrossCheck,
  })
  .meta({ id: "RegionReport" });
