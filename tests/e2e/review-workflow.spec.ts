import { acceptInvite, expect, inviteSubmitter, saveDocument, signIn, test } from "./test";
import { DEMO_LOGINS } from "../../scripts/seed/demo-users";
import { fixture00As } from "./fixture-document";

const YEAR = 2025;

/** Fixture 00's figures as a 2025 report: every rule holds. */
const document = (websiteVisits: number) => JSON.stringify(fixture00As(YEAR, websiteVisits));

test("an invited submitter's report goes through review and then reaches the public API", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const agencies = await (
    await request.get("/api/agencies?region=99&kind=department&level=county&limit=1")
  ).json();
  const agency = agencies.items[0] as { id: number; name: string };

  // The admin invites a submitter for the agency.
  const adminPage = await signIn(browser, DEMO_LOGINS.admin);
  await adminPage.goto("/admin/users");
  const inviteUrl = await inviteSubmitter(adminPage, agency, {
    email: `tianbao-${Date.now()}@example.gov.cn`,
    name: "王填报",
  });

  // The submitter sets a password, uploads the report and submits it.
  const submitter = await acceptInvite(browser, inviteUrl, "填报员的新密码 2026");
  await expect(submitter.getByText("王填报")).toBeVisible();
  await submitter.goto(`/reports/${agency.id}/${YEAR}`);
  await saveDocument(submitter, document(1_000), 1);
  await expect(submitter.getByText("草稿").first()).toBeVisible();
  await submitter.getByRole("button", { name: "提交", exact: true }).click();
  await expect(submitter.getByText("已提交审核。")).toBeVisible();

  // A reviewer of the province returns it with a comment.
  const reviewer = await signIn(browser, DEMO_LOGINS.reviewer);
  await reviewer.goto(`/reports/${agency.id}/${YEAR}`);
  await reviewer.getByLabel("退回意见").fill("网站访问量明显偏低，请核对");
  await reviewer.getByRole("button", { name: "退回", exact: true }).click();
  await expect(reviewer.getByText("已退回修改。")).toBeVisible();

  // The submitter sees the comment, fixes the figure and resubmits.
  await submitter.reload();
  await expect(submitter.getByText("网站访问量明显偏低，请核对")).toBeVisible();
  await saveDocument(submitter, document(5_820_000), 2);
  await submitter.getByRole("button", { name: "提交", exact: true }).click();
  await expect(submitter.getByText("已提交审核。")).toBeVisible();

  // Before approval the public does not see it; after, the open API shows the fixed figure.
  expect((await request.get(`/api/agencies/${agency.id}/reports/${YEAR}`)).status()).toBe(404);
  await reviewer.reload();
  await reviewer.getByRole("button", { name: "通过并发布" }).click();
  await reviewer.getByRole("button", { name: "确定通过" }).click();
  await expect(reviewer.getByText("已通过并发布。")).toBeVisible();

  const published = await request.get(`/api/agencies/${agency.id}/reports/${YEAR}`);
  expect(published.status()).toBe(200);
  expect((await published.json()).document.metrics.website_visits).toBe(5_820_000);
});
