/**
 * The JSON bodies of the staff report routes (`/api/agencies/{id}/reports…`, `/api/reports`)
 * and of the importer (`/api/import`). Strict objects: a field a handler adds must be added here.
 */

import { z } from "zod";
import { agencyFacts, count, instant, pageFrame, rowId, year } from "./primitives";
import { correctionsSchema, reportDocumentBody } from "./public";
import { REPORT_STATUSES } from "../../db/schema";
import { RULES } from "../../report/rules";
import { TEMPLATES } from "../../report/templates";
import { REVISION_SOURCES } from "../../report/revision-sources";

const revisionNumber = z.int().positive();

/** One change between two versions of a report (`worker/report/diff.ts`). */
const documentChangeSchema = correctionsSchema.shape.items.element.shape.changes.element;

/** A rule's finding on a report (`worker/report/rules.ts`). */
export const findingSchema = z
  .strictObject({
    rule: z.enum(RULES.map((r) => r.id)),
    severity: z.enum(["error", "warning"]).meta({
      description:
        "error：勾稽关系不成立，提交时须说明；warning：值得核实。An error breaks a hard rule (a submission must explain it); a warning is worth checking.",
    }),
    table: z.enum(["二", "三", "四", "metrics"]).nullable(),
    row: z.string().nullable().meta({
      description:
        "表三的行、表二的行、表四的组或指标；整列的规则为 null。The row, group or metric; null for a column rule.",
    }),
    column: z.string().nullable().meta({
      description: "列；整行的规则为 null。The column; null for a whole-row finding.",
    }),
    expected: z.number().nullable().meta({
      description:
        "按其他数字应有的值（R1–R4 为各项之和）。What the other figures say the value should be.",
    }),
    actual: z.number().nullable().meta({
      description: "报告所填的值（R1–R4 为所填总计）。The figure as printed.",
    }),
    message: z.string(),
    message_en: z.string(),
  })
  .meta({ id: "Finding" });

/** Why a report may break a hard rule: sent with a submission, kept with its review event. */
export const explanationSchema = z
  .strictObject({
    rule: z.string(),
    table: z.string().nullish(),
    row: z.string().nullish(),
    column: z.string().nullish(),
    text: z.string(),
  })
  .meta({ id: "RuleExplanation" });

const reviewCommentSchema = z
  .strictObject({
    path: z.string().meta({
      description: "所指的字段或指标键，如 section3。The field or figure key it is about.",
    }),
    text: z.string(),
  })
  .meta({ id: "ReviewComment" });

const hiddenFromPublic =
  "不能查看草稿者为 null。null to those who may not read drafts: an unpublished revision's state is not theirs to know.";

/** `presentReport` (worker/http/present.ts): a report's state. */
const reportSummarySchema = z
  .strictObject({
    id: rowId,
    agency_id: rowId,
    year,
    template: z.enum(TEMPLATES),
    status: z.enum(REPORT_STATUSES).meta({
      description: `审核状态；不能查看草稿者只见 approved。The review status; approved to those who may not read drafts.`,
    }),
    revision: revisionNumber.nullable().meta({
      description: `当前版本号；${hiddenFromPublic}`,
    }),
    published: z.boolean(),
    error_count: count.nullable().meta({ description: hiddenFromPublic }),
    warning_count: count.nullable().meta({ description: hiddenFromPublic }),
    submitted_at: instant.nullable(),
    late: z.boolean().meta({
      description: "提交晚于截止日期。Submitted after the deadline.",
    }),
    created_at: instant,
    updated_at: instant.nullable().meta({ description: hiddenFromPublic }),
  })
  .meta({ id: "ReportSummary" });

export const agencyReportListSchema = z
  .strictObject({ items: z.array(reportSummarySchema) })
  .meta({ id: "AgencyReportList" });

const revisionSummary = {
  number: revisionNumber,
  author: z.string(),
  note: z.string().nullable().meta({
    description:
      "保存时的说明；更正已公开的报告时为更正原因。The save's note; a correction's reason.",
  }),
  created_at: instant,
  change_count: count,
  error_count: count,
  warning_count: count,
};

/** `presentStored`: a revision with its report and the rules' findings on it. */
const storedRevision = {
  report: z.strictObject({
    ...reportSummarySchema.shape,
    published_revision: revisionNumber.nullable().meta({
      description: "已公开的版本号；未公开为 null。The published revision's number, if any.",
    }),
  }),
  revision: z.strictObject(revisionSummary),
  document: reportDocumentBody,
  findings: z.array(findingSchema),
};

export const storedRevisionSchema = z.strictObject(storedRevision).meta({ id: "StoredRevision" });

export const savedReportSchema = z
  .strictObject({
    ...storedRevision,
    unchanged: z.boolean().meta({
      description:
        "文档与当前版本相同，未新建版本。The document equals the current revision: nothing was saved.",
    }),
  })
  .meta({ id: "SavedReport" });

export const reportViewSchema = z
  .strictObject({
    ...storedRevision,
    explanations: z.array(explanationSchema).meta({
      description:
        "最近一次提交时对未通过规则的说明。The explanations sent with the report's last submission.",
    }),
  })
  .meta({ id: "ReportView" });

export const revisionListSchema = z
  .strictObject({
    items: z.array(
      z.strictObject({
        ...revisionSummary,
        source: z.enum(REVISION_SOURCES).nullable().meta({
          description:
            "这次保存由什么产生：import 导入，import_undo 撤销导入；手工编辑为 null。What made the save: an import, its undo, or null for typing.",
        }),
        changes: z.array(documentChangeSchema).meta({
          description:
            "与上一版相比的变化；第一版为空。The changes from the revision before; none for the first.",
        }),
      }),
    ),
  })
  .meta({ id: "RevisionList" });

export const revisionDiffSchema = z
  .strictObject({
    from: revisionNumber,
    to: revisionNumber,
    changes: z.array(documentChangeSchema),
  })
  .meta({ id: "RevisionDiff" });

export const reviewEventListSchema = z
  .strictObject({
    items: z.array(
      z.strictObject({
        action: z.enum(["submit", "return", "approve"]),
        revision: revisionNumber,
        actor_name: z.string(),
        message: z.string().nullable().meta({
          description: "退回意见；提交和通过时为 null。The return's message.",
        }),
        comments: z.array(reviewCommentSchema),
        explanations: z.array(explanationSchema),
        created_at: instant,
      }),
    ),
  })
  .meta({ id: "ReviewEventList" });

export const reportCorrectionsSchema = z
  .strictObject({
    items: correctionsSchema.shape.items,
    first_published_at: instant,
  })
  .meta({ id: "ReportCorrections" });

export const reportListSchema = z
  .strictObject({
    items: z.array(
      z.strictObject({
        id: rowId,
        agency_id: rowId,
        agency_name: z.string(),
        ...agencyFacts,
        year,
        template: z.enum(TEMPLATES),
        status: z.enum(REPORT_STATUSES).meta({
          description:
            "不能查看草稿者只见已公开的报告，状态为 approved。Those who may not read drafts see published reports only, as approved.",
        }),
        revision: revisionNumber.meta({
          description:
            "可见的版本：能查看草稿者为当前版本，否则为已公开的版本。The current revision, or the published one to those who may not read drafts.",
        }),
        published: z.boolean(),
        error_count: count,
        warning_count: count,
        late: z.boolean(),
        submitted_at: instant.nullable(),
        updated_at: instant,
      }),
    ),
    ...pageFrame,
  })
  .meta({ id: "ReportList" });

export const importResultSchema = z
  .strictObject({
    document: reportDocumentBody,
    agency: z.string().nullable().meta({
      description: "文本中识别出的机构名称。The agency named in the text, if found.",
    }),
    year: year.nullable(),
    provenance: z
      .record(
        z.string(),
        z.strictObject({
          line: z.int().positive().meta({ description: "1-based line of the text." }),
          text: z.string(),
        }),
      )
      .meta({
        description:
          "指标键（或 year、agency）→ 读取它的那一行。Figure key (or year, agency) → the line it was read from.",
      }),
    warnings: z.array(
      z.strictObject({
        code: z.string(),
        message: z.string(),
        message_en: z.string(),
        path: z.string().optional().meta({
          description:
            "指标键、部分（section4）或 year、agency。A figure key, a section, year or agency.",
        }),
        line: z.int().positive().optional(),
      }),
    ),
    findings: z.array(findingSchema),
  })
  .meta({ id: "ImportResult" });
