import { defineConfig } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "./scripts/lib/chromium-launch";

const port = Number(process.env.E2E_PORT ?? 8799);

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: process.env.CI ? "list" : "line",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "zh-CN",
    // A click on a control that never becomes enabled fails here, naming the control, rather
    // than at the test's timeout.
    actionTimeout: 20_000,
    launchOptions: CHROMIUM_LAUNCH,
  },
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "ignore",
    stderr: "pipe",
  },
});
