/**
 * How every tool here starts Debian's Chromium (`scripts/ensure-chromium.mjs` installs it):
 * never a downloaded browser; no sandbox (root in CI), no GPU, nothing phoning home.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};
