import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { getAgency } from "../db/queries/agencies";
import {
  findReport,
  listRevisions,
  loadCurrent,
  loadRevision,
  reportsOfAgency,
} from "../db/queries/reports";
import { ApiError, notFound, validationFailed } from "../http/errors";
import { attachment, csvVariant } from "../http/csv";
import { format, id, year } from "../http/params";
import { presentReport, presentStored } from "../http/present";
import { validate } from "../http/validate";
import { authorize } from "../middleware/actor";
import { diffDocuments } from "../report/diff";
import { reportDocumentSchema, type ReportDocument } from "../report/document";
import { saveReport } from "../services/save-report";
import { reportTable } from "../services/report-table";

const reportPath = z.object({ id, year });
const saveBody = z.strictObject({
  base_revision: z.number().int().min(0),
  document: reportDocumentSchema,
  note: z.string().max(2000).nullish(),
});

const exportName = (doc: ReportDocument) =>
  `report-${doc.year}${doc.agency ? `-${doc.agency}` : ""}`;

async function requireAgency(c: Context<AppEnv>, agencyId: number) {
  const agency = await getAgency(c.var.db, agencyId);
  if (!agency) throw notFound("机构", "Agency");
  return agency;
}

async function requireReport(c: Context<AppEnv>, agencyId: number, reportYear: number) {
  await requireAgency(c, agencyId);
  const report = await findReport(c.var.db, agencyId, reportYear);
  if (!report) throw notFound(`${reportYear} 年度报告`, `The ${reportYear} report`);
  return report;
}

export const agencyReportRoutes = new Hono<AppEnv>()
  .get("/:id/reports", authorize("read"), validate("param", z.object({ id })), async (c) => {
    const { id: agencyId } = c.req.valid("param");
    await requireAgency(c, agencyId);
    const rows = await reportsOfAgency(c.var.db, agencyId);
    return c.json({ items: rows.map(presentReport) }, 200);
  })
  .put(
    "/:id/reports/:year",
    authorize("write"),
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
      const agency = await requireAgency(c, path.id);
      const outcome = await saveReport(c.var.db, {
        agency,
        year: path.year,
        baseRevision: body.base_revision,
        document: body.document,
        author: c.var.actor.name,
        note: body.note ?? null,
        now: c.var.now,
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
  .get("/:id/reports/:year", authorize("read"), validate("param", reportPath), async (c) => {
    const path = c.req.valid("param");
    await requireReport(c, path.id, path.year);
    const stored = (await loadCurrent(c.var.db, path.id, path.year))!;
    c.header("etag", `"r${stored.revision.number}"`);
    return c.json(presentStored(stored), 200);
  })
  .get(
    "/:id/reports/:year/export",
    authorize("read"),
    validate("param", reportPath),
    validate("query", z.strictObject({ format })),
    csvVariant<ReportDocument>((doc) => `${exportName(doc)}.csv`, reportTable),
    async (c) => {
      const path = c.req.valid("param");
      await requireReport(c, path.id, path.year);
      const stored = (await loadCurrent(c.var.db, path.id, path.year))!;
      c.header("content-disposition", attachment(`${exportName(stored.document)}.json`));
      return c.json(stored.document, 200);
    },
  )
  .get(
    "/:id/reports/:year/revisions",
    authorize("read"),
    validate("param", reportPath),
    async (c) => {
      const path = c.req.valid("param");
      const report = await requireReport(c, path.id, path.year);
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
    authorize("read"),
    validate("param", reportPath.extend({ number: id })),
    async (c) => {
      const path = c.req.valid("param");
      const report = await requireReport(c, path.id, path.year);
      const stored = await loadRevision(c.var.db, report, path.number);
      if (!stored) throw notFound(`第 ${path.number} 版`, `Revision ${path.number}`);
      return c.json(presentStored(stored), 200);
    },
  )
  .get(
    "/:id/reports/:year/diff",
    authorize("read"),
    validate("param", reportPath),
    validate("query", z.strictObject({ from: id, to: id })),
    async (c) => {
      const path = c.req.valid("param");
      const query = c.req.valid("query");
      const report = await requireReport(c, path.id, path.year);
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
  );
