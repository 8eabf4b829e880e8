import { logIn, expect, test, type Browser, type Page } from "./test";
import { DEMO_LOGINS } from "../../scripts/seed/demo-users";
import { fixture00As } from "./fixture-document";

const YEAR = 2025;

/** Fixture 00's figures as a 2025 report: every rule holds. */
const document = (websiteVisits: number) => JSON.stringify(fixture00As(YEAR, websiteVisits));

async function pageAs(browser: Browser, login?: { email: string; password: string }) {
  const page = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  if (login) await logIn(page, login);
  return page;
}

/** Saves the document and waits until the page shows the new revision. */
async function upload(page: Page, json: string, revision: number) {
  await page.getByLabel("报告文档（JSON）").fill(json);
  await page.getByRole("button", { name: "保存为新版本" }).click();
  await expect(page.locator("dt", { hasText: /^版本$/ }).locator("+ dd")).toHaveText(
    String(revision),
  );
}

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
  const adminPage = await pageAs(browser, DEMO_LOGINS.admin);
  await adminPage.goto("/admin/users");
  const invite = adminPage.getByRole("region", { name: "邀请用户" });
  await invite.getByLabel("邮箱").fill(`tianbao-${Date.now()}@example.gov.cn`);
  await invite.getByLabel("姓名").fill("王填报");
  await invite.getByLabel("机构：搜索机构名称").fill(agency.name);
  const picker = invite.getByRole("combobox", { name: "机构", exact: true });
  await expect(picker.locator("option", { hasText: agency.name })).toHaveCount(1);
  await picker.selectOption({ label: agency.name });
  await invite.getByRole("button", { name: "生成邀请链接" }).click();
  const inviteUrl = await invite.getByRole("textbox", { name: /邀请链接/ }).inputValue();
  expect(inviteUrl).toMatch(/\/invite#/);

  // The submitter sets a password, uploads the report and submits it.
  const submitter = await pageAs(browser);
  await submitter.goto(inviteUrl);
  await submitter.getByLabel("新密码", { exact: true }).fill("填报员的新密码 2026");
  await submitter.getByLabel("确认新密码").fill("填报员的新密码 2026");
  await submitter.getByRole("button", { name: "设置密码并登录" }).click();
  await expect(submitter.getByText("王填报")).toBeVisible();
  await submitter.goto(`/reports/${agency.id}/${YEAR}`);
  await upload(submitter, document(1_000), 1);
  await expect(submitter.getByText("草稿").first()).toBeVisible();
  await submitter.getByRole("button", { name: "提交", exact: true }).click();
  await expect(submitter.getByText("已提交审核。")).toBeVisible();

  // A reviewer of the province returns it with a comment.
  const reviewer = await pageAs(browser, DEMO_LOGINS.reviewer);
  await reviewer.goto(`/reports/${agency.id}/${YEAR}`);
  await reviewer.getByLabel("退回意见").fill("网站访问量明显偏低，请核对");
  await reviewer.getByRole("button", { name: "退回", exact: true }).click();
  await expect(reviewer.getByText("已退回修改。")).toBeVisible();

  // The submitter sees the comment, fixes the figure and resubmits.
  await submitter.reload();
  await expect(submitter.getByText("网站访问量明显偏低，请核对")).toBeVisible();
  await upload(submitter, document(5_820_000), 2);
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
