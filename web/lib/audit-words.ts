/**
 * The audit log in words. The log records machine codes (`auth.login`, `user:12`,
 * `{"role":"submitter"}`), which stay in the API and its exports; the page says what they mean.
 */

import type { MessageKey, MessageVars } from "../i18n";

type Translate = (key: MessageKey, vars?: MessageVars) => string;

/** Every action the Worker records, in the order the filter offers them, by group. */
const ACTIONS = {
  auth: {
    "auth.login": "auditEvent_auth_login",
    "auth.login_failed": "auditEvent_auth_login_failed",
    "auth.logout": "auditEvent_auth_logout",
    "auth.invite_accepted": "auditEvent_auth_invite_accepted",
    "auth.password_reset": "auditEvent_auth_password_reset",
  },
  report: {
    "report.save": "auditEvent_report_save",
    "report.submit": "auditEvent_report_submit",
    "report.return": "auditEvent_report_return",
    "report.approve": "auditEvent_report_approve",
    "report.chase": "auditEvent_report_chase",
  },
  user: {
    "user.invite": "auditEvent_user_invite",
    "user.update": "auditEvent_user_update",
    "user.reset_link": "auditEvent_user_reset_link",
    "user.revoke_sessions": "auditEvent_user_revoke_sessions",
  },
  token: {
    "token.create": "auditEvent_token_create",
    "token.revoke": "auditEvent_token_revoke",
  },
  deadline: {
    "deadline.update": "auditEvent_deadline_update",
  },
} as const satisfies Record<string, Record<string, MessageKey>>;

type Group = keyof typeof ACTIONS;

const GROUP_KEYS: Record<Group, MessageKey> = {
  auth: "auditGroup_auth",
  report: "auditGroup_report",
  user: "auditGroup_user",
  token: "auditGroup_token",
  deadline: "auditGroup_deadline",
};

const isGroup = (name: string): name is Group => name in ACTIONS;

const actionKey = (action: string): MessageKey | undefined => {
  const group = action.split(".")[0] ?? "";
  if (!isGroup(group)) return undefined;
  return (ACTIONS[group] as Record<string, MessageKey>)[action];
};

/** What an action was, in words; an action this page does not know yet is named by its group. */
export function actionText(action: string, t: Translate): string {
  const key = actionKey(action);
  if (key) return t(key);
  const group = action.split(".")[0] ?? "";
  return isGroup(group)
    ? t("auditEventOtherOf", { group: t(GROUP_KEYS[group]) })
    : t("auditEventOther");
}

export interface ActionOption {
  /** The prefix the API filters by: a group (`auth.`) or one action. */
  value: string;
  label: string;
}

/** The filter's choices: each group as a whole, then its actions. */
export function actionOptions(t: Translate): { label: string; options: ActionOption[] }[] {
  return (Object.keys(ACTIONS) as Group[]).map((group) => {
    const label = t(GROUP_KEYS[group]);
    const actions = Object.entries(ACTIONS[group]) as [string, MessageKey][];
    return {
      label,
      options: [
        { value: `${group}.`, label: t("auditGroupWhole", { group: label }) },
        ...actions.map(([value, key]) => ({ value, label: t(key) })),
      ],
    };
  });
}

const ACTOR_KEYS: Record<string, MessageKey> = {
  admin: "role_admin",
  reviewer: "role_reviewer",
  submitter: "role_submitter",
  token: "role_token",
  public: "role_public",
  system: "auditActorSystem",
};

/** Who acted, in words: a role, an API token, a visitor not signed in, or a script. */
export const actorKindText = (kind: string | null, t: Translate) =>
  kind ? t(ACTOR_KEYS[kind] ?? "auditActorOther") : "—";

/**
 * What an entry is about: the name of the user, agency (with the report's year) or token the
 * Worker found, an account as it was typed at a failed sign-in, or a year.
 */
export function targetText(target: string | null, name: string | null, t: Translate): string {
  if (!target) return "—";
  const [kind, rest = ""] = splitOnce(target, ":");
  const year = /(?:^|\/)year:(\d{4})$/.exec(target)?.[1];
  if (kind === "agency" && name) return year ? t("auditTargetReport", { name, year }) : name;
  if (kind === "token" && name) return t("auditTargetToken", { name });
  if (kind === "user") return name ?? (/^\d+$/.test(rest) ? t("auditTargetGone") : rest);
  if (kind === "year" && year) return t("auditTargetYear", { year });
  return name ?? t("auditTargetGone");
}

function splitOnce(text: string, separator: string): [string, string?] {
  const at = text.indexOf(separator);
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + 1)];
}

const DETAIL_KEYS: Record<string, MessageKey> = {
  revision: "auditDetail_revision",
  changes: "auditDetail_changes",
  message: "auditDetail_message",
  email: "auditDetail_email",
  name: "auditDetail_name",
  role: "auditDetail_role",
  active: "auditDetail_active",
  agency_id: "auditDetail_agency_id",
  region_agency_id: "auditDetail_region_agency_id",
  department_deadline: "auditDetail_department_deadline",
  government_deadline: "auditDetail_government_deadline",
};

function detailValue(key: string, value: unknown, t: Translate): string {
  if (key === "role" && typeof value === "string" && value in ACTOR_KEYS)
    return t(ACTOR_KEYS[value]!);
  if (key === "active") return t(value ? "auditActive" : "auditInactive");
  if (typeof value === "boolean") return t(value ? "auditYes" : "auditNo");
  if (typeof value === "string" || typeof value === "number") return String(value);
  return value === null || value === undefined ? "—" : JSON.stringify(value);
}

/**
 * An entry's detail as labelled values (版本：3；意见：…). A field this page has no label for is
 * shown by its value alone, never by its key.
 */
export function detailText(detail: unknown, t: Translate): string {
  if (detail === null || detail === undefined || detail === "") return "—";
  if (typeof detail !== "object" || Array.isArray(detail)) return detailValue("", detail, t);
  const parts = Object.entries(detail as Record<string, unknown>)
    .filter(([, value]) => value !== undefined && value !== null && value !== "")
    .map(([key, value]) => {
      const label = DETAIL_KEYS[key];
      const text = detailValue(key, value, t);
      return label ? t("auditDetailPair", { label: t(label), value: text }) : text;
    });
  return parts.length > 0 ? parts.join(t("auditDetailSeparator")) : "—";
}
