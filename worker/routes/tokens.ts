import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { explainDenial, reachOf } from "../auth/policy";
import { hashSecret, newSecret } from "../auth/secrets";
import { getAgency } from "../db/queries/agencies";
import { getToken, insertToken, listTokens, revokeToken } from "../db/queries/api-tokens";
import { denialError, notFound } from "../http/errors";
import { bodyId, id } from "../http/params";
import { audit } from "../http/audit-entry";
import { errors, jsonAnswer, jsonBody, noContent, WRITE_ERRORS } from "../openapi/contract";
import { apiTokenCreatedSchema, apiTokenListSchema } from "../openapi/bodies/accounts";
import { routeGroup } from "../openapi/route-group";

const TOKEN_PREFIX = "nbk_";

function requireTokenManagement(c: Context<AppEnv>, agencyPath?: string) {
  const denial = explainDenial(c.var.actor, "token.manage", { agencyPath });
  if (denial) throw denialError(denial);
}

const presentToken = (t: Awaited<ReturnType<typeof listTokens>>[number]) => ({
  id: t.id,
  name: t.name,
  agency_id: t.agencyId,
  agency_name: t.agencyName,
  created_at: t.createdAt,
  last_used_at: t.lastUsedAt,
  revoked_at: t.revokedAt,
});

const tokenQuery = z.strictObject({
  agency_id: id.optional().meta({
    description: "只列出该机构的令牌。Only this agency's tokens.",
  }),
});

const tokenBody = z.strictObject({
  agency_id: bodyId.meta({
    description: "令牌代表的机构。The agency the token acts for.",
  }),
  name: z.string().trim().min(1).max(100).meta({
    description:
      "名称，如对接的系统，会写进审计日志和修订作者。A name, such as the system it connects; it appears in the audit log and as revisions' author.",
  }),
});

const tokenPath = z.object({
  id: id.meta({ description: "令牌编号。The token's id." }),
});

const listTokensRoute = createRoute({
  method: "get",
  path: "/",
  operationId: "listApiTokens",
  summary: "API 令牌列表",
  description:
    "The API tokens the caller manages, newest first, revoked ones included; never the tokens themselves. An administrator sees every agency's, a submitter their own agency's.",
  tags: ["accounts"],
  request: { query: tokenQuery },
  responses: {
    200: jsonAnswer("The tokens.", apiTokenListSchema),
    ...errors(400, 403),
  },
});

const createTokenRoute = createRoute({
  method: "post",
  path: "/",
  operationId: "createApiToken",
  summary: "新建 API 令牌",
  description:
    "Mints an API token that acts as the agency's submitter (Authorization: Bearer). The answer is the only time the token is shown: only its hash is kept.",
  tags: ["accounts"],
  request: { body: jsonBody(tokenBody) },
  responses: {
    201: jsonAnswer("The new token.", apiTokenCreatedSchema),
    ...WRITE_ERRORS,
    ...errors(404),
  },
});

const revokeTokenRoute = createRoute({
  method: "delete",
  path: "/{id}",
  operationId: "revokeApiToken",
  summary: "撤销 API 令牌",
  description: "Revokes a token: requests made with it are refused from now on.",
  tags: ["accounts"],
  request: { params: tokenPath },
  responses: { 204: noContent, ...errors(400, 403, 404) },
});

export const tokenRoutes = routeGroup()
  .openapi(listTokensRoute, async (c) => {
    const reach = reachOf(c.var.actor, "token.manage");
    const { agency_id } = c.req.valid("query");
    if (reach.kind === "nowhere" || reach.kind === "subtree") requireTokenManagement(c);
    const rows = await listTokens(c.var.db, agency_id);
    const visible =
      reach.kind === "agency" ? rows.filter((t) => t.agencyPath === reach.agencyPath) : rows;
    return c.json({ items: visible.map(presentToken) }, 200);
  })
  .openapi(createTokenRoute, async (c) => {
    const body = c.req.valid("json");
    const agency = await getAgency(c.var.db, body.agency_id);
    if (!agency) throw notFound("机构", "Agency");
    requireTokenManagement(c, agency.path);
    const token = `${TOKEN_PREFIX}${newSecret()}`;
    const row = await insertToken(
      c.var.db,
      {
        tokenHash: await hashSecret(token),
        name: body.name,
        agencyId: agency.id,
        createdBy: c.var.identity.userId,
      },
      c.var.now,
    );
    await audit(c, "token.create", `token:${row.id}`, { agency_id: agency.id, name: body.name });
    // The only time the token is shown: only its hash is kept.
    return c.json(
      { id: row.id, token, name: row.name, agency_id: agency.id, created_at: row.createdAt },
      201,
    );
  })
  .openapi(revokeTokenRoute, async (c) => {
    const found = await getToken(c.var.db, c.req.valid("param").id);
    if (!found) throw notFound("令牌", "Token");
    requireTokenManagement(c, found.agencyPath);
    await revokeToken(c.var.db, found.token.id, c.var.now);
    await audit(c, "token.revoke", `token:${found.token.id}`);
    return c.body(null, 204);
  });
