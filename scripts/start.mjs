// `npm start`: from a fresh clone to the demo at http://localhost:8787 in one command.
// Uses only Node built-ins until the dependencies are installed.
import { ensureDependencies } from "./lib/dependencies.mjs";

await ensureDependencies();
const { migrateLocal, seedLocal } = await import("./lib/local-database.mjs");
const { bin, run } = await import("./lib/run.mjs");

const port = process.env.PORT ?? "8787";
console.log("› 迁移本地 D1 数据库 …");
await migrateLocal();
console.log("› 载入演示数据 …");
await seedLocal();
console.log("› 构建 …");
await run(bin("vite"), ["build", "--logLevel", "warn"]);
console.log(`› 启动：http://localhost:${port}`);
await run(
  bin("wrangler"),
  ["dev", "--port", port, "--ip", "0.0.0.0", "--show-interactive-dev-session=false"],
  {
    stdio: "inherit",
  },
);
