/**
 * Who can act (actors) and what they can ask to do (actions): the vocabulary of the policy in
 * `policy.ts`. Agency paths are the materialized ancestor-id paths of `agencies.path` ("/1/7/42/").
 */

export type Actor =
  | { kind: "public" }
  | { kind: "admin"; userId: number }
  | {
      kind: "reviewer";
      userId: number;
      /** The path of the agency at the root of the region this reviewer reviews. */
      regionPath: string;
    }
  | { kind: "submitter"; userId: number; agencyId: number; agencyPath: string }
  /** Acts as its agency's submitter, but cannot manage users or tokens. */
  | { kind: "token"; tokenId: number; agencyId: number; agencyPath: string };

export type ActorKind = Actor["kind"];

export const ACTOR_KINDS = [
  "public",
  "admin",
  "reviewer",
  "submitter",
  "token",
] as const satisfies readonly ActorKind[];

export const ACTIONS = [
  "agency.read",
  "agency.create",
  "agency.update",
  "report.read_published",
  "report.read_draft",
  "report.write",
  "report.submit",
  /** Return to the agency or approve (which publishes). */
  "report.review",
  /** Start a correction of a report that has been published. */
  "report.correct",
  "user.manage",
  /** Invite an agency's submitters (admins anywhere, reviewers within their region). */
  "user.invite_submitter",
  "token.manage",
  "audit.read",
  "deadline.manage",
  "notification.read_own",
  "outbox.read",
  /** Compare or roll up the current (possibly unpublished) revisions. */
  "aggregate.read_unpublished",
] as const;

export type Action = (typeof ACTIONS)[number];

interface Label {
  zh: string;
  en: string;
}

/** Verb phrases, so messages can say "审核员无权{zh}" and "A reviewer may not {en}". */
export const ACTION_LABELS: Record<Action, Label> = {
  "agency.read": { zh: "查看机构", en: "view agencies" },
  "agency.create": { zh: "新建机构", en: "create agencies" },
  "agency.update": { zh: "修改机构", en: "change agencies" },
  "report.read_published": { zh: "查看已公开的年报", en: "read published reports" },
  "report.read_draft": { zh: "查看未公开的年报", en: "read unpublished reports" },
  "report.write": { zh: "填写年报", en: "edit reports" },
  "report.submit": { zh: "提交年报", en: "submit reports" },
  "report.review": { zh: "审核年报", en: "review reports" },
  "report.correct": { zh: "更正已公开的年报", en: "correct published reports" },
  "user.manage": { zh: "管理用户", en: "manage users" },
  "user.invite_submitter": { zh: "邀请机构填报员", en: "invite agency submitters" },
  "token.manage": { zh: "管理 API 令牌", en: "manage API tokens" },
  "audit.read": { zh: "查看审计日志", en: "read the audit log" },
  "deadline.manage": { zh: "管理填报期限", en: "manage deadlines" },
  "notification.read_own": { zh: "查看自己的通知", en: "read one's own notifications" },
  "outbox.read": { zh: "查看发件箱", en: "read the e-mail outbox" },
  "aggregate.read_unpublished": {
    zh: "汇总或比较未公开的数据",
    en: "compare or roll up unpublished figures",
  },
};

export const ROLE_LABELS: Record<ActorKind, Label> = {
  public: { zh: "公众", en: "The public" },
  admin: { zh: "省级管理员", en: "An administrator" },
  reviewer: { zh: "审核员", en: "A reviewer" },
  submitter: { zh: "机构填报员", en: "An agency submitter" },
  token: { zh: "API 令牌", en: "An API token" },
};
