// `npm start`: from a fresh clone to the demo at http://localhost:8787 in one command.
// Uses only Node built-ins until the dependencies are installed.
import { ensureDependencies } from "./lib/dependencies.mjs";

await ensureDependencies();
const { migrateLocal, seedLocal } = await import("./lib/local-database.mjs");
const { bin, run } = await import("./lib/run.mjs");

const port = process.env.PORT ?? "8787";
// The demo's passwords are published in the README: only this machine may reach it, unless
// HOST says otherwise.
const host = process.env.HOST ?? "127.0.0.1";
const loopback = host === "localhost" || host === "::1" || /^127\./.test(host);
console.log("› 迁移本地 D1 数据库 …");
await migrateLocal();
console.log("› 载入演示数据 …");
await seedLocal();
console.log("› 构建 …");
await run(bin("vite"), ["build", "--logLevel", "warn"]);
if (!loopback) {
  console.warn(
    `⚠ 警告：HOST=${host}，本机以外也能访问本演示，而演示账号的密码是公开的（见 README）。\n` +
      `⚠ Warning: HOST=${host} lets other machines reach this demo, whose account passwords are published (see README).`,
  );
}
console.log(`› 启动：http://${host.includes(":") ? `[${host}]` : host}:${port}`);
await run(
  bin("wrangler"),
  ["dev", "--port", port, "--ip", host, "--show-interactive-dev-session=false"],
  {
    stdio: "inherit",
  },
);
