// The server the browser tests run against: a fresh local D1 of its own, migrated and
// seeded, behind the production build served by wrangler.
import { rmSync } from "node:fs";
import { migrateLocal, seedLocal } from "./lib/local-database.mjs";
import { bin, run } from "./lib/run.mjs";

const port = process.env.E2E_PORT ?? "8799";
// One database per port, so that runs on different ports do not wipe each other's.
const persistTo = `.wrangler/e2e-state-${port}`;
rmSync(persistTo, { recursive: true, force: true });
await migrateLocal(persistTo);
await seedLocal(persistTo, ["--small"]);
await run(bin("vite"), ["build", "--logLevel", "warn"]);
await run(bin("wrangler"), [
  "dev",
  "--port",
  port,
  "--persist-to",
  persistTo,
  "--show-interactive-dev-session=false",
]);
