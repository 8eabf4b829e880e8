import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { listDeadlines, upsertDeadline } from "../db/queries/deadlines";
import { year } from "../http/params";
import { authorize } from "../middleware/actor";
import { audit } from "../http/audit-entry";
import { jsonAnswer, jsonBody, WRITE_ERRORS } from "../openapi/contract";
import { deadlineListSchema, deadlineSchema } from "../openapi/bodies/accounts";
import { routeGroup } from "../openapi/route-group";

const isoDate = z.iso.date("日期格式应为 YYYY-MM-DD");

const deadlineBody = z.strictObject({
  department_deadline: isoDate.meta({
    description:
      "部门报告的公开期限（YYYY-MM-DD，北京时间当日结束前）。The date departments publish by (YYYY-MM-DD, until the end of the day, China time).",
  }),
  government_deadline: isoDate.meta({
    description:
      "政府（全地区）报告的公开期限（YYYY-MM-DD）。The date governments publish the whole-region report by (YYYY-MM-DD).",
  }),
});

const listDeadlinesRoute = createRoute({
  method: "get",
  path: "/",
  operationId: "listDeadlines",
  summary: "填报期限",
  description:
    "The deadlines set per report year; a submission after its day is marked late. A year not listed has the defaults: 31 January (departments) and 31 March (governments) of the following year.",
  tags: ["reports"],
  middleware: [authorize("agency.read")],
  responses: { 200: jsonAnswer("The deadlines set.", deadlineListSchema) },
});

const setDeadlineRoute = createRoute({
  method: "put",
  path: "/{year}",
  operationId: "setDeadline",
  summary: "设置填报期限",
  description: "Sets a report year's two deadlines. Administrators only.",
  tags: ["reports"],
  middleware: [authorize("deadline.manage")],
  request: { params: z.object({ year }), body: jsonBody(deadlineBody) },
  responses: {
    200: jsonAnswer("The year's deadlines.", deadlineSchema),
    ...WRITE_ERRORS,
  },
});

export const deadlineRoutes = routeGroup()
  .openapi(listDeadlinesRoute, async (c) => {
    const rows = await listDeadlines(c.var.db);
    return c.json(
      {
        items: rows.map((d) => ({
          year: d.year,
          department_deadline: d.departmentDeadline,
          government_deadline: d.governmentDeadline,
        })),
      },
      200,
    );
  })
  .openapi(setDeadlineRoute, async (c) => {
    const { year: reportYear } = c.req.valid("param");
    const body = c.req.valid("json");
    const deadline = {
      year: reportYear,
      departmentDeadline: body.department_deadline,
      governmentDeadline: body.government_deadline,
    };
    await upsertDeadline(c.var.db, deadline);
    await audit(c, "deadline.update", `year:${reportYear}`, body);
    return c.json({ year: reportYear, ...body }, 200);
  });
