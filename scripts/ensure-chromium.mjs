// Browser tests drive Debian's Chromium; nothing downloads a browser of its own. Chinese fonts
// come with it: pages are Chinese, and the import test prints a Chinese PDF.
import { existsSync } from "node:fs";
import { run } from "./lib/run.mjs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CJK_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

const missing = [
  ...(existsSync(CHROMIUM) ? [] : ["chromium"]),
  ...(existsSync(CJK_FONT) ? [] : ["fonts-noto-cjk"]),
];
if (missing.length > 0) {
  if (process.getuid?.() !== 0) {
    console.error(`Missing for the browser tests: sudo apt-get install -y ${missing.join(" ")}`);
    process.exit(1);
  }
  console.log(`› 安装 ${missing.join(", ")} (apt-get) …`);
  await run("apt-get", ["update", "-qq"]);
  await run("apt-get", ["install", "-y", "-qq", ...missing], {
    env: { DEBIAN_FRONTEND: "noninteractive" },
  });
}
