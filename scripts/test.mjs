// `npm test`: every suite — model and scripts (node), Worker (workerd + D1), web (jsdom),
// then the browser tests in Chromium.
import { ensureDependencies } from "./lib/dependencies.mjs";

await ensureDependencies();
const { bin, run } = await import("./lib/run.mjs");
await run(bin("vitest"), ["run"]);
await run("node", ["scripts/ensure-chromium.mjs"]);
await run(bin("playwright"), ["test"]);
