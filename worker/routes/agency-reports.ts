import { Hono, type Context } from "hono";
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
import { validate } from "../http/validate";
import { agencyFromPath, authorize } from "../middleware/actor";
import { diffDocuments } from "../report/diff";
import { describeIssues, reportDocumentSchema, type ReportDocument } from "../report/document";
import { auditEntry } from "../http/audit-entry";
import { moveReport } from "../services/report-workflow";
import { reportTable } from "../services/report-table";
import { saveReport } from "../services/save-report";
import { auditStatement } from "../db/queries/audit";

const reportPath = z.object({ id, year });
const saveBody = z.strictObject({
  base_revision: z.number().int().min(0),
  document: reportDocumentSchema,
  note: z.string().max(2000).nullish(),
});
const explanation = z.strictObject({
  rule: z.string().min(1).max(40),
  table: z.string().max(10).nullish(),
  row: z.string().max(80).nullish(),
  column: z.string().max(80).nullish(),
  text: z.string().trim().min(1, "说明不能为空").max(2000),
});
const submitBody = z.strictObject({
  revision: z.number().int().positive(),
  explanations: z.array(explanation).max(50).default([]),
});
const returnBody = z.strictObject({
  revision: z.number().int().positive(),
  message: z.string().trim().min(1, "请填写退回意见").max(4000),
  comments: z
    .array(
      z.strictObject({
        path: z.string().min(1).max(120),
        text: z.string().trim().min(1).max(2000),
      }),
    )
    .max(200)
    .default([]),
});
const approveBody = z.strictObject({ revision: z.number().int().positive() });

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
    explanations: lastSubmit ? (JSON.parse(lastSubmit.explanations) as unknown[]) : [],
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

export const agencyReportRoutes = new Hono<AppEnv>()
  .get(
    "/:id/reports",
    authorize("report.read_published"),
    validate("param", z.object({ id })),
    async (c) => {
      const agency = await requireAgency(c, c.req.valid("param").id);
      const drafts = mayReadDrafts(c, agency);
      const rows = (await reportsOfAgency(c.var.db, agency.id)).filter(
        (r) => drafts || r.publishedRevisionId !== null,
      );
      return c.json({ items: rows.map((r) => presentReport(r, drafts)) }, 200);
    },
  )
  .put(
    "/:id/reports/:year",
    writableReport,
    validate("param", reportPath),
    validate("json", saveBody),
    async (c) => {
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
    },
  )
  .get(
    "/:id/reports/:year",
    authorize("report.read_published"),
    validate("param", reportPath),
    validate(
      "query",
      z.strictObject({ version: z.enum(["visible", "published"]).default("visible") }),
    ),
    async (c) => {
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
    },
  )
  .get(
    "/:id/reports/:year/export",
    authorize("report.read_published"),
    validate("param", reportPath),
    validate("query", z.strictObject({ format })),
    csvVariant<ReportDocument>((doc) => `${exportName(doc)}.csv`, reportTable),
    async (c) => {
      const path = c.req.valid("param");
      const { stored } = await visibleReport(c, path.id, path.year);
      c.header("content-disposition", attachment(`${exportName(stored.document)}.json`));
      return c.json(stored.document, 200);
    },
  )
  .get(
    "/:id/reports/:year/revisions",
    authorize("report.read_draft", agencyFromPath),
    validate("param", reportPath),
    async (c) => {
      const path = c.req.valid("param");
      const { report } = await reviewable(c, path.id, path.year);
      const rows = await listRevisions(c.var.db, report.id);
      return c.json(
        {
          items: rows.map((r) => ({
            number: r.number,
            author: r.author,
            note: r.note,
            created_at: r.createdAt,
            change_count: r.changeCount,
            error_count: r.errorCount,
            warning_count: r.warningCount,
            changes: JSON.parse(r.changes) as unknown[],
          })),
        },
        200,
      );
    },
  )
  .get(
    "/:id/reports/:year/revisions/:number",
    authorize("report.read_draft", agencyFromPath),
    validate("param", reportPath.extend({ number: id })),
    async (c) => {
      const path = c.req.valid("param");
      const { report } = await reviewable(c, path.id, path.year);
      const stored = await loadRevision(c.var.db, report, path.number);
      if (!stored) throw notFound(`第 ${path.number} 版`, `Revision ${path.number}`);
      return c.json(presentStored(stored), 200);
    },
  )
  .get(
    "/:id/reports/:year/diff",
    authorize("report.read_draft", agencyFromPath),
    validate("param", reportPath),
    validate("query", z.strictObject({ from: id, to: id })),
    async (c) => {
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
    },
  )
  .get(
    "/:id/reports/:year/reviews",
    authorize("report.read_draft", agencyFromPath),
    validate("param", reportPath),
    async (c) => {
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
            explanations: JSON.parse(e.explanations) as unknown[],
            created_at: e.createdAt,
          })),
        },
        200,
      );
    },
  )
  .get(
    "/:id/reports/:year/corrections",
    authorize("report.read_published"),
    validate("param", reportPath),
    async (c) => {
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
            changes: JSON.parse(p.changes) as unknown[],
          })),
          first_published_at: publications[0]!.publishedAt,
        },
        200,
      );
    },
  )
  .post(
    "/:id/reports/:year/submit",
    authorize("report.submit", agencyFromPath),
    validate("param", reportPath),
    validate("json", submitBody),
    async (c) => {
      const path = c.req.valid("param");
      const body = c.req.valid("json");
      const stored = await move(c, path, "submit", {
        revision: body.revision,
        explanations: body.explanations,
      });
      return c.json(await presentWithReview(c, stored), 200);
    },
  )
  .post(
    "/:id/reports/:year/return",
    authorize("report.review", agencyFromPath),
    validate("param", reportPath),
    validate("json", returnBody),
    async (c) => {
      const path = c.req.valid("param");
      const body = c.req.valid("json");
      const stored = await move(c, path, "return", body);
      return c.json(await presentWithReview(c, stored), 200);
    },
  )
  .post(
    "/:id/reports/:year/approve",
    authorize("report.review", agencyFromPath),
    validate("param", reportPath),
    validate("json", approveBody),
    async (c) => {
      const path = c.req.valid("param");
      const stored = await move(c, path, "approve", c.req.valid("json"));
      return c.json(await presentWithReview(c, stored), 200);
    },
  );

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
  return moveReport(c.var.db, {
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
}
