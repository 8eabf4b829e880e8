import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { hashSecret } from "../../worker/auth/secrets";
import {
  admin,
  createAgency,
  createUser,
  login,
  PASSWORD,
  request,
  requestJson,
  saveDocument,
  signIn,
} from "./api";
import { validDocument } from "./builders";

const wrongLogin = (email: string) =>
  request("/api/auth/login", { method: "POST", json: { email, password: "wrong password 1" } });

describe("login", () => {
  it("signs in with a session cookie that is HttpOnly and SameSite, and returns a CSRF token", async () => {
    const user = await createUser("admin");
    const response = await request("/api/auth/login", {
      method: "POST",
      json: { email: user.email.toUpperCase(), password: PASSWORD },
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const body = await response.json<{ csrf_token: string; user: { role: string } }>();
    expect(body.user.role).toBe("admin");
    expect(body.csrf_token.length).toBeGreaterThan(20);
  });

  it("uses a __Host- prefixed Secure cookie over HTTPS", async () => {
    const user = await createUser("admin");
    const response = await (
      await import("../../worker/index")
    ).default.request(
      "https://nianbao.example/api/auth/login",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: user.email, password: PASSWORD }),
      },
      env,
    );
    expect(response.headers.get("set-cookie")).toMatch(/^__Host-nianbao_session=.*Secure/i);
  });

  it("refuses a wrong password with one message for unknown and known accounts", async () => {
    const user = await createUser("submitter");
    const known = await wrongLogin(user.email);
    const unknown = await wrongLogin("nobody-here@example.gov.cn");
    expect(known.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await known.json()).toEqual(await unknown.json());
  });

  it("throttles an account after five failures, even for the right password", async () => {
    const user = await createUser("submitter");
    for (let i = 0; i < 5; i++) expect((await wrongLogin(user.email)).status).toBe(401);
    const locked = await requestJson("/api/auth/login", {
      method: "POST",
      json: { email: user.email, password: PASSWORD },
    });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe("too_many_attempts");
    expect(locked.body.retry_after_seconds).toBeGreaterThan(0);
    expect(locked.headers.get("retry-after")).toBe(String(locked.body.retry_after_seconds));
  });

  it("throttles an address that fails on many accounts", async () => {
    const headers = { "cf-connecting-ip": "203.0.113.77" };
    for (let i = 0; i < 20; i++) {
      await request("/api/auth/login", {
        method: "POST",
        headers,
        json: { email: `guess-${i}@example.gov.cn`, password: "guess guess 1" },
      });
    }
    const user = await createUser("submitter");
    const blocked = await request("/api/auth/login", {
      method: "POST",
      headers,
      json: { email: user.email, password: PASSWORD },
    });
    expect(blocked.status).toBe(429);
    const elsewhere = await request("/api/auth/login", {
      method: "POST",
      headers: { "cf-connecting-ip": "198.51.100.5" },
      json: { email: user.email, password: PASSWORD },
    });
    expect(elsewhere.status).toBe(200);
  });
});

describe("sessions", () => {
  it("ends at logout", async () => {
    const session = await signIn("admin");
    expect((await requestJson("/api/audit", { as: session })).status).toBe(200);
    expect((await request("/api/auth/logout", { method: "POST", as: session })).status).toBe(204);
    expect((await requestJson("/api/audit", { as: session })).status).toBe(401);
  });

  it("ends when it expires", async () => {
    const session = await signIn("admin");
    const secret = session.cookie.split("=")[1]!;
    await env.DB.prepare("UPDATE sessions SET expires_at = ? WHERE id_hash = ?")
      .bind(new Date(Date.now() - 1000).toISOString(), await hashSecret(secret))
      .run();
    expect((await requestJson("/api/audit", { as: session })).status).toBe(401);
  });

  it("ends when an administrator revokes the user's sessions or deactivates the user", async () => {
    const region = await createAgency({ kind: "government", scope: "region" });
    const victim = await createUser("reviewer", { regionAgencyId: region.id });
    const session = await login(victim.email, PASSWORD);
    expect((await requestJson("/api/users", { as: session })).status).toBe(200);
    const revoke = await request(`/api/users/${victim.id}/revoke-sessions`, {
      method: "POST",
      as: await admin(),
    });
    expect(revoke.status).toBe(204);
    expect((await requestJson("/api/users", { as: session })).status).toBe(401);

    const again = await login(victim.email, PASSWORD);
    await requestJson(`/api/users/${victim.id}`, {
      method: "PATCH",
      as: await admin(),
      json: { active: false },
    });
    expect((await requestJson("/api/users", { as: again })).status).toBe(401);
    expect((await wrongLogin(victim.email)).status).toBe(401);
  });

  it("stores only the hash of the session secret", async () => {
    const session = await signIn("admin");
    const secret = session.cookie.split("=")[1]!;
    const rows = await env.DB.prepare("SELECT id_hash FROM sessions").all<{ id_hash: string }>();
    expect(rows.results.some((r) => r.id_hash === secret)).toBe(false);
    expect(rows.results.some((r) => r.id_hash.length === 64)).toBe(true);
  });
});

describe("CSRF", () => {
  it("refuses a cookie-authenticated write without the CSRF token, or with another session's", async () => {
    const session = await signIn("admin");
    const other = await signIn("admin");
    const body = {
      name: "新机构",
      level: "county",
      kind: "department",
      scope: "self",
      parent_id: null,
      region_code: "990101",
    };
    const missing = await requestJson("/api/agencies", {
      method: "POST",
      as: { ...session, csrf: "" },
      json: body,
    });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe("csrf_failed");
    const foreign = await requestJson("/api/agencies", {
      method: "POST",
      as: { ...session, csrf: other.csrf },
      json: body,
    });
    expect(foreign.status).toBe(403);
    const right = await requestJson("/api/agencies", { method: "POST", as: session, json: body });
    expect(right.status).toBe(201);
  });

  it("does not ask API-token requests for one", async () => {
    const agency = await createAgency();
    const token = await requestJson("/api/tokens", {
      method: "POST",
      as: await admin(),
      json: { agency_id: agency.id, name: "系统对接" },
    });
    const saved = await requestJson(`/api/agencies/${agency.id}/reports/2022`, {
      method: "PUT",
      bearer: token.body.token,
      json: { base_revision: 0, document: validDocument() },
    });
    expect(saved.status).toBe(201);
    expect(saved.body.revision.author).toBe("API 令牌「系统对接」");
  });
});

describe("invitations and password resets", () => {
  async function invite(
    agencyId: number,
    email = `new-${Date.now()}-${Math.random()}@example.gov.cn`,
  ) {
    const response = await requestJson("/api/invites", {
      method: "POST",
      as: await admin(),
      json: { email, name: "王填报", role: "submitter", agency_id: agencyId },
    });
    expect(response.status).toBe(201);
    return { email, token: (response.body.invite_url as string).split("#")[1]! };
  }

  it("lets the invitee set a password once, then signs them in", async () => {
    const agency = await createAgency();
    const { email, token } = await invite(agency.id);
    const info = await requestJson(`/api/auth/invites/${token}`);
    expect(info.body).toMatchObject({
      purpose: "invite",
      email,
      agency_name: agency.name,
      role: "submitter",
    });

    const weak = await requestJson(`/api/auth/invites/${token}/accept`, {
      method: "POST",
      json: { password: "short" },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.issues[0].path).toBe("password");

    const accepted = await request(`/api/auth/invites/${token}/accept`, {
      method: "POST",
      json: { password: "一个足够长的密码 2026" },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get("set-cookie")).toMatch(/nianbao_session=/);

    const reuse = await requestJson(`/api/auth/invites/${token}/accept`, {
      method: "POST",
      json: { password: "another long password 9" },
    });
    expect(reuse.status).toBe(410);
    expect(reuse.body.error.code).toBe("invite_used");
    expect((await login(email, "一个足够长的密码 2026")).csrf).toBeTruthy();
  });

  it("refuses an expired invitation", async () => {
    const agency = await createAgency();
    const { token } = await invite(agency.id);
    await env.DB.prepare("UPDATE one_time_links SET expires_at = ? WHERE token_hash = ?")
      .bind(new Date(Date.now() - 1000).toISOString(), await hashSecret(token))
      .run();
    const expired = await requestJson(`/api/auth/invites/${token}/accept`, {
      method: "POST",
      json: { password: "一个足够长的密码 2026" },
    });
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe("invite_expired");
    expect((await requestJson("/api/auth/invites/not-a-real-token-at-all-xxxx")).status).toBe(404);
  });

  it("resets a password through an admin-issued link and ends the old sessions", async () => {
    const user = await createUser("reviewer");
    const before = await login(user.email, PASSWORD);
    const link = await requestJson(`/api/users/${user.id}/reset-link`, {
      method: "POST",
      as: await admin(),
    });
    const token = (link.body.reset_url as string).split("#")[1]!;
    expect(link.body.reset_url).toContain("/reset#");
    const reset = await requestJson(`/api/auth/invites/${token}/accept`, {
      method: "POST",
      json: { password: "brand new password 77" },
    });
    expect(reset.status).toBe(200);
    expect((await requestJson("/api/users", { as: before })).status).toBe(401);
    expect((await wrongLogin(user.email)).status).toBe(401);
    expect((await login(user.email, "brand new password 77")).csrf).toBeTruthy();
  });

  it("lets a reviewer invite submitters only inside their region", async () => {
    const region = await createAgency({ kind: "government", scope: "region" });
    const inside = await createAgency({ parent_id: region.id });
    const outside = await createAgency();
    const reviewer = await signIn("reviewer", { regionAgencyId: region.id });
    const body = (agency_id: number) => ({
      email: `r-${agency_id}-${Date.now()}@example.gov.cn`,
      name: "李",
      role: "submitter",
      agency_id,
    });
    expect(
      (await requestJson("/api/invites", { method: "POST", as: reviewer, json: body(inside.id) }))
        .status,
    ).toBe(201);
    expect(
      (await requestJson("/api/invites", { method: "POST", as: reviewer, json: body(outside.id) }))
        .status,
    ).toBe(403);
    const adminInvite = await requestJson("/api/invites", {
      method: "POST",
      as: reviewer,
      json: { email: `x-${Date.now()}@example.gov.cn`, name: "张", role: "admin" },
    });
    expect(adminInvite.status).toBe(403);

    // A second scope field naming an agency inside the region does not carry an outside one in:
    // every agency the body names is checked against the inviter's reach.
    const smuggled = await requestJson("/api/invites", {
      method: "POST",
      as: reviewer,
      json: { ...body(outside.id), region_agency_id: inside.id },
    });
    expect(smuggled.status).toBe(403);
    expect(smuggled.body.error.code).toBe("outside_scope");
    // Inside the region, the second field is still refused: a submitter has no review scope.
    const extra = await requestJson("/api/invites", {
      method: "POST",
      as: reviewer,
      json: { ...body(inside.id), region_agency_id: inside.id },
    });
    expect(extra.status).toBe(400);
    expect(extra.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      "region_agency_id",
    ]);
    const users = await env.DB.prepare("SELECT COUNT(*) AS n FROM users WHERE agency_id = ?")
      .bind(outside.id)
      .first<{ n: number }>();
    expect(users!.n).toBe(0);
  });
});

describe("API tokens", () => {
  it("are shown once, scoped to one agency, and stop working when revoked", async () => {
    const a = await createAgency();
    const b = await createAgency();
    const created = await requestJson("/api/tokens", {
      method: "POST",
      as: await admin(),
      json: { agency_id: a.id, name: "导入" },
    });
    const token = created.body.token as string;
    expect(token).toMatch(/^nbk_/);
    const listed = await requestJson(`/api/tokens?agency_id=${a.id}`, { as: await admin() });
    expect(JSON.stringify(listed.body)).not.toContain(token);

    const onB = await saveDocument(b.id, validDocument(), 0, {});
    expect(onB.status).toBe(201);
    const foreign = await requestJson(`/api/agencies/${b.id}/reports/2022`, {
      method: "PUT",
      bearer: token,
      json: { base_revision: 1, document: validDocument() },
    });
    expect(foreign.status).toBe(403);
    const manage = await requestJson("/api/tokens", {
      method: "POST",
      bearer: token,
      json: { agency_id: a.id, name: "x" },
    });
    expect(manage.status).toBe(403);

    expect(
      (await request(`/api/tokens/${created.body.id}`, { method: "DELETE", as: await admin() }))
        .status,
    ).toBe(204);
    const revoked = await requestJson(`/api/agencies/${a.id}/reports/2022`, {
      method: "PUT",
      bearer: token,
      json: { base_revision: 0, document: validDocument() },
    });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe("invalid_token");
  });
});

describe("audit log", () => {
  it("records logins and changes with who and from where, and cannot be edited", async () => {
    const user = await createUser("admin");
    await request("/api/auth/login", {
      method: "POST",
      headers: { "cf-connecting-ip": "192.0.2.10" },
      json: { email: user.email, password: PASSWORD },
    });
    const log = await requestJson("/api/audit?action=auth.login", { as: await admin() });
    const entry = log.body.items.find((e: { target: string }) => e.target === `user:${user.id}`);
    expect(entry).toMatchObject({ action: "auth.login", address: "192.0.2.10" });

    await expect(env.DB.prepare("UPDATE audit_log SET action = 'x'").run()).rejects.toThrow(
      /append-only/,
    );
    await expect(env.DB.prepare("DELETE FROM audit_log").run()).rejects.toThrow(/append-only/);
  });
});

describe("hardening", () => {
  it("sends security headers and never leaks internals in errors", async () => {
    const response = await request("/api/health");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const bad = await request("/api/agencies/abc");
    expect(bad.status).toBe(400);
    expect(await bad.text()).not.toMatch(/SQL|at \w+ \(|stack/i);
  });
});
