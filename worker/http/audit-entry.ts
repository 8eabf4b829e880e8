import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { appendAudit, type AuditEntry } from "../db/queries/audit";
import { clientAddress } from "./client-address";

/** The audit record of an action by whoever makes this request, from where. */
export function auditEntry<E extends AppEnv>(
  c: Context<E>,
  action: string,
  target: string | null,
  detail?: unknown,
): AuditEntry {
  // Inside a function generic over the env, Hono types `c.var` loosely; E extends AppEnv.
  const { actor, identity } = c.var as AppEnv["Variables"];
  return {
    actorKind: actor.kind,
    actorId: "userId" in actor ? actor.userId : "tokenId" in actor ? actor.tokenId : null,
    actorName: identity.name,
    action,
    target,
    address: clientAddress(c),
    detail,
  };
}

export const audit = (
  c: Context<AppEnv>,
  action: string,
  target: string | null,
  detail?: unknown,
) => appendAudit(c.var.db, auditEntry(c, action, target, detail), c.var.now);
