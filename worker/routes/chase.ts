import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { explainDenial } from "../auth/policy";
import { getAgency } from "../db/queries/agencies";
import { deadlineFor } from "../db/queries/deadlines";
import { audit } from "../http/audit-entry";
import { ApiError, denialError, notFound, rateLimited } from "../http/errors";
import { bodyId } from "../http/params";
import { chaseNotice, planChase, sendChase } from "../notify/chase";
import { errors, jsonAnswer, jsonBody, WRITE_ERRORS } from "../openapi/contract";
import { chasePreviewSchema, chaseResultSchema } from "../openapi/bodies/chase";
import { routeGroup } from "../openapi/route-group";
import { reportingYear } from "../report/reporting-era";

const chaseBody = z.strictObject({
  year: reportingYear.meta({ description: "报告年度。The report year." }),
  under: bodyId.meta({ description: "地区（其政府机构）。The region, by its government's id." }),
  agency_id: bodyId.optional().meta({
    description: "只催报这一个机构（须在该地区内）。Only this agency (inside the region).",
  }),
});

const previewRoute = createRoute({
  method: "post",
  path: "/preview",
  operationId: "previewChase",
  summary: "催报预览",
  description:
    "What a 催报 would send: how many agencies of the region (or the one agency) have not submitted the year's report, how many people would be told, and the message. Sends nothing.",
  tags: ["notifications"],
  request: { body: jsonBody(chaseBody) },
  responses: {
    200: jsonAnswer("The preview.", chasePreviewSchema),
    ...WRITE_ERRORS,
    ...errors(404),
  },
});

const sendRoute = createRoute({
  method: "post",
  path: "/",
  operationId: "sendChase",
  summary: "催报",
  description:
    "Reminds the submitters of every agency of the region (or the one agency) that has not submitted, in the app and by e-mail; each agency at most once a day. Rate limited per region; recorded in the audit log.",
  tags: ["notifications"],
  request: { body: jsonBody(chaseBody) },
  responses: {
    200: jsonAnswer("What was sent.", chaseResultSchema),
    ...WRITE_ERRORS,
    ...errors(404),
  },
});

/** The region and, when one agency is named, that agency inside it; both the caller may review. */
async function target(c: Context<AppEnv>, body: z.infer<typeof chaseBody>) {
  const root = await getAgency(c.var.db, body.under);
  if (!root) throw notFound("地区", "Region");
  const denial = explainDenial(c.var.actor, "report.review", { agencyPath: root.path });
  if (denial) throw denialError(denial);
  if (body.agency_id === undefined) return { root, only: null };
  const agency = await getAgency(c.var.db, body.agency_id);
  if (!agency || !agency.path.startsWith(root.path)) throw notFound("机构", "Agency");
  return { root, only: agency.id };
}

interface ChaseBindings {
  CHASE_LIMITER?: RateLimit;
}

/** `/api/chase`: 催报 from the dashboard's list of who has not submitted. */
export const chaseRoutes = routeGroup()
  .openapi(previewRoute, async (c) => {
    const body = c.req.valid("json");
    const { root, only } = await target(c, body);
    const [plan, deadline] = await Promise.all([
      planChase(c.var.db, root.path, body.year, c.var.now, only),
      deadlineFor(c.var.db, body.year),
    ]);
    const first = plan.agencies[0];
    const example = first
      ? chaseNotice(
          first,
          body.year,
          c.var.identity.name,
          first.kind === "government" ? deadline.governmentDeadline : deadline.departmentDeadline,
        )
      : null;
    return c.json(
      {
        agencies: plan.agencies.length,
        recipients: plan.recipients,
        without_submitter: plan.withoutSubmitter,
        chased_today: plan.chasedToday,
        names: plan.agencies.slice(0, 20).map((a) => a.name),
        title: example?.title ?? "",
        body: example?.body ?? "",
      },
      200,
    );
  })
  .openapi(sendRoute, async (c) => {
    const body = c.req.valid("json");
    const { root, only } = await target(c, body);
    const limiter = (c.env as ChaseBindings | undefined)?.CHASE_LIMITER;
    if (limiter && !(await limiter.limit({ key: `chase:${root.id}` })).success) {
      c.header("retry-after", "60");
      throw rateLimited(60);
    }
    const [plan, deadline] = await Promise.all([
      planChase(c.var.db, root.path, body.year, c.var.now, only),
      deadlineFor(c.var.db, body.year),
    ]);
    if (plan.agencies.length === 0) {
      throw new ApiError(
        409,
        "nothing_to_chase",
        "没有尚未提交的机构",
        "Every agency has submitted",
      );
    }
    const sent = await sendChase(
      c.var.db,
      c.env,
      plan,
      body.year,
      c.var.identity.name,
      (agency) =>
        agency.kind === "government" ? deadline.governmentDeadline : deadline.departmentDeadline,
      c.var.now,
    );
    await audit(c, "report.chase", `agency:${root.id}/year:${body.year}`, {
      agency_id: only,
      agencies: sent.agencies,
      recipients: sent.recipients,
    });
    return c.json(sent, 200);
  });
