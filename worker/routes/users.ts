import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { explainDenial, reachOf } from "../auth/policy";
import { hashSecret, newSecret } from "../auth/secrets";
import { getAgency } from "../db/queries/agencies";
import { insertLink, type LinkPurpose } from "../db/queries/one-time-links";
import { revokeUserSessions } from "../db/queries/sessions";
import {
  countAdmins,
  findUserByEmail,
  getUserWithPlaces,
  insertUser,
  listUsers,
  updateUser,
} from "../db/queries/users";
import { USER_ROLES } from "../db/schema";
import { ApiError, denialError, notFound, validationFailed } from "../http/errors";
import { bodyId, id } from "../http/params";
import { presentUser } from "../http/present-user";
import { describeIssues } from "../report/document";
import { authorize } from "../middleware/actor";
import { audit } from "../http/audit-entry";
import { invitationEmail, passwordResetEmail } from "../notify/account-emails";
import { sendEmail } from "../notify/send-email";
import {
  errors,
  jsonAnswer,
  jsonBody,
  noContent,
  WRITE_ERRORS,
  errorAnswer,
} from "../openapi/contract";
import {
  inviteCreatedSchema,
  resetLinkSchema,
  userListSchema,
  userSchema,
} from "../openapi/bodies/accounts";
import { routeGroup } from "../openapi/route-group";

const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const RESET_TTL_MS = 24 * 60 * 60 * 1000;

const inviteBody = z
  .strictObject({
    email: z.email("邮箱格式不正确").max(200),
    name: z.string().trim().min(1, "姓名不能为空").max(100),
    role: z.enum(USER_ROLES),
    agency_id: bodyId.optional().meta({
      description:
        "填报员所属机构：role 为 submitter 时必填，其他角色不得填。A submitter's agency: required for a submitter, refused for other roles.",
    }),
    region_agency_id: bodyId.optional().meta({
      description:
        "审核员所审核地区的顶层机构：role 为 reviewer 时必填，其他角色不得填。The agency at the root of a reviewer's region: required for a reviewer, refused for other roles.",
    }),
  })
  .superRefine((body, ctx) => {
    if (body.role === "submitter" && body.agency_id === undefined)
      ctx.addIssue({ code: "custom", path: ["agency_id"], message: "机构填报员须指定所属机构" });
    if (body.role === "reviewer" && body.region_agency_id === undefined)
      ctx.addIssue({ code: "custom", path: ["region_agency_id"], message: "审核员须指定审核范围" });
  });

/**
 * Each role is scoped by one field: a second one is refused (once the inviter's reach has been
 * checked on every agency the body names, so that an agency outside it is a 403 whatever else
 * the body says).
 */
const unusedScopeFields = z
  .object({
    role: z.enum(USER_ROLES),
    agency_id: z.number().optional(),
    region_agency_id: z.number().optional(),
  })
  .superRefine((body, ctx) => {
    if (body.role !== "submitter" && body.agency_id !== undefined)
      ctx.addIssue({ code: "custom", path: ["agency_id"], message: "只有机构填报员指定所属机构" });
    if (body.role !== "reviewer" && body.region_agency_id !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["region_agency_id"],
        message: "只有审核员指定审核范围",
      });
  });

const userPatch = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  active: z.boolean().optional().meta({
    description:
      "false 停用用户并结束其所有会话；不能停用唯一的管理员（409）。false deactivates the user and ends their sessions; the last administrator cannot be deactivated (409).",
  }),
});

const userPath = z.object({
  id: id.meta({ description: "用户编号。The user's id." }),
});

function deny(
  c: Context<AppEnv>,
  action: "user.manage" | "user.invite_submitter",
  agencyPath?: string,
) {
  const denial = explainDenial(c.var.actor, action, { agencyPath });
  return denial && denialError(denial);
}

/** A one-time link whose secret travels in the URL fragment, out of logs and Referer headers. */
async function issueLink(c: Context<AppEnv>, userId: number, purpose: LinkPurpose, ttlMs: number) {
  const token = newSecret();
  const expiresAt = new Date(c.var.now.getTime() + ttlMs);
  await insertLink(
    c.var.db,
    {
      tokenHash: await hashSecret(token),
      purpose,
      userId,
      createdBy: c.var.identity.userId,
      expiresAt,
    },
    c.var.now,
  );
  const origin = new URL(c.req.url).origin;
  return {
    url: `${origin}/${purpose === "invite" ? "invite" : "reset"}#${token}`,
    expiresAt: expiresAt.toISOString(),
  };
}

async function requireUser(c: Context<AppEnv>, userId: number) {
  const user = await getUserWithPlaces(c.var.db, userId);
  if (!user) throw notFound("用户", "User");
  return user;
}

const listUsersRoute = createRoute({
  method: "get",
  path: "/users",
  operationId: "listUsers",
  summary: "用户列表",
  description:
    "The users the caller manages: every user for an administrator, the submitters of their region for a reviewer.",
  tags: ["accounts"],
  responses: { 200: jsonAnswer("The users.", userListSchema), ...errors(403) },
});

const inviteRoute = createRoute({
  method: "post",
  path: "/invites",
  operationId: "inviteUser",
  summary: "邀请用户",
  description:
    "Creates an account without a password and answers a one-time invitation link (valid 7 days) for the invitee to set one; the link is also e-mailed to the invitee (recorded in the outbox, kind invitation; a failed send does not fail the invitation). Administrators invite anyone; reviewers invite the submitters of agencies in their region. Every agency the body names must lie within the inviter's reach (403 outside_scope). An address that already has an account is 409 (email_taken).",
  tags: ["accounts"],
  request: { body: jsonBody(inviteBody) },
  responses: {
    201: jsonAnswer("The invitation.", inviteCreatedSchema),
    ...WRITE_ERRORS,
    ...errors(404),
    409: errorAnswer("该邮箱已有账号（email_taken）。An account with this e-mail address exists."),
  },
});

const resetLinkRoute = createRoute({
  method: "post",
  path: "/users/{id}/reset-link",
  operationId: "createPasswordResetLink",
  summary: "生成重设密码链接",
  description:
    "A one-time link (valid 24 hours) for the user to set a new password; using it ends the user's sessions. The link is also e-mailed to the user (recorded in the outbox, kind password_reset; a failed send does not fail the route). Administrators only.",
  tags: ["accounts"],
  middleware: [authorize("user.manage")],
  request: { params: userPath },
  responses: {
    201: jsonAnswer("The reset link.", resetLinkSchema),
    ...errors(400, 403, 404),
  },
});

const revokeSessionsRoute = createRoute({
  method: "post",
  path: "/users/{id}/revoke-sessions",
  operationId: "revokeUserSessions",
  summary: "结束用户的所有会话",
  description: "Signs the user out everywhere. Administrators only.",
  tags: ["accounts"],
  middleware: [authorize("user.manage")],
  request: { params: userPath },
  responses: { 204: noContent, ...errors(400, 403, 404) },
});

const updateUserRoute = createRoute({
  method: "patch",
  path: "/users/{id}",
  operationId: "updateUser",
  summary: "修改用户",
  description:
    "Renames, deactivates (ending the user's sessions) or reactivates a user. Administrators only.",
  tags: ["accounts"],
  middleware: [authorize("user.manage")],
  request: { params: userPath, body: jsonBody(userPatch) },
  responses: {
    200: jsonAnswer("The user as changed.", userSchema),
    ...WRITE_ERRORS,
    ...errors(404),
    409: errorAnswer(
      "不能停用唯一的管理员（last_admin）。The last administrator cannot be deactivated.",
    ),
  },
});

export const userRoutes = routeGroup()
  .openapi(listUsersRoute, async (c) => {
    const reach = reachOf(c.var.actor, "user.invite_submitter");
    if (reach.kind === "everywhere")
      return c.json({ items: (await listUsers(c.var.db, {})).map(presentUser) }, 200);
    if (reach.kind !== "subtree") throw deny(c, "user.invite_submitter")!;
    const rows = await listUsers(c.var.db, { regionPath: reach.rootPath });
    return c.json({ items: rows.map(presentUser) }, 200);
  })
  .openapi(inviteRoute, async (c) => {
    const body = c.req.valid("json");
    const db = c.var.db;
    // Every agency the body names must lie within the inviter's reach: the target of the write,
    // not whichever id happens to be checked.
    const named = [body.agency_id, body.region_agency_id].filter((id) => id !== undefined);
    for (const agencyId of named.length > 0 ? named : [undefined]) {
      const agency = agencyId === undefined ? undefined : await getAgency(db, agencyId);
      if (agencyId !== undefined && !agency) throw notFound("机构", "Agency");
      const refusal =
        body.role === "submitter"
          ? deny(c, "user.invite_submitter", agency?.path)
          : deny(c, "user.manage");
      if (refusal) throw refusal;
    }
    const fields = unusedScopeFields.safeParse(body);
    if (!fields.success) throw validationFailed(describeIssues(fields.error));
    if (await findUserByEmail(db, body.email)) {
      throw new ApiError(
        409,
        "email_taken",
        "该邮箱已有账号",
        "An account with this e-mail address exists",
        {},
        [
          {
            path: "email",
            code: "email_taken",
            message: "该邮箱已有账号",
            message_en: "already registered",
          },
        ],
      );
    }
    const user = await insertUser(
      db,
      {
        email: body.email,
        name: body.name,
        role: body.role,
        agencyId: body.role === "submitter" ? (body.agency_id ?? null) : null,
        regionAgencyId: body.role === "reviewer" ? (body.region_agency_id ?? null) : null,
        passwordHash: null,
      },
      c.var.now,
    );
    const link = await issueLink(c, user.id, "invite", INVITE_TTL_MS);
    await audit(c, "user.invite", `user:${user.id}`, { email: user.email, role: user.role });
    const places = await getUserWithPlaces(db, user.id);
    const invitation = invitationEmail({
      inviteeName: user.name,
      inviterName: c.var.identity.name,
      role: user.role,
      place: places?.agencyName ?? places?.regionName ?? null,
      url: link.url,
      expiresAt: link.expiresAt,
    });
    await sendEmail(
      db,
      c.env,
      { userId: user.id, to: user.email, kind: "invitation", ...invitation },
      c.var.now,
    );
    return c.json({ user_id: user.id, invite_url: link.url, expires_at: link.expiresAt }, 201);
  })
  .openapi(resetLinkRoute, async (c) => {
    const user = await requireUser(c, c.req.valid("param").id);
    const link = await issueLink(c, user.user.id, "reset", RESET_TTL_MS);
    await audit(c, "user.reset_link", `user:${user.user.id}`);
    const reset = passwordResetEmail({
      userName: user.user.name,
      actorName: c.var.identity.name,
      url: link.url,
      expiresAt: link.expiresAt,
    });
    await sendEmail(
      c.var.db,
      c.env,
      { userId: user.user.id, to: user.user.email, kind: "password_reset", ...reset },
      c.var.now,
    );
    return c.json({ reset_url: link.url, expires_at: link.expiresAt }, 201);
  })
  .openapi(revokeSessionsRoute, async (c) => {
    const user = await requireUser(c, c.req.valid("param").id);
    await revokeUserSessions(c.var.db, user.user.id, c.var.now);
    await audit(c, "user.revoke_sessions", `user:${user.user.id}`);
    return c.body(null, 204);
  })
  .openapi(updateUserRoute, async (c) => {
    const user = await requireUser(c, c.req.valid("param").id);
    const patch = c.req.valid("json");
    if (
      patch.active === false &&
      user.user.role === "admin" &&
      (await countAdmins(c.var.db)) <= 1
    ) {
      throw new ApiError(
        409,
        "last_admin",
        "不能停用唯一的管理员",
        "The last administrator cannot be deactivated",
      );
    }
    // An empty patch changes nothing (as for agencies): there is nothing to write.
    if (Object.keys(patch).length > 0) await updateUser(c.var.db, user.user.id, patch);
    if (patch.active === false) await revokeUserSessions(c.var.db, user.user.id, c.var.now);
    await audit(c, "user.update", `user:${user.user.id}`, patch);
    return c.json(presentUser((await getUserWithPlaces(c.var.db, user.user.id))!), 200);
  });
