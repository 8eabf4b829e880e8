import { existsSync, statSync } from "node:fs";
import { run } from "./run.mjs";

/** Installs from the lock file when node_modules is missing or older than the lock. */
export async function ensureDependencies() {
  const marker = "node_modules/.package-lock.json";
  const stale =
    !existsSync(marker) || statSync("package-lock.json").mtimeMs > statSync(marker).mtimeMs;
  if (!stale) return;
  console.log("› 安装依赖 (npm ci) …");
  await run("npm", ["ci", "--no-audit", "--no-fund"]);
}
