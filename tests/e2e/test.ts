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
