import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { explainDenial, reachOf } from "../auth/policy";
import { hashSecret, newSecret } from "../auth/secrets";
import { getAgency } from "../db/queries/agencies";
import { getToken, insertToken, listTokens, revokeToken } from "../db/queries/api-tokens";
import { denialError, notFound } from "../http/errors";
import { bodyId, id } from "../http/params";
import { validate } from "../http/validate";
import { audit } from "../http/audit-entry";

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

export const tokenRoutes = new Hono<AppEnv>()
  .get("/", validate("query", z.strictObject({ agency_id: id.optional() })), async (c) => {
    const reach = reachOf(c.var.actor, "token.manage");
    const { agency_id } = c.req.valid("query");
    if (reach.kind === "nowhere" || reach.kind === "subtree") requireTokenManagement(c);
    const rows = await listTokens(c.var.db, agency_id);
    const visible =
      reach.kind === "agency" ? rows.filter((t) => t.agencyPath === reach.agencyPath) : rows;
    return c.json({ items: visible.map(presentToken) }, 200);
  })
  .post(
    "/",
    validate(
      "json",
      z.strictObject({ agency_id: bodyId, name: z.string().trim().min(1).max(100) }),
    ),
    async (c) => {
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
    },
  )
  .delete("/:id", validate("param", z.object({ id })), async (c) => {
    const found = await getToken(c.var.db, c.req.valid("param").id);
    if (!found) throw notFound("令牌", "Token");
    requireTokenManagement(c, found.agencyPath);
    await revokeToken(c.var.db, found.token.id, c.var.now);
    await audit(c, "token.revoke", `token:${found.token.id}`);
    return c.body(null, 204);
  });
