import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../worker/index";
import { admin, createAgency, requestJson, saveDocument, signIn, type Session } from "./api";
import { validDocument } from "./builders";

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

type Listed = { items: { kind: string; title: string; link: string }[] };
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
