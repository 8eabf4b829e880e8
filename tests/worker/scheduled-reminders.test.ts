import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../worker/index";
import {
  admin,
  createAgency,
  createUser,
  login,
  PASSWORD,
  requestJson,
  saveDocument,
  signIn,
  type Session,
} from "./api";
import { validDocument } from "./builders";
import { parseThresholds } from "../../worker/notify/reminder-plan";

const YEAR = 2026;
/** Departments report by 31 January, governments by 31 March (China Standard Time). */
const DEPARTMENT_DEADLINE = "2027-01-31";

/** Runs the daily job as the cron would, at 09:00 China Standard Time of `day`. */
async function runAt(day: string) {
  const ctx = createExecutionContext();
  worker.scheduled(
    createScheduledController({ cron: "0 1 * * *", scheduledTime: Date.parse(`${day}T01:00:00Z`) }),
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
}

type Listed = { items: { kind: string; title: string; body: string; link: string }[] };
const kinds = async (as: Session) =>
  (await requestJson<Listed>("/api/notifications", { as })).body.items.map((n) => n.kind);
const titles = async (as: Session) =>
  (await requestJson<Listed>("/api/notifications", { as })).body.items.map((n) => n.title);

describe("the daily reminders (the scheduled handler, on a fixed clock)", () => {
  it("reminds exactly the agencies that have not submitted, once per threshold, and digests the reviewers' queue", async () => {
    await requestJson(`/api/deadlines/${YEAR}`, {
      method: "PUT",
      as: await admin(),
      json: { department_deadline: DEPARTMENT_DEADLINE, government_deadline: "2027-03-31" },
    });
    const region = await createAgency({
      level: "city",
      kind: "government",
      scope: "region",
      region_code: "850100",
    });
    const late = await createAgency({
      parent_id: region.id,
      region_code: "850100",
      name: "迟交局",
    });
    const done = await createAgency({
      parent_id: region.id,
      region_code: "850100",
      name: "已交局",
    });
    const lateSubmitter = await signIn("submitter", { agencyId: late.id });
    const doneSubmitter = await signIn("submitter", { agencyId: done.id });
    const governmentSubmitter = await signIn("submitter", { agencyId: region.id });
    const reviewer = await signIn("reviewer", { regionAgencyId: region.id });
    await saveDocument(done.id, validDocument(YEAR), 0, { as: doneSubmitter });
    await requestJson(`/api/agencies/${done.id}/reports/${YEAR}/submit`, {
      method: "POST",
      as: doneSubmitter,
      json: { revision: 1 },
    });

    // Seven days before the departments' deadline.
    await runAt("2027-01-24");
    expect(await kinds(lateSubmitter)).toEqual(["deadline_reminder"]);
    expect(await titles(lateSubmitter)).toEqual([`迟交局 ${YEAR} 年度报告还有 7 天截止`]);
    expect(await kinds(doneSubmitter)).toEqual([]);
    // The government's deadline is two months away: no reminder yet.
    expect(await kinds(governmentSubmitter)).toEqual([]);
    expect(await kinds(reviewer)).toEqual(["review_digest", "report_submitted"]);

    // A rerun the same day, and the next day (6 days left), send nothing more.
    await runAt("2027-01-24");
    await runAt("2027-01-25");
    expect(await kinds(lateSubmitter)).toEqual(["deadline_reminder"]);
    // The digest is daily: one more on the 25th, none for the rerun.
    expect((await kinds(reviewer)).filter((k) => k === "review_digest")).toHaveLength(2);

    // Three days left, then a missed run: the day after the deadline is the first overdue week.
    await runAt("2027-01-28");
    await runAt("2027-02-01");
    await runAt("2027-02-02");
    await runAt("2027-02-08");
    expect(await titles(lateSubmitter)).toEqual([
      `迟交局 ${YEAR} 年度报告已逾期 8 天`,
      `迟交局 ${YEAR} 年度报告已逾期 1 天`,
      `迟交局 ${YEAR} 年度报告还有 3 天截止`,
      `迟交局 ${YEAR} 年度报告还有 7 天截止`,
    ]);

    // Once submitted, the agency is reminded no more.
    await saveDocument(late.id, validDocument(YEAR), 0, { as: lateSubmitter });
    await requestJson(`/api/agencies/${late.id}/reports/${YEAR}/submit`, {
      method: "POST",
      as: lateSubmitter,
      json: { revision: 1 },
    });
    await runAt("2027-02-15");
    expect(await kinds(lateSubmitter)).toHaveLength(4);
  });
});

describe("the administrators' daily digest", () => {
  it("tells every administrator, once a day, how many reports wait nationwide and how long the oldest has waited", async () => {
    const agency = await createAgency({ region_code: "860200" });
    const submitter = await signIn("submitter", { agencyId: agency.id });
    await saveDocument(agency.id, validDocument(2023), 0, { as: submitter });
    await requestJson(`/api/agencies/${agency.id}/reports/2023/submit`, {
      method: "POST",
      as: submitter,
      json: { revision: 1 },
    });
    // Submitted long ago: the oldest report waiting anywhere.
    await env.DB.prepare(
      "UPDATE reports SET submitted_at = '2020-01-01T00:00:00.000Z' WHERE agency_id = ? AND year = 2023",
    )
      .bind(agency.id)
      .run();
    const waiting = await requestJson<{ total: number }>("/api/reports?status=submitted", {
      as: await admin(),
    });
    const quietUser = await createUser("admin");
    const quiet = await login(quietUser.email, PASSWORD, quietUser.id);
    await requestJson("/api/notifications/email-settings", {
      method: "PUT",
      as: quiet,
      json: { kinds: { review_digest: false } },
    });
    const loudUser = await createUser("admin");
    const loud = await login(loudUser.email, PASSWORD, loudUser.id);

    await runAt("2027-03-01");
    await runAt("2027-03-01");
    for (const reader of [quiet, loud]) {
      const digests = (await requestJson<Listed>("/api/notifications", { as: reader })).body.items;
      expect(digests.map((n) => [n.kind, n.title, n.body, n.link])).toEqual([
        [
          "review_digest",
          `有 ${waiting.body.total} 份报告待审核`,
          "其中最早提交的一份已等待 2616 天。",
          "/review",
        ],
      ]);
    }
    // The e-mail copy goes only to the administrator who kept it on.
    const mail = await requestJson<{ items: { to: string; kind: string }[] }>(
      "/api/outbox?limit=100",
      { as: await admin() },
    );
    const digestsTo = mail.body.items.filter((m) => m.kind === "review_digest").map((m) => m.to);
    expect(digestsTo).toContain(loudUser.email);
    expect(digestsTo).not.toContain(quietUser.email);

    await runAt("2027-03-02");
    expect(await kinds(loud)).toEqual(["review_digest", "review_digest"]);
  });
});

describe("the reminder thresholds (REMINDER_DAYS)", () => {
  it("reads the configured days, largest first, and falls back to 14, 7, 3 and 1", () => {
    expect(parseThresholds("7, 3")).toEqual([7, 3]);
    expect(parseThresholds("3,,14,3")).toEqual([14, 3]);
    expect(parseThresholds("0")).toEqual([0]);
    // Unset or unreadable: the defaults, never "the deadline day only".
    expect(parseThresholds(undefined)).toEqual([14, 7, 3, 1]);
    expect(parseThresholds("")).toEqual([14, 7, 3, 1]);
    expect(parseThresholds("soon")).toEqual([14, 7, 3, 1]);
  });
});
