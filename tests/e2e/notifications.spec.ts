import { DEMO_LOGINS } from "../../scripts/seed/demo-users";
import { fixture00As } from "./fixture-document";
import {
  acceptInvite,
  expect,
  inviteSubmitter,
  saveDocument,
  signIn,
  test,
  type Page,
} from "./test";

const YEAR = 2025;

/** The number the bell says, from its accessible name (通知 3 条未读 or 通知 没有未读). */
async function bellCount(page: Page): Promise<number> {
  const bell = page.getByRole("button", { name: /^通知 (\d+ 条未读|没有未读)$/ });
  await expect(bell).toBeVisible();
  const label = (await bell.getAttribute("aria-label")) ?? "";
  const match = /(\d+) 条未读/.exec(label);
  return match ? Number(match[1]) : 0;
}

interface Missing {
  id: number;
  name: string;
}

test("a submission raises the reviewer's bell and its link opens the report; 催报 reaches the outbox", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const started = new Date().toISOString();
  const reviewer = await signIn(browser, DEMO_LOGINS.reviewer);
  const session = await (await reviewer.request.get("/api/auth/session")).json();
  const under = session.user.region_agency_id as number;

  // A county department of the reviewer's region with no report for the year, past the first
  // three (which the season and review tests write to).
  const departments = await (
    await reviewer.request.get("/api/agencies?region=99&kind=department&level=county&limit=200")
  ).json();
  const candidates = (departments.items as { id: number }[]).slice(3).map((a) => a.id);
  const overview = await (
    await reviewer.request.get(`/api/overview?year=${YEAR}&under=${under}&limit=1000`)
  ).json();
  const missing = overview.completeness.missing.items as Missing[];
  // One with last year's report published, as most agencies have: its form opens on last
  // year's figures (and the review queue's first report, which the page checks open, is whole).
  let agency: Missing | undefined;
  for (const candidate of missing.filter((a) => candidates.includes(a.id))) {
    const last = await reviewer.request.get(
      `/api/agencies/${candidate.id}/reports/${YEAR - 1}?version=published`,
    );
    if (last.ok()) {
      agency = candidate;
      break;
    }
  }
  if (!agency) throw new Error("no county department without a report and last year's published");

  await reviewer.goto("/review");
  const before = await bellCount(reviewer);

  // The admin invites a submitter for it; the submitter saves and submits the report.
  const admin = await signIn(browser, DEMO_LOGINS.admin);
  await admin.goto("/admin/users");
  const inviteUrl = await inviteSubmitter(admin, agency, {
    email: `bell-${Date.now()}@example.gov.cn`,
    name: "钱填报",
  });
  const submitter = await acceptInvite(browser, inviteUrl, "钱填报的新密码 2026");
  await expect(submitter.getByText("钱填报")).toBeVisible();
  await submitter.goto(`/reports/${agency.id}/${YEAR}`);
  await saveDocument(submitter, JSON.stringify(fixture00As(YEAR, 12_345)), 1);
  await submitter.getByRole("button", { name: "提交", exact: true }).click();
  await expect(submitter.getByText("已提交审核。")).toBeVisible();

  // The reviewer's bell rises by one on the next page it opens; its link opens the report.
  await reviewer.getByRole("link", { name: "数据看板" }).click();
  await expect(reviewer.getByRole("button", { name: `通知 ${before + 1} 条未读` })).toBeVisible();
  await reviewer.getByRole("button", { name: /^通知 / }).click();
  const panel = reviewer.getByRole("region", { name: "通知" });
  const title = `${agency.name} ${YEAR} 年度报告已提交，待审核`;
  await expect(panel.getByRole("link", { name: title })).toBeVisible();
  await expect(panel.getByText("钱填报 提交了报告，请审核。")).toBeVisible();
  await panel.getByRole("link", { name: title }).click();
  await expect(reviewer).toHaveURL(`/reports/${agency.id}/${YEAR}`);
  await expect(reviewer.getByRole("button", { name: "通过并发布" })).toBeVisible();
  await expect(
    reviewer.getByRole("button", { name: new RegExp(`^通知 (没有未读|${before} 条未读)$`) }),
  ).toBeVisible();

  // 催报: the reviewer reminds every agency of the region that has not submitted.
  await reviewer.goto(`/dashboard?year=${YEAR}&under=${under}`);
  await reviewer.getByRole("button", { name: "催报全部未提交机构" }).click();
  const dialog = reviewer.getByRole("dialog", { name: `催报：${YEAR} 年度尚未提交的机构` });
  // Who has not submitted, from the overview's counts: not started, drafts and returned reports.
  const after = await (
    await reviewer.request.get(`/api/overview?year=${YEAR}&under=${under}&basis=current&limit=1`)
  ).json();
  const { missing: none, draft, returned } = after.completeness.totals;
  const unsubmitted = none + draft + returned;
  let recipients = 0;
  if (test.info().retry === 0) {
    // (A retry finds them reminded today already: nobody is reminded twice a day.)
    await expect(dialog).toContainText(`${unsubmitted} 个机构尚未提交报告`);
    const nobody = Number(
      /(\d+) 个机构没有填报员账号/.exec((await dialog.textContent()) ?? "")?.[1] ?? 0,
    );
    await expect(dialog).not.toContainText(agency.name);
    const send = dialog.getByRole("button", { name: /^发送提醒（\d+ 人）$/ });
    recipients = Number(/（(\d+) 人）/.exec((await send.textContent()) ?? "")![1]);
    expect(recipients).toBeGreaterThan(0);
    await send.click();
    await expect(dialog.getByRole("status")).toHaveText(
      `已提醒 ${unsubmitted - nobody} 个机构的 ${recipients} 位填报员。`,
    );
  }
  await dialog.getByRole("button", { name: "关闭" }).click();

  // The admin's outbox shows the reminders, as their readers get them.
  await admin.getByRole("link", { name: "发件箱" }).click();
  await expect(admin).toHaveURL("/admin/outbox");
  const outbox = await (await admin.request.get("/api/outbox?limit=100")).json();
  const chases = (
    outbox.items as { kind: string; subject: string; to: string; created_at: string }[]
  ).filter((m) => m.kind === "chase" && m.created_at >= started);
  if (test.info().retry === 0) expect(chases).toHaveLength(recipients);
  expect(chases.length).toBeGreaterThan(0);
  const newest = chases[0]!;
  const message = admin.getByRole("listitem").filter({ hasText: newest.subject }).first();
  await expect(message).toContainText("催报");
  await expect(message).toContainText(newest.to);
  await message.getByText(newest.subject).click();
  // The text body as its reader gets it, linking to the report's form.
  await expect(message.locator("pre")).toContainText("报告尚未提交，请尽快完成填报并提交审核。");
  await expect(message.locator("pre")).toContainText(new RegExp(`/reports/\\d+/${YEAR}/edit`));
  // And the HTML body, framed from its own sandboxed page.
  await expect(
    message.frameLocator("iframe").getByText("报告尚未提交，请尽快完成填报并提交审核。"),
  ).toBeVisible();
});
