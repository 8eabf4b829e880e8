// Loads the demo into a local D1: the real fixture reports in their real hierarchy, and a
// synthetic province generated from a seed. Runs the Worker's own query functions inside
// workerd, against the local D1 that `wrangler dev` serves.
//
//   tsx scripts/seed.ts [--persist-to DIR] [--reset] [--small] [--seed N] [--now ISO-TIME]
//
// The latest year is the open season, set around the clock (or --now): the same seed and --now
// load the same data.
import { readFileSync, readdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { runInWorkerd } from "./lib/in-workerd";
import { DEMO_LOGINS } from "./seed/demo-users";
import type { SeedInput, SeedSummary } from "./seed/seed-demo";

const FIXTURES_DIR = new URL("../../shared/fixtures/reports/", import.meta.url);

const { values } = parseArgs({
  options: {
    "persist-to": { type: "string" },
    reset: { type: "boolean", default: false },
    small: { type: "boolean", default: false },
    seed: { type: "string", default: "20260101" },
    now: { type: "string" },
  },
});

const now = values.now ? new Date(values.now) : new Date();
if (Number.isNaN(now.getTime())) throw new Error(`--now ${values.now}: not a date and time`);

/** A string of wrangler.toml's [vars]: the seed's daily job and e-mails run as the app's would. */
function wranglerVar(name: string): string | undefined {
  const match = new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, "m").exec(
    readFileSync("wrangler.toml", "utf8"),
  );
  return match?.[1];
}

const fixtures: SeedInput["fixtures"] = {};
for (const file of readdirSync(FIXTURES_DIR)) {
  if (!file.endsWith(".expected.json")) continue;
  fixtures[file.replace(/\.expected\.json$/, "")] = JSON.parse(
    readFileSync(new URL(file, FIXTURES_DIR), "utf8"),
  ) as SeedInput["fixtures"][string];
}

const summary = await runInWorkerd<SeedSummary>(
  "scripts/seed/seed-worker.ts",
  {
    reset: values.reset,
    small: values.small,
    seed: Number(values.seed),
    now: now.toISOString(),
    settings: {
      EMAIL_FROM: wranglerVar("EMAIL_FROM"),
      APP_URL: wranglerVar("APP_URL"),
      REMINDER_DAYS: wranglerVar("REMINDER_DAYS"),
    },
    fixtures,
  } satisfies SeedInput,
  values["persist-to"],
);
if (summary.skipped) {
  console.log("  演示数据已存在，跳过（--reset 可重新载入）。演示账号：");
  for (const [role, login] of Object.entries(DEMO_LOGINS)) {
    console.log(`    ${role.padEnd(9)} ${login.email.padEnd(28)} ${login.password}`);
  }
} else {
  console.log(
    `  载入 ${summary.agencies} 个机构、${summary.reports} 份报告（${summary.published} 份已发布）`,
  );
  if (summary.season) {
    const { year, departmentDeadline, governmentDeadline } = summary.season;
    console.log(
      `  填报季：${year} 年度，部门截止 ${departmentDeadline}，政府截止 ${governmentDeadline}；` +
        `已发出 ${summary.notifications} 条通知、${summary.emails} 封邮件（见发件箱）`,
    );
  }
  console.log("  演示账号（仅限本地演示数据库）：");
  for (const user of summary.users) {
    console.log(
      `    ${user.role.padEnd(9)} ${user.email.padEnd(28)} ${user.password.padEnd(20)} ${user.scope}`,
    );
  }
}
