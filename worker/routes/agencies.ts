import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { forgetDataVersion } from "../db/data-version-memo";
import {
  createAgency,
  getAgency,
  listAgencies,
  updateAgency,
  type AgencyInput,
} from "../db/queries/agencies";
import { ApiError, notFound } from "../http/errors";
import { columns, csvVariant } from "../http/csv";
import {
  agencyFilter,
  bodyId,
  format,
  id,
  kind,
  level,
  pagination,
  regionCode,
  scope,
} from "../http/params";
import { presentAgency } from "../http/present";
import { authorize } from "../middleware/actor";
import { errors, jsonAnswer, jsonBody, jsonOrCsvAnswer, WRITE_ERRORS } from "../openapi/contract";
import { agencyPageSchema, agencySchema } from "../openapi/bodies/directory";
import { routeGroup } from "../openapi/route-group";

const agencyBody = z.strictObject({
  name: z.string().trim().min(1, "名称不能为空").max(200),
  level,
  kind,
  scope: scope.meta({
    description:
      "region：报告全地区汇总；self：报告本机关。Whether the agency reports for its whole region or for itself.",
  }),
  parent_id: bodyId.nullable().meta({
    description:
      "上级机构；顶层机构为 null。改动会连同下级机构一起移动。The parent agency, null at the top; changing it moves the whole subtree.",
  }),
  region_code: regionCode.meta({
    description: "6 位行政区划代码。The six-digit administrative division code.",
  }),
});

type AgencyBody = z.infer<typeof agencyBody>;

/** The API's snake_case body as the query layer's input; absent fields stay absent. */
function agencyInput(body: AgencyBody): AgencyInput;
function agencyInput(body: Partial<AgencyBody>): Partial<AgencyInput>;
function agencyInput(body: Partial<AgencyBody>): Partial<AgencyInput> {
  return {
    name: body.name,
    level: body.level,
    kind: body.kind,
    scope: body.scope,
    parentId: body.parent_id,
    regionCode: body.region_code,
  };
}

const listQuery = z.strictObject({
  ...agencyFilter,
  parent: id.optional().meta({
    description: "只列出该机构的直接下级。Only this agency's direct children.",
  }),
  q: z.string().max(100).optional(),
  ...pagination,
  format,
});

const agencyCsv = csvVariant<{ items: ReturnType<typeof presentAgency>[] }>(
  () => "agencies.csv",
  (body) =>
    columns(["id", "name", "level", "kind", "scope", "parent_id", "region_code"], body.items),
);

const agencyPath = z.object({ id });

const listRoute = createRoute({
  method: "get",
  path: "/",
  operationId: "listAgencies",
  summary: "机构名录",
  description:
    "The agency directory with each agency's path and edit times, filtered by level, kind, scope, region-code prefix, subtree, parent and name; paged. An unknown under or parent is 404.",
  tags: ["directory"],
  middleware: [authorize("agency.read"), agencyCsv],
  request: { query: listQuery },
  responses: {
    200: jsonOrCsvAnswer("A page of agencies.", agencyPageSchema),
    ...errors(400, 404),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/{id}",
  operationId: "getAgency",
  summary: "机构",
  description: "One agency of the directory.",
  tags: ["directory"],
  middleware: [authorize("agency.read")],
  request: { params: agencyPath },
  responses: {
    200: jsonAnswer("The agency.", agencySchema),
    ...errors(400, 404),
  },
});

const createAgencyRoute = createRoute({
  method: "post",
  path: "/",
  operationId: "createAgency",
  summary: "新建机构",
  description:
    "Adds an agency under a parent (or at the top). A parent that does not exist is 400 (parent_not_found). Administrators only.",
  tags: ["directory"],
  middleware: [authorize("agency.create")],
  request: { body: jsonBody(agencyBody) },
  responses: {
    201: jsonAnswer("The new agency.", agencySchema),
    ...WRITE_ERRORS,
  },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/{id}",
  operationId: "updateAgency",
  summary: "修改机构",
  description:
    "Changes the fields given; a new parent moves the agency with its subtree (placing it under itself or a descendant is 400, parent_cycle). A concurrent change of the agency or its new parent is 409 (agency_changed). Administrators only.",
  tags: ["directory"],
  middleware: [authorize("agency.update")],
  request: { params: agencyPath, body: jsonBody(agencyBody.partial()) },
  responses: {
    200: jsonAnswer("The agency as changed.", agencySchema),
    ...WRITE_ERRORS,
    ...errors(404, 409),
  },
});

export const agencyRoutes = routeGroup()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid("query");
    const result = await listAgencies(c.var.db, { ...query, parentId: query.parent });
    if (!result) throw notFound("上级机构", "Parent agency");
    const items = result.rows.map(presentAgency);
    return c.json({ items, total: result.total, limit: query.limit, offset: query.offset }, 200);
  })
  .openapi(getRoute, async (c) => {
    const agency = await getAgency(c.var.db, c.req.valid("param").id);
    if (!agency) throw notFound("机构", "Agency");
    return c.json(presentAgency(agency), 200);
  })
  .openapi(createAgencyRoute, async (c) => {
    const body = c.req.valid("json");
    const agency = await createAgency(c.var.db, agencyInput(body), c.var.now);
    if (!agency) throw parentMissing();
    forgetDataVersion();
    return c.json(presentAgency(agency), 201);
  })
  .openapi(updateRoute, async (c) => {
    const body = c.req.valid("json");
    const result = await updateAgency(
      c.var.db,
      c.req.valid("param").id,
      agencyInput(body),
      c.var.now,
    );
    forgetDataVersion();
    switch (result.kind) {
      case "not_found":
        throw notFound("机构", "Agency");
      case "parent_not_found":
        throw parentMissing();
      case "cycle":
        throw new ApiError(
          400,
          "parent_cycle",
          "上级机构不能是本机构或其下级机构",
          "An agency cannot be placed under itself or one of its descendants",
          {},
          [
            {
              path: "parent_id",
              code: "parent_cycle",
              message: "上级机构形成循环",
              message_en: "cycle",
            },
          ],
        );
      case "conflict":
        throw new ApiError(
          409,
          "agency_changed",
          "该机构或其上级刚被他人修改，请刷新后重试",
          "The agency or its new parent was changed meanwhile; reload and try again",
        );
      case "updated":
        return c.json(presentAgency(result.agency), 200);
    }
  });

const parentMissing = () =>
  new ApiError(
    400,
    "parent_not_found",
    "上级机构不存在（parent_id）",
    "The parent agency does not exist (parent_id)",
    {},
    [
      {
        path: "parent_id",
        code: "not_found",
        message: "上级机构不存在",
        message_en: "parent agency not found",
      },
    ],
  );
