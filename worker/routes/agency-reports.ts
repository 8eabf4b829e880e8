import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { can, explainDenial, reachOf } from "../auth/policy";
import type { AgencyRow } from "../db/queries/agencies";
import { getAgency } from "../db/queries/agencies";
import {
  findReport,
  listRevisions,
  loadAgencyWithYears,
  loadReportView,
  loadCurrent,
  loadPublished,
  loadRevision,
  reportsOfAgency,
  type StoredRevision,
} from "../db/queries/reports";
import {
  listPublications,
  listReviewEvents,
  type ReviewEventRow,
} from "../db/queries/review-events";
import { attachment, csvVariant } from "../http/csv";
import { ApiError, denialError, notFound, validationFailed } from "../http/errors";
import { format, id, year } from "../http/params";
import { presentReport, presentStored } from "../http/present";
import { agencyFromPath, authorize } from "../middleware/actor";
import { diffDocuments, type DocumentChange } from "../report/diff";
import { describeIssues, type ReportDocument } from "../report/document";
import { auditEntry } from "../http/audit-entry";
import { notifyReportMoved } from "../notify/notify-report";
import { moveReport } from "../services/report-workflow";
import { errors, jsonAnswer, jsonBody, jsonOrCsvAnswer, WRITE_ERRORS } from "../openapi/contract";
import {
  agencyReportListSchema,
  explanationSchema,
  reportCorrectionsSchema,
  reportViewSchema,
  reviewEventListSchema,
  revisionDiffSchema,
  revisionListSchema,
  savedReportSchema,
  storedRevisionSchema,
} from "../openapi/bodies/reports";
import { reportDocumentBody } from "../openapi/bodies/public";
import { routeGroup } from "../openapi/route-group";
import { REVISION_SOURCES } from "../report/revision-sources";
import { reportTable } from "../services/report-table";
import { saveReport } from "../services/save-report";
import { auditStatement } from "../db/queries/audit";

const reportPath = z.object({ id, year });
const revisionPath = reportPath.extend({
  number: id.meta({ description: "版本号。The revision's number." }),
});
const saveBody = z.strictObject({
  base_revision: z.number().int().min(0).meta({
    description:
      "所编辑的版本号（新报告为 0）；已有更新的版本时 409。The revision the document was edited from (0 for a new report); 409 if a later one exists.",
  }),
  document: reportDocumentBody,
  note: z.string().max(2000).nullish().meta({
    description:
      "本次保存的说明；更正已公开的报告时必填（更正原因）。A note on the save; required (the reason) when correcting a published report.",
  }),
  source: z.enum(REVISION_SOURCES).nullish().meta({
    description:
      "这次保存由什么产生：import 从已发布的年报导入，import_undo 撤销导入；手工编辑不填。What made the save: an import from a published report's text, or its undo; omitted for typing.",
  }),
});
const explanation = z.strictObject({
  rule: z.string().min(1).max(40).meta({ description: "规则编号，如 R1。The rule's id, e.g. R1." }),
  table: z.string().max(10).nullish(),
  row: z.string().max(80).nullish(),
  column: z.string().max(80).nullish(),
  text: z.string().trim().min(1, "说明不能为空").max(2000),
});
/** The revision a review step acts on: 409 if the report has moved on since. */
const actedRevision = z.number().int().positive().meta({
  description: "所操作的版本号，须为当前版本。The revision acted on; it must be the current one.",
});
const submitBody = z.strictObject({
  revision: actedRevision,
  explanations: z.array(explanation).max(50).default([]).meta({
    description: "对每条未通过的硬性规则（error）的说明。An explanation of each failing hard rule.",
  }),
});
const returnBody = z.strictObject({
  revision: actedRevision,
  message: z
    .string()
    .trim()
    .min(1, "请填写退回意见")
    .max(4000)
    .meta({ description: "退回意见。Why the report is returned." }),
  comments: z
    .array(
      z.strictObject({
        path: z.string().min(1).max(120),
        text: z.string().trim().min(1).max(2000),
      }),
    )
    .max(200)
    .default([])
    .meta({
      description:
        "针对字段的意见（path 为字段或指标键）。Comments on fields (path: a field or figure key).",
    }),
});
const approveBody = z.strictObject({ revision: actedRevision });
const reportQuery = z.strictObject({
  version: z.enum(["visible", "published"]).default("visible").meta({
    description:
      "visible（默认）：能查看草稿者得当前版本，否则得已公开的版本；published：已公开的版本。visible (default): the current revision to those who may read drafts, else the published one; published: the published revision, whoever asks.",
  }),
});
const diffQuery = z.strictObject({
  from: id.meta({ description: "比较的起点版本号。The revision the changes are from." }),
  to: id.meta({ description: "比较的终点版本号。The revision the changes lead to." }),
});

type Explanation = z.infer<typeof explanationSchema>;

const exportName = (doc: ReportDocument) =>
  `report-${doc.year}${doc.agency ? `-${doc.agency}` : ""}`;

async function requireAgency(c: Context<AppEnv>, agencyId: number) {
  const agency = await getAgency(c.var.db, agencyId);
  if (!agency) throw notFound("机构", "Agency");
  return agency;
}

const mayReadDrafts = (c: Context<AppEnv>, agency: AgencyRow) =>
  can(c.var.actor, "report.read_draft", { agencyPath: agency.path });

/**
 * What this viewer may see of a report: its current revision for those who may read drafts,
 * otherwise the published revision — and to others an unpublished report does not exist.
 */
async function visibleReport(c: Context<AppEnv>, agencyId: number, reportYear: number) {
  const agency = await requireAgency(c, agencyId);
  const stored = mayReadDrafts(c, agency)
    ? await loadCurrent(c.var.db, agencyId, reportYear)
    : await loadPublished(c.var.db, agencyId, reportYear);
  if (!stored) throw notFound(`${reportYear} 年度报告`, `The ${reportYear} report`);
  return { agency, stored };
}

/** Staff views of a report: its current revision, with the review trail. */
async function reviewable(c: Context<AppEnv>, agencyId: number, reportYear: number) {
  const agency = await requireAgency(c, agencyId);
  const report = await findReport(c.var.db, agencyId, reportYear);
  if (!report) throw notFound(`${reportYear} 年度报告`, `The ${reportYear} report`);
  return { agency, report };
}

const presentWithReview = async (c: Context<AppEnv>, stored: StoredRevision) =>
  presentReviewed(stored, await listReviewEvents(c.var.db, stored.report.id));

/** A revision with the explanations sent with the report's last submission. */
function presentReviewed(stored: StoredRevision, events: ReviewEventRow[]) {
  const lastSubmit = events.filter((e) => e.action === "submit").at(-1);
  return {
    ...presentStored(stored),
    explanations: lastSubmit ? (JSON.parse(lastSubmit.explanations) as Explanation[]) : [],
  };
}

/**
 * `report.write` on the path's agency, which is read together with the year's report and last
 * year's (the rules' context) in one round trip: an autosave reads nothing else before it writes.
 */
const writableReport = createMiddleware<
  AppEnv & {
    Variables: { writable: { agency: AgencyRow; reports: Map<number, StoredRevision> } };
  }
>(async (c, next) => {
  const unscoped = reachOf(c.var.actor, "report.write").kind === "nowhere";
  const denied = unscoped ? explainDenial(c.var.actor, "report.write") : null;
  if (denied) throw denialError(denied);
  const path = reportPath.safeParse(c.req.param());
  if (!path.success) throw validationFailed(describeIssues(path.error));
  const { agency, reports } = await loadAgencyWithYears(c.var.db, path.data.id, [
    path.data.year,
    path.data.year - 1,
  ]);
  if (!agency) throw notFound("机构", "Agency");
  const denial = explainDenial(c.var.actor, "report.write", { agencyPath: agency.path });
  if (denial) throw denialError(denial);
  c.set("writable", { agency, reports });
  return next();
});

const REVISION_ETAG = {
  ETag: {
    description: '所给版本的编号，如 "r3"。The revision\'s number, e.g. "r3".',
    schema: { type: "string" as const },
  },
};

const listRoute = createRoute({
  method: "get",
  path: "/{id}/reports",
  operationId: "listAgencyReports",
  summary: "机构的各年度报告",
  description:
    "An agency's reports by year. Those who may read the agency's drafts see every report with its review state; others see the published ones only, without the state of an unpublished revision.",
  tags: ["reports"],
  middleware: [authorize("report.read_published")],
  request: { params: z.object({ id }) },
  responses: {
    200: jsonAnswer("The agency's reports.", agencyReportListSchema),
    ...errors(400, 404),
  },
});

const saveRoute = createRoute({
  method: "put",
  path: "/{id}/reports/{year}",
  operationId: "saveReport",
  summary: "保存报告（新建版本）",
  description:
    "Saves the report document as a new revision on top of `base_revision`, with the rules' findings (a report that breaks hard rules is still saved). 201 for the report's first revision; `unchanged` when the document equals the current revision. 409 `stale_revision` (with the current revision) when another save came first, 409 `report_locked` while the report is under review; correcting a published report needs a `note`.",
  tags: ["reports"],
  // A one-element tuple, so that the handler's context knows the middleware's `writable`.
  middleware: [writableReport] as [typeof writableReport],
  request: { params: reportPath, body: jsonBody(saveBody) },
  responses: {
    200: jsonAnswer("Saved as a new revision, or unchanged.", savedReportSchema),
    201: jsonAnswer("The report's first revision.", savedReportSchema),
    ...WRITE_ERRORS,
    ...errors(404, 409),
  },
});

const reportRoute = createRoute({
  method: "get",
  path: "/{id}/reports/{year}",
  operationId: "getReport",
  summary: "年度报告（当前或已公开的版本）",
  description:
    "A report's revision with its findings and the explanations of its last submission: the current revision to those who may read the agency's drafts, otherwise the published one (`version=published` asks for the published one whoever asks).",
  tags: ["reports"],
  middleware: [authorize("report.read_published")],
  request: { params: reportPath, query: reportQuery },
  responses: {
    200: { ...jsonAnswer("The report.", reportViewSchema), headers: REVISION_ETAG },
    ...errors(400, 404),
  },
});

const exportRoute = createRoute({
  method: "get",
  path: "/{id}/reports/{year}/export",
  operationId: "exportReport",
  summary: "下载报告",
  description:
    "The report document the viewer may see (as `getReport`) as a download: the canonical JSON document, or the printed tables as CSV with format=csv.",
  tags: ["reports"],
  middleware: [
    authorize("report.read_published"),
    csvVariant<ReportDocument>((doc) => `${exportName(doc)}.csv`, reportTable),
  ],
  request: { params: reportPath, query: z.strictObject({ format }) },
  responses: {
    200: jsonOrCsvAnswer("The report document.", reportDocumentBody),
    ...errors(400, 404),
  },
});

const revisionsRoute = createRoute({
  method: "get",
  path: "/{id}/reports/{year}/revisions",
  operationId: "listReportRevisions",
  summary: "报告的版本历史",
  description:
    "Every revision of a report, newest first, with its author, note, findings counts and what it changed.",
  tags: ["reports"],
  middleware: [authorize("report.read_draft", agencyFromPath)],
  request: { params: reportPath },
  responses: {
    200: jsonAnswer("The revisions.", revisionListSchema),
    ...errors(400, 401, 403, 404),
  },
});

const revisionRoute = createRoute({
  method: "get",
  path: "/{id}/reports/{year}/revisions/{number}",
  operationId: "getReportRevision",
  summary: "报告的某一版本",
  description: "One revision of a report: its document and findings.",
  tags: ["reports"],
  middleware: [authorize("report.read_draft", agencyFromPath)],
  request: { params: revisionPath },
  responses: {
    200: jsonAnswer("The revision.", storedRevisionSchema),
    ...errors(400, 401, 403, 404),
  },
});

const diffRoute = createRoute({
  method: "get",
  path: "/{id}/reports/{year}/diff",
  operationId: "diffReportRevisions",
  summary: "两个版本之间的变化",
  description:
    "The changes between two revisions of a report, figure by figure and field by field.",
  tags: ["reports"],
  middleware: [authorize("report.read_draft", agencyFromPath)],
  request: { params: reportPath, query: diffQuery },
  responses: {
    200: jsonAnswer("The changes.", revisionDiffSchema),
    ...errors(400, 401, 403, 404),
  },
});

const reviewsRoute = createRoute({
  method: "get",
  path: "/{id}/reports/{year}/reviews",
  operationId: "listReportReviews",
  summary: "报告的审核记录",
  description:
    "The review trail of a report: submissions with their explanations, returns with their comments, approvals.",
  tags: ["reports"],
  middleware: [authorize("report.read_draft", agencyFromPath)],
  request: { params: reportPath },
  responses: {
    200: jsonAnswer("The review events, oldest first.", reviewEventListSchema),
    ...errors(400, 401, 403, 404),
  },
});

const correctionsRoute = createRoute({
  method: "get",
  path: "/{id}/reports/{year}/corrections",
  operationId: "listReportCorrections",
  summary: "报告的更正记录",
  description:
    "Every correction published after the report's first publication, with its reason and the changed figures and fields; 404 while the report is unpublished.",
  tags: ["reports"],
  middleware: [authorize("report.read_published")],
  request: { params: reportPath },
  responses: {
    200: jsonAnswer("The correction log.", reportCorrectionsSchema),
    ...errors(400, 404),
  },
});

/** The refusals of a review step beyond a write's: no such report, a stale revision or status. */
const MOVE_ERRORS = { ...WRITE_ERRORS, ...errors(404, 409) };

const submitRoute = createRoute({
  method: "post",
  path: "/{id}/reports/{year}/submit",
  operationId: "submitReport",
  summary: "提交审核",
  description:
    "Submits the current revision for review. A revision that breaks hard rules needs an explanation of each failing rule (400 `explanation_required`); 409 if the revision is not the current one or the report's status does not allow it.",
  tags: ["reports"],
  middleware: [authorize("report.submit", agencyFromPath)],
  request: { params: reportPath, body: jsonBody(submitBody) },
  responses: {
    200: jsonAnswer("The submitted report.", reportViewSchema),
    ...MOVE_ERRORS,
  },
});

const returnRoute = createRoute({
  method: "post",
  path: "/{id}/reports/{year}/return",
  operationId: "returnReport",
  summary: "退回修改",
  description:
    "Returns a submitted report to its agency with a message and comments on fields; 409 if the revision is not the current one or the report is not submitted.",
  tags: ["reports"],
  middleware: [authorize("report.review", agencyFromPath)],
  request: { params: reportPath, body: jsonBody(returnBody) },
  responses: {
    200: jsonAnswer("The returned report.", reportViewSchema),
    ...MOVE_ERRORS,
  },
});

const approveRoute = createRoute({
  method: "post",
  path: "/{id}/reports/{year}/approve",
  operationId: "approveReport",
  summary: "审核通过并公开",
  description:
    "Approves a submitted report and publishes the revision; a correction of a published report is logged with its reason and changes. 409 if the revision is not the current one or the report is not submitted.",
  tags: ["reports"],
  middleware: [authorize("report.review", agencyFromPath)],
  request: { params: reportPath, body: jsonBody(approveBody) },
  responses: {
    200: jsonAnswer("The approved report.", reportViewSchema),
    ...MOVE_ERRORS,
  },
});

export const agencyReportRoutes = routeGroup()
  .openapi(listRoute, async (c) => {
    const agency = await requireAgency(c, c.req.valid("param").id);
    const drafts = mayReadDrafts(c, agency);
    const rows = (await reportsOfAgency(c.var.db, agency.id)).filter(
      (r) => drafts || r.publishedRevisionId !== null,
    );
    return c.json({ items: rows.map((r) => presentReport(r, drafts)) }, 200);
  })
  .openapi(saveRoute, async (c) => {
    const path = c.req.valid("param");
    const body = c.req.valid("json");
    if (body.document.year !== path.year) {
      throw validationFailed([
        {
          path: "document.year",
          code: "year_mismatch",
          message: `文档年度 ${body.document.year} 与地址中的年度 ${path.year} 不一致`,
          message_en: `document.year ${body.document.year} does not match the year ${path.year} in the URL`,
        },
      ]);
    }
    const { agency, reports } = c.var.writable;
    const outcome = await saveReport(c.var.db, {
      agency,
      year: path.year,
      baseRevision: body.base_revision,
      document: body.document,
      author: c.var.identity.name,
      note: body.note ?? null,
      source: body.source ?? null,
      now: c.var.now,
      read: reports,
      record: (saved) =>
        auditStatement(
          auditEntry(c, "report.save", `agency:${agency.id}/year:${path.year}`, saved),
          c.var.now,
        ),
    });
    if (outcome.kind === "conflict") {
      const current = outcome.current?.revision.number ?? 0;
      throw new ApiError(
        409,
        "stale_revision",
        `报告已被他人修改：您编辑的是第 ${body.base_revision} 版，当前为第 ${current} 版`,
        `The report has changed: you edited revision ${body.base_revision}, the current one is ${current}`,
        { current: outcome.current ? presentStored(outcome.current) : null },
      );
    }
    const status = outcome.kind === "saved" && outcome.created ? 201 : 200;
    return c.json(
      { ...presentStored(outcome.stored), unchanged: outcome.kind === "unchanged" },
      status,
    );
  })
  .openapi(reportRoute, async (c) => {
    const path = c.req.valid("param");
    const view = await loadReportView(c.var.db, path.id, path.year);
    if (!view.agency) throw notFound("机构", "Agency");
    // `version=published` asks for the approved revision whoever asks, e.g. last year's
    // figures that this year's carry-over starts from.
    if (c.req.valid("query").version === "published") {
      if (!view.published)
        throw notFound(`${path.year} 年度已公开报告`, `The published ${path.year} report`);
      c.header("etag", `"r${view.published.revision.number}"`);
      return c.json(presentReviewed(view.published, view.events), 200);
    }
    const stored = mayReadDrafts(c, view.agency) ? view.current : view.published;
    if (!stored) throw notFound(`${path.year} 年度报告`, `The ${path.year} report`);
    c.header("etag", `"r${stored.revision.number}"`);
    return c.json(presentReviewed(stored, view.events), 200);
  })
  .openapi(exportRoute, async (c) => {
    const path = c.req.valid("param");
    const { stored } = await visibleReport(c, path.id, path.year);
    c.header("content-disposition", attachment(`${exportName(stored.document)}.json`));
    return c.json(stored.document, 200);
  })
  .openapi(revisionsRoute, async (c) => {
    const path = c.req.valid("param");
    const { report } = await reviewable(c, path.id, path.year);
    const rows = await listRevisions(c.var.db, report.id);
    return c.json(
      {
        items: rows.map((r) => ({
          number: r.number,
          author: r.author,
          note: r.note,
          source: r.source,
          created_at: r.createdAt,
          change_count: r.changeCount,
          error_count: r.errorCount,
          warning_count: r.warningCount,
          changes: JSON.parse(r.changes) as DocumentChange[],
        })),
      },
      200,
    );
  })
  .openapi(revisionRoute, async (c) => {
    const path = c.req.valid("param");
    const { report } = await reviewable(c, path.id, path.year);
    const stored = await loadRevision(c.var.db, report, path.number);
    if (!stored) throw notFound(`第 ${path.number} 版`, `Revision ${path.number}`);
    return c.json(presentStored(stored), 200);
  })
  .openapi(diffRoute, async (c) => {
    const path = c.req.valid("param");
    const query = c.req.valid("query");
    const { report } = await reviewable(c, path.id, path.year);
    const [from, to] = await Promise.all([
      loadRevision(c.var.db, report, query.from),
      loadRevision(c.var.db, report, query.to),
    ]);
    if (!from) throw notFound(`第 ${query.from} 版`, `Revision ${query.from}`);
    if (!to) throw notFound(`第 ${query.to} 版`, `Revision ${query.to}`);
    return c.json(
      { from: query.from, to: query.to, changes: diffDocuments(from.document, to.document) },
      200,
    );
  })
  .openapi(reviewsRoute, async (c) => {
    const path = c.req.valid("param");
    const { report } = await reviewable(c, path.id, path.year);
    const events = await listReviewEvents(c.var.db, report.id);
    return c.json(
      {
        items: events.map((e) => ({
          action: e.action,
          revision: e.revision,
          actor_name: e.actorName,
          message: e.message,
          comments: JSON.parse(e.comments) as { path: string; text: string }[],
          explanations: JSON.parse(e.explanations) as Explanation[],
          created_at: e.createdAt,
        })),
      },
      200,
    );
  })
  .openapi(correctionsRoute, async (c) => {
    const path = c.req.valid("param");
    const report = await findReport(c.var.db, path.id, path.year);
    const publications = report ? await listPublications(c.var.db, report.id) : [];
    if (publications.length === 0)
      throw notFound(`${path.year} 年度报告`, `The ${path.year} report`);
    return c.json(
      {
        items: publications.slice(1).map((p) => ({
          revision: p.revision,
          published_at: p.publishedAt,
          reason: p.reason,
          changes: JSON.parse(p.changes) as DocumentChange[],
        })),
        first_published_at: publications[0]!.publishedAt,
      },
      200,
    );
  })
  .openapi(submitRoute, async (c) => {
    const path = c.req.valid("param");
    const body = c.req.valid("json");
    const stored = await move(c, path, "submit", {
      revision: body.revision,
      explanations: body.explanations,
    });
    return c.json(await presentWithReview(c, stored), 200);
  })
  .openapi(returnRoute, async (c) => {
    const path = c.req.valid("param");
    const body = c.req.valid("json");
    const stored = await move(c, path, "return", body);
    return c.json(await presentWithReview(c, stored), 200);
  })
  .openapi(approveRoute, async (c) => {
    const path = c.req.valid("param");
    const stored = await move(c, path, "approve", c.req.valid("json"));
    return c.json(await presentWithReview(c, stored), 200);
  });

async function move(
  c: Context<AppEnv>,
  path: { id: number; year: number },
  transition: "submit" | "return" | "approve",
  body: {
    revision: number;
    message?: string;
    comments?: { path: string; text: string }[];
    explanations?: z.infer<typeof explanation>[];
  },
) {
  const agency = await requireAgency(c, path.id);
  const stored = await moveReport(c.var.db, {
    agency,
    year: path.year,
    revision: body.revision,
    transition,
    actorName: c.var.identity.name,
    message: body.message ?? null,
    comments: body.comments ?? [],
    explanations: body.explanations ?? [],
    audit: auditEntry(c, `report.${transition}`, `agency:${agency.id}/year:${path.year}`, {
      revision: body.revision,
      message: body.message,
    }),
    now: c.var.now,
  });
  await notifyReportMoved(
    c.var.db,
    c.env,
    {
      event: transition,
      agency,
      agencyPath: agency.path,
      year: path.year,
      actorName: c.var.identity.name,
      message: body.message ?? null,
      correction: transition === "submit" && stored.report.publishedRevisionId !== null,
    },
    c.var.now,
  );
  return stored;
}
