/**
 * The JSON bodies of the account routes: sessions and invitations (`/api/auth`), users, API
 * tokens, the audit log, the reporting deadlines and the health check. Strict objects: a field
 * a handler adds must be added here.
 */

import { z } from "zod";
import { count, instant, rowId, year } from "./primitives";
import { USER_ROLES } from "../../db/schema";

/** `worker/http/present-user.ts`. */
export const userSchema = z
  .strictObject({
    id: rowId,
    email: z.email(),
    name: z.string(),
    role: z.enum(USER_ROLES).meta({
      description:
        "admin 管理员；reviewer 审核员（管一个地区）；submitter 机构填报员（管一个机构）。An administrator, a reviewer of a region or an agency's submitter.",
    }),
    agency_id: rowId.nullable().meta({
      description: "填报员所属机构；其他角色为 null。A submitter's agency; null for other roles.",
    }),
    agency_name: z.string().nullable(),
    region_agency_id: rowId.nullable().meta({
      description:
        "审核员所审核地区的顶层机构；其他角色为 null。The agency at the root of a reviewer's region; null for other roles.",
    }),
    region_name: z.string().nullable(),
    active: z.boolean().meta({
      description: "停用的用户不能登录。A deactivated user cannot sign in.",
    }),
    created_at: instant,
    last_login_at: instant.nullable(),
  })
  .meta({ id: "User" });

export const userListSchema = z
  .strictObject({
    items: z.array(userSchema).meta({
      description:
        "管理员看到全部用户，审核员看到其地区内的填报员。Every user for an administrator; a reviewer sees the submitters of their region.",
    }),
  })
  .meta({ id: "UserList" });

export const sessionSchema = z
  .strictObject({
    user: userSchema,
    csrf_token: z.string().meta({
      description:
        "用会话 Cookie 发送的写请求须在 X-CSRF-Token 头中带上它。Send it as X-CSRF-Token with every write made with the session cookie.",
    }),
  })
  .meta({ id: "Session" });

/** `GET /api/auth/session`: the caller's session, or nulls for a caller without one. */
export const currentSessionSchema = z
  .union([sessionSchema, z.strictObject({ user: z.null(), csrf_token: z.null() })])
  .meta({
    id: "CurrentSession",
    description:
      "已登录时为会话，否则两项均为 null。The session when signed in; both null otherwise.",
  });

const linkPurpose = z.enum(["invite", "reset"]).meta({
  description: "invite 邀请注册；reset 重设密码。An invitation or a password reset.",
});

export const inviteInfoSchema = z
  .strictObject({
    purpose: linkPurpose,
    email: z.email(),
    name: z.string(),
    role: z.enum(USER_ROLES),
    agency_name: z.string().nullable(),
    region_name: z.string().nullable(),
    expires_at: instant,
  })
  .meta({ id: "InviteInfo" });

const linkUrl = z.url().meta({
  description:
    "一次性链接，令牌在 # 之后（不进日志和 Referer）。The one-time link; its token follows the #, out of logs and Referer headers.",
});

export const inviteCreatedSchema = z
  .strictObject({ user_id: rowId, invite_url: linkUrl, expires_at: instant })
  .meta({ id: "InviteCreated" });

export const resetLinkSchema = z
  .strictObject({ reset_url: linkUrl, expires_at: instant })
  .meta({ id: "ResetLink" });

const apiTokenSchema = z
  .strictObject({
    id: rowId,
    name: z.string(),
    agency_id: rowId,
    agency_name: z.string(),
    created_at: instant,
    last_used_at: instant.nullable().meta({
      description: "最近一次使用（精确到分钟）。The last use, to the minute.",
    }),
    revoked_at: instant.nullable(),
  })
  .meta({ id: "ApiToken" });

export const apiTokenListSchema = z
  .strictObject({ items: z.array(apiTokenSchema) })
  .meta({ id: "ApiTokenList" });

export const apiTokenCreatedSchema = z
  .strictObject({
    id: rowId,
    token: z.string().startsWith("nbk_").meta({
      description:
        "令牌本身：只在此显示一次，之后只保存其散列。The token itself, shown this once: only its hash is kept.",
    }),
    name: z.string(),
    agency_id: rowId,
    created_at: instant,
  })
  .meta({ id: "ApiTokenCreated" });

const auditEntrySchema = z
  .strictObject({
    id: rowId,
    at: instant,
    actor_kind: z.string().meta({
      description:
        "admin、reviewer、submitter、token、public（或脚本写入的 system）。Who acted: admin, reviewer, submitter, token, public (or system, from scripts).",
    }),
    actor_name: z.string(),
    action: z.string().meta({ examples: ["auth.login", "user.invite", "report.approve"] }),
    target: z
      .string()
      .nullable()
      .meta({ examples: ["user:12", "token:3", "year:2024"] }),
    address: z.string().nullable().meta({ description: "请求来源地址。The caller's address." }),
    detail: z.unknown().meta({
      description: "各操作自己的 JSON 详情，或 null。The action's own JSON detail, or null.",
    }),
  })
  .meta({ id: "AuditEntry" });

export const auditLogSchema = z
  .strictObject({ items: z.array(auditEntrySchema), total: count })
  .meta({ id: "AuditLog" });

const deadlineDate = z.iso.date();

export const deadlineSchema = z
  .strictObject({
    year,
    department_deadline: deadlineDate.meta({
      description: "部门报告的公开期限。The date by which departments publish the year's report.",
    }),
    government_deadline: deadlineDate.meta({
      description:
        "政府（全地区）报告的公开期限。The date by which governments publish the whole-region report.",
    }),
  })
  .meta({ id: "Deadline" });

export const deadlineListSchema = z
  .strictObject({
    items: z.array(deadlineSchema).meta({
      description:
        "设置过的年度；未设置的年度按次年 1 月 31 日、3 月 31 日。The years set; any other year's deadlines are 31 January and 31 March of the following year.",
    }),
  })
  .meta({ id: "DeadlineList" });

export const healthSchema = z
  .strictObject({
    status: z.literal("ok"),
    database: z.literal("ok"),
    latency_ms: count.meta({
      description: "一次数据库往返的毫秒数。One database round trip, in ms.",
    }),
  })
  .meta({ id: "Health" });
