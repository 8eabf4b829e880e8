import { expect, test as base, type Browser, type Page } from "@playwright/test";

/**
 * Playwright's `test`, closing after each test every browser context the test opened itself
 * (`browser.newContext`): the browser lives as long as the worker, and pages left open keep
 * talking to the one local server the next tests use.
 */
export const test = base.extend<{ closeOpenedContexts: void }>({
  closeOpenedContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      await Promise.all(
        browser
          .contexts()
          .filter((context) => !before.has(context))
          .map((context) => context.close()),
      );
    },
    { auto: true },
  ],
});

export { expect };
export type { APIRequestContext, Browser, Page } from "@playwright/test";

interface Login {
  email: string;
  password: string;
}

/** Signs `page` in through the login page, as a person does. */
export async function logIn(page: Page, login: Login): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("邮箱").fill(login.email);
  await page.getByLabel("密码").fill(login.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** A page in a new zh-CN context, signed in as `login`. */
export async function signIn(
  browser: Browser,
  login: Login,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await (await browser.newContext({ locale: "zh-CN", viewport })).newPage();
  await logIn(page, login);
  return page;
}

/** The agency of the signed-in user. */
export async function signedInAgency(page: Page): Promise<number> {
  const session = await (await page.request.get("/api/auth/session")).json();
  return session.user.agency_id as number;
}

/**
 * On the users page, invites a submitter for `agency` and answers the one-time link, which the
 * page says was also e-mailed to the invitee.
 */
export async function inviteSubmitter(
  admin: Page,
  agency: { name: string },
  invitee: { email: string; name: string },
): Promise<string> {
  const invite = admin.getByRole("region", { name: "邀请用户" });
  await invite.getByLabel("邮箱").fill(invitee.email);
  await invite.getByLabel("姓名").fill(invitee.name);
  await invite.getByLabel("机构：搜索机构名称").fill(agency.name);
  const picker = invite.getByRole("combobox", { name: "机构", exact: true });
  await expect(picker.locator("option", { hasText: agency.name })).toHaveCount(1);
  await picker.selectOption({ label: agency.name });
  await invite.getByRole("button", { name: "生成邀请链接" }).click();
  const inviteUrl = await invite.getByRole("textbox", { name: /邀请链接/ }).inputValue();
  expect(inviteUrl).toMatch(/\/invite#/);
  await expect(invite.getByText(`链接已通过邮件发送至 ${invitee.email}。`)).toBeVisible();
  return inviteUrl;
}

/** Follows an invitation link in a new zh-CN context and sets the password: signed in. */
export async function acceptInvite(
  browser: Browser,
  inviteUrl: string,
  password: string,
): Promise<Page> {
  const page = await (await browser.newContext({ locale: "zh-CN" })).newPage();
  await page.goto(inviteUrl);
  await page.getByLabel("新密码", { exact: true }).fill(password);
  await page.getByLabel("确认新密码").fill(password);
  await page.getByRole("button", { name: "设置密码并登录" }).click();
  return page;
}

/** On a report's page, saves `json` as its next revision and waits until the page shows it. */
export async function saveDocument(page: Page, json: string, revision: number): Promise<void> {
  await page.getByLabel("报告文档（JSON）").fill(json);
  await page.getByRole("button", { name: "保存为新版本" }).click();
  await expect(page.locator("dt", { hasText: /^版本$/ }).locator("+ dd")).toHaveText(
    String(revision),
  );
}
