/**
 * The JSON bodies the public API answers with. The routes declare them, so they type the
 * handlers and make the OpenAPI document; the tests hold every real answer to them. Strict
 * objects: a field a handler adds must be added here.
 */

import { z } from "zod";
import {
  agencyFacts,
  agencyScope,
  count,
  figureValue,
  instant,
  pageFrame,
  rowId,
  year,
} from "./primitives";
import { INDICATORS } from "../../report/indicators";
import { reportDocumentSchema } from "../../report/document";
import { RULES } from "../../report/rules";
import { TEMPLATES } from "../../report/templates";

/** The canonical report document (FORMAT.md), once among the document's components. */
export const reportDocumentBody = reportDocumentSchema.meta({ id: "ReportDocument" });

const licenceSchema = z
  .strictObject({
    name: z.string().meta({ examples: ["CC-BY-4.0"] }),
    title: z.string(),
    url: z.url(),
    statement: z.string(),
    statementEn: z.string(),
  })
  .meta({
    id: "Licence",
    description:
      "使用条款：CC BY 4.0，注明来源。The terms of use of every public answer: CC BY 4.0, credit the source.",
  });

/** The licence and the data version travel with every public JSON answer. */
const envelope = {
  data_version: count.meta({
    description:
      "数据版本：每次发布（或更正）加一。The data version: the newest publication's number; it grows with every publication.",
  }),
  licence: licenceSchema,
};

const publicAgencySchema = z
  .strictObject({
    id: rowId,
    name: z.string(),
    ...agencyFacts,
    parent_id: rowId.nullable(),
  })
  .meta({ id: "PublicAgency" });

export const agencyListSchema = z
  .strictObject({
    items: z.array(publicAgencySchema),
    ...pageFrame,
    ...envelope,
  })
  .meta({ id: "AgencyList" });

export const agencyDetailSchema = z
  .strictObject({
    agency: z.strictObject({
      ...publicAgencySchema.shape,
      parent: z.strictObject({ id: rowId, name: z.string() }).nullable(),
    }),
    reports: z
      .array(z.strictObject({ year, template: z.enum(TEMPLATES) }))
      .meta({ description: "已公开的年度报告。The years with a published report." }),
    ...envelope,
  })
  .meta({ id: "AgencyDetail" });

/**
 * A rule's finding on the published revision (`worker/report/rules.ts`). The staff routes
 * (`bodies/reports.ts`) declare the same shape; it cannot be imported from there, since that
 * module imports this one.
 */
const publishedFindingSchema = z.strictObject({
  rule: z.enum(RULES.map((r) => r.id)),
  severity: z.enum(["error", "warning"]).meta({
    description:
      "error：勾稽关系不成立；warning：值得核实。An error breaks a hard rule; a warning is worth checking.",
  }),
  table: z.enum(["二", "三", "四", "metrics"]).nullable(),
  row: z.string().nullable(),
  column: z.string().nullable(),
  expected: z.number().nullable().meta({
    description: "按其他数字应有的值。What the other figures say the value should be.",
  }),
  actual: z.number().nullable().meta({ description: "报告所填的值。The figure as printed." }),
  message: z.string(),
  message_en: z.string(),
});

/** What the agency said of a failing rule when it submitted the published revision. */
const publishedExplanationSchema = z.strictObject({
  rule: z.string(),
  table: z.string().nullish(),
  row: z.string().nullish(),
  column: z.string().nullish(),
  text: z.string(),
});

export const publicReportSchema = z
  .strictObject({
    agency: publicAgencySchema,
    year,
    revision: z.int().positive(),
    published_at: instant.nullable(),
    first_published_at: instant.nullable(),
    corrections: count.meta({
      description: "首次公开后的更正次数。Corrections published after the first publication.",
    }),
    document: reportDocumentBody,
    findings: z.array(publishedFindingSchema).meta({
      description:
        "已公开版本的勾稽检查结果（公开的报告也可能未通过）。The rules' findings on the published revision: published reports do break rules.",
    }),
    explanations: z.array(publishedExplanationSchema).meta({
      description:
        "填报单位提交已公开版本时对未通过规则的说明；之后的草稿的说明不在此列。The agency's explanations sent with the submission of the published revision; a later draft's are not shown.",
    }),
    ...envelope,
  })
  .meta({ id: "PublicReport" });

const documentChangeSchema = z.strictObject({
  path: z.string().meta({
    description:
      "指标键或字段路径，如 section3.granted.total、text.overview。A figure key or a dotted field path.",
  }),
  before: z.unknown().meta({ description: "Absent where the earlier version did not hold it." }),
  after: z.unknown().meta({ description: "Absent where the later version does not hold it." }),
});

export const correctionsSchema = z
  .strictObject({
    first_published_at: instant,
    items: z.array(
      z.strictObject({
        revision: z.int().positive(),
        published_at: instant,
        reason: z.string().nullable(),
        changes: z.array(documentChangeSchema),
      }),
    ),
    ...envelope,
  })
  .meta({ id: "Corrections" });

const derivedTotals = z.record(z.string(), count).meta({
  description:
    "表三各行中“总计”空白、按六类申请人之和计入的报告数（见 README“Effective totals”）。Per table 三 row, how many of the reports left 总计 blank, so the six applicant columns' sum was used.",
});

export const rollupSchema = z
  .strictObject({
    year,
    scope: agencyScope,
    reports: count.meta({
      description:
        "计入的报告数（全地区报告只计最上一级）。The reports summed (for whole-region reports, the topmost only).",
    }),
    figures: z.record(z.string(), figureValue).meta({
      description:
        "指标键 → 合计；null 表示各报告该格均为空。Figure key → sum; null where every report left the cell blank.",
    }),
    derived_totals: derivedTotals,
    ...envelope,
  })
  .meta({ id: "Rollup" });

export const indicatorsSchema = z
  .strictObject({
    items: z.array(
      z.strictObject({
        year,
        indicators: z.array(
          z.strictObject({
            key: z.enum(INDICATORS.map((d) => d.key)),
            value: figureValue,
            numerator: figureValue,
            denominator: figureValue,
            status: z.enum(["ok", "below_min_count", "no_data"]).meta({
              description:
                "below_min_count：分母太小，不给比率；no_data：报告未填。Below the minimum denominator no rate is given; no_data where the figures are blank.",
            }),
          }),
        ),
        derived_totals: derivedTotals,
      }),
    ),
    ...envelope,
  })
  .meta({ id: "Indicators" });

export const seriesSchema = z
  .strictObject({
    figure: z.string(),
    items: z.array(z.strictObject({ year, value: figureValue })),
    ...envelope,
  })
  .meta({ id: "Series" });

/** https://specs.frictionlessdata.io/tabular-data-package/: only the fields a reader needs first. */
export const dataPackageSchema = z
  .looseObject({
    profile: z.literal("tabular-data-package"),
    name: z.string(),
    title: z.string(),
    version: z.string(),
    created: instant,
    licenses: z.array(z.looseObject({ name: z.string(), path: z.url() })),
    resources: z.array(
      z.looseObject({ name: z.string(), path: z.url(), mediatype: z.literal("text/csv") }),
    ),
  })
  .meta({
    id: "DataPackage",
    description: "Frictionless Tabular Data Package (v1) describing the year's CSV.",
  });
