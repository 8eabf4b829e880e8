// Browser tests drive Debian's Chromium; nothing downloads a browser of its own.
import { existsSync } from "node:fs";
import { run } from "./lib/run.mjs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    console.error(
      `Chromium is missing at ${CHROMIUM}: install it with 'sudo apt-get install -y chromium'.`,
    );
    process.exit(1);
  }
  console.log("› 安装 Debian Chromium (apt-get) …");
  await run("apt-get", ["update", "-qq"]);
  await run("apt-get", ["install", "-y", "-qq", "chromium"], {
    env: { DEBIAN_FRONTEND: "noninteractive" },
  });
}
