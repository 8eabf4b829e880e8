import { describe, expect, it } from "vitest";
import {
  admin,
  createAgency,
  readOutbox,
  requestJson,
  saveDocument,
  signIn,
  type Session,
} from "./api";
import { validDocument } from "./builders";

async function region() {
  const root = await createAgency({
    level: "city",
    kind: "government",
    scope: "region",
    region_code: "840100",
  });
  const draft = await createAgency({
    parent_id: root.id,
    region_code: "840100",
    name: `草稿局${root.id}`,
  });
  const none = await createAgency({
    parent_id: root.id,
    region_code: "840100",
    name: `未填局${root.id}`,
  });
  const submitted = await createAgency({
    parent_id: root.id,
    region_code: "840100",
    name: `已交局${root.id}`,
  });
  await createAgency({ parent_id: root.id, region_code: "840100", name: `无人局${root.id}` });
  const people = {
    draftUser: await signIn("submitter", { agencyId: draft.id }),
    noneUser: await signIn("submitter", { agencyId: none.id }),
    submittedUser: await signIn("submitter", { agencyId: submitted.id }),
    reviewer: await signIn("reviewer", { regionAgencyId: root.id }),
  };
  await saveDocument(draft.id, validDocument(), 0, { as: people.draftUser });
  await saveDocument(submitted.id, validDocument(), 0, { as: people.submittedUser });
  await requestJson(`/api/agencies/${submitted.id}/reports/2022/submit`, {
    method: "POST",
    as: people.submittedUser,
    json: { revision: 1 },
  });
  return { root, agencies: { draft, none, submitted }, ...people };
}

const chase = (as: Session, json: unknown, preview = false) =>
  requestJson(`/api/chase${preview ? "/preview" : ""}`, { method: "POST", as, json });

const kinds = async (as: Session) =>
  (
    await requestJson<{ items: { kind: string; title: string }[] }>("/api/notifications", { as })
  ).body.items
    .filter((n) => n.kind === "chase")
    .map((n) => n.title);

describe("催报", () => {
  it("previews, then reminds every agency of the region that has not submitted, once a day, and records it", async () => {
    const r = await region();
    const preview = await chase(r.reviewer, { year: 2022, under: r.root.id }, true);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      agencies: 4,
      recipients: 2,
      without_submitter: 2,
      chased_today: 0,
    });
    // The region's own government has not reported either (and nobody reports for it here).
    expect(preview.body.names).toEqual(
      expect.arrayContaining([r.root.name, `草稿局${r.root.id}`, `未填局${r.root.id}`]),
    );
    expect(preview.body.title).toContain("催报：");
    expect(await kinds(r.draftUser)).toEqual([]);

    const sent = await chase(r.reviewer, { year: 2022, under: r.root.id });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ agencies: 2, recipients: 2 });
    expect(await kinds(r.draftUser)).toEqual([`催报：草稿局${r.root.id} 2022 年度报告尚未提交`]);
    expect(await kinds(r.noneUser)).toEqual([`催报：未填局${r.root.id} 2022 年度报告尚未提交`]);
    expect(await kinds(r.submittedUser)).toEqual([]);

    // The same day again: told, not sent.
    expect(
      (await chase(r.reviewer, { year: 2022, under: r.root.id }, true)).body.chased_today,
    ).toBe(2);
    expect((await chase(r.reviewer, { year: 2022, under: r.root.id })).body).toEqual({
      agencies: 0,
      recipients: 0,
    });
    expect(await kinds(r.draftUser)).toHaveLength(1);

    const log = await requestJson<{ items: { action: string; target: string }[] }>(
      "/api/audit?action=report.chase",
      { as: await admin() },
    );
    expect(log.body.items.filter((e) => e.target === `agency:${r.root.id}/year:2022`)).toHaveLength(
      2,
    );
  });

  it("reminds one agency when it is named, only inside the region, and never by a submitter", async () => {
    const r = await region();
    const one = await chase(r.reviewer, {
      year: 2022,
      under: r.root.id,
      agency_id: r.agencies.draft.id,
    });
    expect(one.body).toEqual({ agencies: 1, recipients: 1 });
    expect(await kinds(r.draftUser)).toHaveLength(1);
    expect(await kinds(r.noneUser)).toEqual([]);
    const other = await region();
    const outside = await chase(r.reviewer, {
      year: 2022,
      under: r.root.id,
      agency_id: other.agencies.draft.id,
    });
    expect(outside.status).toBe(404);
    expect((await chase(r.draftUser, { year: 2022, under: r.root.id })).status).toBe(403);
  });

  it("is rate limited per region", async () => {
    const r = await region();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await chase(r.reviewer, { year: 2022, under: r.root.id })).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses[5]).toBe(429);
  });

  it("counts and tells each agency's own submitters, by e-mail only those who kept it", async () => {
    const r = await region();
    const second = await signIn("submitter", { agencyId: r.agencies.draft.id });
    const settings = await requestJson("/api/notifications/email-settings", {
      method: "PUT",
      as: second,
      json: { kinds: { chase: false } },
    });
    expect(settings.status).toBe(200);
    // Another region's submitters are nobody this region's 催报 counts.
    await region();

    const preview = await chase(r.reviewer, { year: 2022, under: r.root.id }, true);
    expect(preview.body).toMatchObject({ agencies: 4, recipients: 3, without_submitter: 2 });
    const since = new Date().toISOString();
    expect((await chase(r.reviewer, { year: 2022, under: r.root.id })).body).toEqual({
      agencies: 2,
      recipients: 3,
    });
    expect(await kinds(second)).toEqual([`催报：草稿局${r.root.id} 2022 年度报告尚未提交`]);
    const outbox = await readOutbox();
    const mailed = outbox.items.filter((m) => m.kind === "chase" && m.created_at >= since);
    expect(mailed).toHaveLength(2);
    const secondUser = await requestJson<{ user: { email: string } }>("/api/auth/session", {
      as: second,
    });
    expect(mailed.map((m) => m.to)).not.toContain(secondUser.body.user.email);
  });
});
