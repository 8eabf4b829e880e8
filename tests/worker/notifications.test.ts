import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createDatabase } from "../../worker/db/client";
import { emailOptOuts, emailOutbox } from "../../worker/db/schema";
import { createAgency, requestJson, saveDocument, signIn, type Session } from "./api";
import { validDocument } from "./builders";

/**
 * A region with agency A (its submitter) inside, agency B (its submitter) beside it, the region's
 * reviewer and another region's reviewer: each hand-off must reach exactly its readers.
 */
async function world() {
  const region = await createAgency({
    level: "city",
    kind: "government",
    scope: "region",
    region_code: "870100",
  });
  const otherRegion = await createAgency({
    level: "city",
    kind: "government",
    scope: "region",
    region_code: "860100",
  });
  const a = await createAgency({ parent_id: region.id, region_code: "870100" });
  const b = await createAgency({ parent_id: region.id, region_code: "870100" });
  return {
    a,
    submitterA: await signIn("submitter", { agencyId: a.id }),
    submitterB: await signIn("submitter", { agencyId: b.id }),
    reviewer: await signIn("reviewer", { regionAgencyId: region.id }),
    otherReviewer: await signIn("reviewer", { regionAgencyId: otherRegion.id }),
  };
}

type Listed = {
  items: { kind: string; title: string; body: string; link: string; read: boolean; id: number }[];
  unread: number;
};

const inbox = async (as: Session) => (await requestJson<Listed>("/api/notifications", { as })).body;

const act = (agencyId: number, action: string, as: Session, json: unknown) =>
  requestJson(`/api/agencies/${agencyId}/reports/2022/${action}`, { method: "POST", as, json });

const outboxTo = async (userId: number) =>
  (await createDatabase(env.DB).select().from(emailOutbox).all()).filter(
    (m) => m.userId === userId,
  );

describe("notifications of a report's hand-offs", () => {
  it("tells the region's reviewers of a submission, and the agency's submitters of a return and an approval, and no one else", async () => {
    const w = await world();
    await saveDocument(w.a.id, validDocument(), 0, { as: w.submitterA });
    expect((await act(w.a.id, "submit", w.submitterA, { revision: 1 })).status).toBe(200);

    const submitted = await inbox(w.reviewer);
    expect(submitted.unread).toBe(1);
    expect(submitted.items[0]).toMatchObject({
      kind: "report_submitted",
      link: `/reports/${w.a.id}/2022`,
      read: false,
    });
    expect(submitted.items[0]!.title).toContain(`${w.a.name} 2022 年度报告已提交`);
    expect((await inbox(w.otherReviewer)).items).toEqual([]);
    expect((await inbox(w.submitterA)).items).toEqual([]);

    await act(w.a.id, "return", w.reviewer, { revision: 1, message: "请核对<网站访问量>" });
    const returned = await inbox(w.submitterA);
    expect(returned.items.map((n) => n.kind)).toEqual(["report_returned"]);
    expect(returned.items[0]!.body).toContain("请核对<网站访问量>");
    expect(returned.items[0]!.link).toBe(`/reports/${w.a.id}/2022/edit`);
    expect((await inbox(w.submitterB)).items).toEqual([]);

    await act(w.a.id, "submit", w.submitterA, { revision: 1 });
    await act(w.a.id, "approve", w.reviewer, { revision: 1 });
    expect((await inbox(w.submitterA)).items.map((n) => n.kind)).toEqual([
      "report_approved",
      "report_returned",
    ]);
    expect((await inbox(w.reviewer)).items.map((n) => n.kind)).toEqual([
      "report_submitted",
      "report_submitted",
    ]);

    // Each in-app notice also went out by e-mail, recorded with its escaped bodies.
    const mail = await outboxTo(w.submitterA.userId);
    expect(mail.map((m) => m.kind).sort()).toEqual(["report_approved", "report_returned"]);
    const returnMail = mail.find((m) => m.kind === "report_returned")!;
    expect(returnMail.status).toBe("sent");
    expect(returnMail.html).toContain("请核对&lt;网站访问量&gt;");
    expect(returnMail.html).not.toContain("<网站访问量>");
    expect(returnMail.text).toContain(`/reports/${w.a.id}/2022/edit`);
  });

  it("calls a submission of a published report a correction", async () => {
    const w = await world();
    await saveDocument(w.a.id, validDocument(), 0, { as: w.submitterA });
    await act(w.a.id, "submit", w.submitterA, { revision: 1 });
    await act(w.a.id, "approve", w.reviewer, { revision: 1 });
    await saveDocument(
      w.a.id,
      validDocument(2022, (d) => (d.metrics!.website_visits = 5)),
      1,
      {
        as: w.submitterA,
        note: "更正网站访问量",
      },
    );
    await act(w.a.id, "submit", w.submitterA, { revision: 2 });
    expect((await inbox(w.reviewer)).items[0]!.kind).toBe("correction_submitted");
  });

  it("sends no e-mail of a kind its reader turned off, and keeps the in-app copy", async () => {
    const w = await world();
    await createDatabase(env.DB)
      .insert(emailOptOuts)
      .values({ userId: w.reviewer.userId, kind: "report_submitted" });
    await saveDocument(w.a.id, validDocument(), 0, { as: w.submitterA });
    await act(w.a.id, "submit", w.submitterA, { revision: 1 });
    expect((await inbox(w.reviewer)).unread).toBe(1);
    expect(await outboxTo(w.reviewer.userId)).toEqual([]);
  });

  it("marks one's own notifications read, one or all, and never another's", async () => {
    const w = await world();
    await saveDocument(w.a.id, validDocument(), 0, { as: w.submitterA });
    await act(w.a.id, "submit", w.submitterA, { revision: 1 });
    const [first] = (await inbox(w.reviewer)).items;
    const stranger = await requestJson(`/api/notifications/${first!.id}/read`, {
      method: "POST",
      as: w.submitterB,
    });
    expect(stranger.status).toBe(404);
    expect((await inbox(w.reviewer)).unread).toBe(1);
    const read = await requestJson(`/api/notifications/${first!.id}/read`, {
      method: "POST",
      as: w.reviewer,
    });
    expect(read.status).toBe(204);
    expect((await inbox(w.reviewer)).unread).toBe(0);
    expect((await inbox(w.reviewer)).items[0]!.read).toBe(true);

    await act(w.a.id, "return", w.reviewer, { revision: 1, message: "补充" });
    await act(w.a.id, "submit", w.submitterA, { revision: 1 });
    expect((await inbox(w.reviewer)).unread).toBe(1);
    expect(
      (await requestJson("/api/notifications/read-all", { method: "POST", as: w.reviewer })).status,
    ).toBe(204);
    expect((await inbox(w.reviewer)).unread).toBe(0);
  });
});

describe("e-mail bodies", () => {
  it("escape every text in the HTML, keep it whole in the plain text, and link to the app", async () => {
    const { emailBody } = await import("../../worker/notify/email-body");
    const body = emailBody(
      {
        title: "A&B <局> 报告",
        body: `退回："请改'访问量'"<script>`,
        link: "/reports/7/2024/edit",
      },
      "https://nianbao.example.cn",
      "张<三>",
    );
    expect(body.subject).toBe("【年报】A&B <局> 报告");
    expect(body.html).toContain("张&lt;三&gt;，您好");
    expect(body.html).toContain("A&amp;B &lt;局&gt; 报告");
    expect(body.html).toContain("退回：&quot;请改&#39;访问量&#39;&quot;&lt;script&gt;");
    expect(body.html).not.toContain("<script>");
    expect(body.html).toContain('href="https://nianbao.example.cn/reports/7/2024/edit"');
    expect(body.text).toContain(`退回："请改'访问量'"<script>`);
    expect(body.text).toContain("查看：https://nianbao.example.cn/reports/7/2024/edit");
  });
});

describe("a notice to many readers", () => {
  it("reaches every one of 40 reviewers of a region (more rows than one D1 statement binds)", async () => {
    const region = await createAgency({
      level: "city",
      kind: "government",
      scope: "region",
      region_code: "830100",
    });
    const agency = await createAgency({ parent_id: region.id, region_code: "830100" });
    const submitter = await signIn("submitter", { agencyId: agency.id });
    const reviewers: Session[] = [];
    for (let i = 0; i < 40; i++)
      reviewers.push(await signIn("reviewer", { regionAgencyId: region.id }));
    await saveDocument(agency.id, validDocument(), 0, { as: submitter });
    expect((await act(agency.id, "submit", submitter, { revision: 1 })).status).toBe(200);
    for (const reviewer of [reviewers[0]!, reviewers[39]!])
      expect((await inbox(reviewer)).unread).toBe(1);
  });
});
