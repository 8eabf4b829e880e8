/**
 * The authorization policy: which actor may perform which action on which agency.
 *
 * `GRANTS` is the whole policy, one row per action. A reach says where a role may act:
 * "any" everywhere, "subtree" on agencies whose path starts with the reviewer's region path,
 * "own" on the submitter's (or token's) own agency only, "none" nowhere.
 */

import { ACTION_LABELS, ROLE_LABELS, type Action, type Actor } from "./roles";

interface Grant {
  public: "any" | "none";
  admin: "any";
  reviewer: "any" | "subtree" | "none";
  submitter: "any" | "own" | "none";
  token: "any" | "own" | "none";
}

const ADMIN_ONLY: Grant = {
  public: "none",
  admin: "any",
  reviewer: "none",
  submitter: "none",
  token: "none",
};

const EVERYONE: Grant = {
  public: "any",
  admin: "any",
  reviewer: "any",
  submitter: "any",
  token: "any",
};

const GRANTS: Record<Action, Grant> = {
  "agency.read": EVERYONE,
  "agency.create": ADMIN_ONLY,
  "agency.update": ADMIN_ONLY,
  "report.read_published": EVERYONE,
  "report.read_draft": {
    public: "none",
    admin: "any",
    reviewer: "subtree",
    submitter: "own",
    token: "own",
  },
  "report.write": {
    public: "none",
    admin: "any",
    reviewer: "none",
    submitter: "own",
    token: "own",
  },
  "report.submit": {
    public: "none",
    admin: "any",
    reviewer: "none",
    submitter: "own",
    token: "own",
  },
  "report.review": {
    public: "none",
    admin: "any",
    reviewer: "subtree",
    submitter: "none",
    token: "none",
  },
  "report.correct": {
    public: "none",
    admin: "any",
    reviewer: "none",
    submitter: "own",
    token: "own",
  },
  "user.manage": ADMIN_ONLY,
  "user.invite_submitter": {
    public: "none",
    admin: "any",
    reviewer: "subtree",
    submitter: "none",
    token: "none",
  },
  // An agency issues its own importer tokens; a token cannot mint or revoke tokens, so a leaked
  // one cannot entrench itself.
  "token.manage": {
    public: "none",
    admin: "any",
    reviewer: "none",
    submitter: "own",
    token: "none",
  },
  "audit.read": ADMIN_ONLY,
  "deadline.manage": ADMIN_ONLY,
  // Notifications belong to people: a token (a machine) has none.
  "notification.read_own": {
    public: "none",
    admin: "any",
    reviewer: "any",
    submitter: "any",
    token: "none",
  },
  "outbox.read": ADMIN_ONLY,
  // A rollup under an agency includes its descendants' drafts, which a submitter may not read,
  // so only roles whose reach is a whole subtree may aggregate unpublished figures.
  "aggregate.read_unpublished": {
    public: "none",
    admin: "any",
    reviewer: "subtree",
    submitter: "none",
    token: "none",
  },
};

/** The agency an action applies to; for an aggregate, the root of the aggregated subtree. */
export interface Resource {
  agencyPath?: string;
}

/** Where an actor may perform an action, for list queries to turn into a `path` filter. */
export type Reach =
  | { kind: "everywhere" }
  | { kind: "subtree"; rootPath: string }
  | { kind: "agency"; agencyPath: string }
  | { kind: "nowhere" };

export interface Denial {
  status: 401 | 403;
  code: "authentication_required" | "forbidden" | "token_not_allowed" | "outside_scope";
  message: string;
  message_en: string;
}

/**
 * Whether `actor` may perform `action` on `resource`. Scoped actions without a well-formed
 * `resource.agencyPath` are refused to everyone but the administrator.
 *
 * @example
 * can(actor, "report.write", { agencyPath: agency.path });
 */
export function can(actor: Actor, action: Action, resource?: Resource): boolean {
  return explainDenial(actor, action, resource) === null;
}

/** Why `can` refuses, as the status and bilingual error body to answer with; `null` if it allows. */
export function explainDenial(actor: Actor, action: Action, resource?: Resource): Denial | null {
  const reach = reachOf(actor, action);
  const label = ACTION_LABELS[action];
  switch (reach.kind) {
    case "everywhere":
      return null;
    case "subtree":
    case "agency": {
      const path = resource?.agencyPath;
      const inside =
        path !== undefined &&
        isAgencyPath(path) &&
        (reach.kind === "subtree" ? path.startsWith(reach.rootPath) : path === reach.agencyPath);
      if (inside) return null;
      return {
        status: 403,
        code: "outside_scope",
        message: `该机构不在您的权限范围内，无法${label.zh}`,
        message_en: `That agency is outside your scope, so you may not ${label.en}`,
      };
    }
    case "nowhere":
      if (actor.kind === "public") {
        return {
          status: 401,
          code: "authentication_required",
          message: `需要登录才能${label.zh}`,
          message_en: `Sign in to ${label.en}`,
        };
      }
      if (
        actor.kind === "token" &&
        GRANTS[action].token === "none" &&
        GRANTS[action].submitter !== "none"
      ) {
        return {
          status: 403,
          code: "token_not_allowed",
          message: `API 令牌无权${label.zh}，请登录账号后操作`,
          message_en: `An API token may not ${label.en}; sign in with an account instead`,
        };
      }
      return {
        status: 403,
        code: "forbidden",
        message: `${ROLE_LABELS[actor.kind].zh}无权${label.zh}`,
        message_en: `${ROLE_LABELS[actor.kind].en} may not ${label.en}`,
      };
  }
}

/**
 * Where `actor` may perform `action`. An actor whose own path is malformed (an agency row whose
 * `path` is still the empty default would otherwise prefix every path) reaches nowhere.
 */
export function reachOf(actor: Actor, action: Action): Reach {
  const grant = GRANTS[action];
  switch (actor.kind) {
    case "public":
      return grant.public === "any" ? { kind: "everywhere" } : { kind: "nowhere" };
    case "admin":
      return { kind: "everywhere" };
    case "reviewer":
      if (grant.reviewer === "any") return { kind: "everywhere" };
      if (grant.reviewer === "subtree" && isAgencyPath(actor.regionPath)) {
        return { kind: "subtree", rootPath: actor.regionPath };
      }
      return { kind: "nowhere" };
    case "submitter":
    case "token": {
      const reach = actor.kind === "token" ? grant.token : grant.submitter;
      if (reach === "any") return { kind: "everywhere" };
      if (reach === "own" && isAgencyPath(actor.agencyPath)) {
        return { kind: "agency", agencyPath: actor.agencyPath };
      }
      return { kind: "nowhere" };
    }
  }
}

/** Whether `path` is a materialized agency path: positive ids, each followed by "/" ("/1/7/"). */
export function isAgencyPath(path: string): boolean {
  return /^(\/[1-9]\d*)+\/$/.test(path);
}
