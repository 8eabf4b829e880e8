import { test as base } from "@playwright/test";

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

export { expect } from "@playwright/test";
export type { APIRequestContext, Browser, Page } from "@playwright/test";
