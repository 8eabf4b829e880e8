import { createExecutionContext, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import app from "../../worker/index";
import { admin, createAgency, login, readOutbox, requestJson, type Session } from "./api";

/** The outbox's messages to one address, newest first. */
const mailTo = async (address: string) =>
  (await readOutbox()).items.filter((m) => m.to === address);

let serial = 0;
const address = () => `mail-${Date.now().toString(36)}-${++serial}@example.gov.cn`;

const invite = async (json: Record<string, unknown>, as?: Session) =>
  requestJson<{ user_id: number; invite_url: string; expires_at: string }>("/api/invites", {
    method: "POST",
    as: as ?? (await admin()),
    json,
  });

describe("e-mails with one-time links", () => {
  it("e-mail an invitation with the link the route answers, every name escaped, and the link works", async () => {
    const agency = await createAgency({ name: `示范<局>&"办"${Date.now()}` });
    const to = address();
    const invited = await invite({
      email: to,
      name: `王<五>&'六'`,
      role: "submitter",
      agency_id: agency.id,
    });
    expect(invited.status).toBe(201);
    expect(Object.keys(invited.body).sort()).toEqual(["expires_at", "invite_url", "user_id"]);

    const [mail, ...more] = await mailTo(to);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({
      kind: "invitation",
      user_name: `王<五>&'六'`,
      status: "sent",
      error: null,
    });
    expect(mail!.subject).toContain("邀请");
    expect(mail!.text).toContain(invited.body.invite_url);
    expect(mail!.text).toContain(`王<五>&'六'，您好`);
    expect(mail!.text).toContain(agency.name);
    expect(mail!.html).toContain(`href="${invited.body.invite_url}"`);
    expect(mail!.html).toContain("王&lt;五&gt;&amp;&#39;六&#39;，您好");
    expect(mail!.html).toContain("示范&lt;局&gt;&amp;&quot;办&quot;");
    expect(mail!.html).not.toContain("<五>");
    expect(mail!.html).not.toContain("<局>");
    // 7 days ahead, in Beijing time to the minute.
    const expires = new Date(Date.parse(invited.body.expires_at) + 8 * 3_600_000);
    expect(mail!.text).toContain(expires.toISOString().slice(0, 16).replace("T", " "));

    // The e-mailed link is the invitation: it sets the password, and the account starts with
    // no notification of its own invitation.
    const secret = /\/invite#(\S+)/.exec(mail!.text)![1]!;
    const accepted = await requestJson(`/api/auth/invites/${secret}/accept`, {
      method: "POST",
      json: { password: "新密码 secret 2026" },
    });
    expect(accepted.status).toBe(200);
    const session = await login(to, "新密码 secret 2026", invited.body.user_id);
    expect((await requestJson("/api/notifications", { as: session })).body).toEqual({
      items: [],
      unread: 0,
    });
  });

  it("e-mail a password reset link to the user's own address", async () => {
    const to = address();
    const invited = await invite({ email: to, name: "李<四>", role: "admin" });
    const reset = await requestJson<{ reset_url: string }>(
      `/api/users/${invited.body.user_id}/reset-link`,
      { method: "POST", as: await admin() },
    );
    expect(reset.status).toBe(201);
    const [mail] = await mailTo(to);
    expect(mail).toMatchObject({ kind: "password_reset", user_name: "李<四>", status: "sent" });
    expect(mail!.text).toContain(reset.body.reset_url);
    expect(mail!.html).toContain(`href="${reset.body.reset_url}"`);
    expect(mail!.html).toContain("李&lt;四&gt;，您好");
    expect(mail!.html).not.toContain("<四>");
  });

  it("still invite and reset when the e-mail cannot be sent, recording the failure", async () => {
    const as = await admin();
    const failing = {
      ...env,
      EMAIL: {
        send: () => Promise.reject(new Error("邮件服务不可用")),
      },
    };
    const post = (path: string, json?: unknown) =>
      app.request(
        `http://localhost${path}`,
        {
          method: "POST",
          headers: {
            cookie: as.cookie,
            "x-csrf-token": as.csrf,
            ...(json ? { "content-type": "application/json" } : {}),
          },
          body: json ? JSON.stringify(json) : undefined,
        },
        failing,
        createExecutionContext(),
      );
    const to = address();
    const invited = await post("/api/invites", { email: to, name: "赵六", role: "admin" });
    expect(invited.status).toBe(201);
    const { user_id } = await invited.json<{ user_id: number }>();
    expect((await post(`/api/users/${user_id}/reset-link`)).status).toBe(201);

    const mail = await mailTo(to);
    expect(mail.map((m) => [m.kind, m.status, m.error])).toEqual([
      ["password_reset", "failed", "邮件服务不可用"],
      ["invitation", "failed", "邮件服务不可用"],
    ]);
  });
});
