import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
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
import { validate } from "../http/validate";
import { authorize } from "../middleware/actor";

const agencyBody = z.strictObject({
  name: z.string().trim().min(1, "名称不能为空").max(200),
  level,
  kind,
  scope,
  parent_id: bodyId.nullable(),
  region_code: regionCode,
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
  parent: id.optional(),
  q: z.string().max(100).optional(),
  ...pagination,
  format,
});

const agencyCsv = csvVariant<{ items: ReturnType<typeof presentAgency>[] }>(
  () => "agencies.csv",
  (body) =>
    columns(["id", "name", "level", "kind", "scope", "parent_id", "region_code"], body.items),
);

export const agencyRoutes = new Hono<AppEnv>()
  .get("/", authorize("agency.read"), validate("query", listQuery), agencyCsv, async (c) => {
    const query = c.req.valid("query");
    const result = await listAgencies(c.var.db, { ...query, parentId: query.parent });
    if (!result) throw notFound("上级机构", "Parent agency");
    const items = result.rows.map(presentAgency);
    return c.json({ items, total: result.total, limit: query.limit, offset: query.offset }, 200);
  })
  .get("/:id", authorize("agency.read"), validate("param", z.object({ id })), async (c) => {
    const agency = await getAgency(c.var.db, c.req.valid("param").id);
    if (!agency) throw notFound("机构", "Agency");
    return c.json(presentAgency(agency), 200);
  })
  .post("/", authorize("agency.create"), validate("json", agencyBody), async (c) => {
    const body = c.req.valid("json");
    const agency = await createAgency(c.var.db, agencyInput(body), c.var.now);
    if (!agency) throw parentMissing();
    forgetDataVersion();
    return c.json(presentAgency(agency), 201);
  })
  .patch(
    "/:id",
    authorize("agency.update"),
    validate("param", z.object({ id })),
    validate("json", agencyBody.partial()),
    async (c) => {
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
    },
  );

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
