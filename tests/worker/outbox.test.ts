import { describe, expect, it } from "vitest";
import {
  admin,
  createAgency,
  createUser,
  login,
  PASSWORD,
  readOutbox,
  request,
  requestJson,
  saveDocument,
} from "./api";
import { validDocument } from "./builders";

const outbox = (query = "") => readOutbox(query);

async function person(
  role: "submitter" | "reviewer",
  places: { agencyId?: number; regionAgencyId?: number },
) {
  const user = await createUser(role, places);
  return { ...user, session: await login(user.email, PASSWORD, user.id) };
}

describe("the administrator's outbox", () => {
  it("lists what a submission and a 催报 sent, newest first, with each recipient's name, a page at a time", async () => {
    const region = await createAgency({
      level: "city",
      kind: "government",
      scope: "region",
      region_code: "810100",
    });
    const done = await createAgency({ parent_id: region.id, region_code: "810100" });
    const late = await createAgency({
      parent_id: region.id,
      region_code: "810100",
      name: `迟交局${region.id}`,
    });
    const doneSubmitter = await person("submitter", { agencyId: done.id });
    const lateSubmitter = await person("submitter", { agencyId: late.id });
    const reviewer = await person("reviewer", { regionAgencyId: region.id });
    const before = (await outbox()).total;

    await saveDocument(done.id, validDocument(), 0, { as: doneSubmitter.session });
    await requestJson(`/api/agencies/${done.id}/reports/2022/submit`, {
      method: "POST",
      as: doneSubmitter.session,
      json: { revision: 1 },
    });
    const chased = await requestJson("/api/chase", {
      method: "POST",
      as: reviewer.session,
      json: { year: 2022, under: region.id },
    });
    expect(chased.body).toEqual({ agencies: 1, recipients: 1 });

    const all = await outbox();
    expect(all.total).toBe(before + 2);
    const [chase, submitted] = all.items;
    expect(chase).toMatchObject({
      to: lateSubmitter.email,
      user_name: "测试submitter",
      kind: "chase",
      subject: `【年报】催报：迟交局${region.id} 2022 年度报告尚未提交`,
      status: "sent",
      error: null,
    });
    expect(chase!.text).toContain(`/reports/${late.id}/2022/edit`);
    expect(submitted).toMatchObject({
      to: reviewer.email,
      user_name: "测试reviewer",
      kind: "report_submitted",
      status: "sent",
    });
    expect(submitted!.html).toContain(`/reports/${done.id}/2022`);
    expect(Date.parse(chase!.created_at)).toBeGreaterThanOrEqual(Date.parse(submitted!.created_at));

    expect((await outbox("?limit=1")).items.map((m) => m.id)).toEqual([chase!.id]);
    const second = await outbox("?limit=1&offset=1");
    expect(second.items.map((m) => m.id)).toEqual([submitted!.id]);
    expect(second.total).toBe(before + 2);
  });

  it("pages 1 to 100 messages at a time, 30 unless asked", async () => {
    const as = await admin();
    for (const query of ["?limit=0", "?limit=101", "?offset=-1", "?limit=1.5", "?page=2"]) {
      const refused = await requestJson(`/api/outbox${query}`, { as });
      expect(refused.status, query).toBe(400);
    }
    // Thirty-one invitations: one e-mail each.
    for (let i = 0; i < 31; i++) {
      await requestJson("/api/invites", {
        method: "POST",
        as,
        json: {
          email: `outbox-${i}-${Date.now()}@example.gov.cn`,
          name: `受邀${i}`,
          role: "admin",
        },
      });
    }
    expect((await outbox()).items).toHaveLength(30);
    expect((await outbox("?limit=100")).items.length).toBeGreaterThanOrEqual(31);
  });

  it("answers one message's HTML for a sandboxed frame of this site only, to administrators", async () => {
    const agency = await createAgency({ name: `框<局>${Date.now()}` });
    const invitee = `frame-${Date.now()}@example.gov.cn`;
    await requestJson("/api/invites", {
      method: "POST",
      as: await admin(),
      json: { email: invitee, name: "帧<测>", role: "submitter", agency_id: agency.id },
    });
    const message = (await readOutbox()).items.find((m) => m.to === invitee)!;

    const page = await request(`/api/outbox/${message.id}/html`, { as: await admin() });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const policy = page.headers.get("content-security-policy")!;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy.split("; ")).toContain("sandbox");
    expect(policy).not.toMatch(/script-src/);
    expect(page.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    const html = await page.text();
    expect(html).toBe(message.html);
    expect(html).toContain("帧&lt;测&gt;");
    expect(html).not.toContain("帧<测>");

    const reviewer = await person("reviewer", { regionAgencyId: agency.id });
    const refused = await request(`/api/outbox/${message.id}/html`, { as: reviewer.session });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("x-frame-options")).toBe("DENY");
    const missing = await request(`/api/outbox/${message.id + 100000}/html`, {
      as: await admin(),
    });
    expect(missing.status).toBe(404);
  });
});
