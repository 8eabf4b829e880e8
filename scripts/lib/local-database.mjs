import { bin, run } from "./run.mjs";

/** Applies the migrations to the local D1 in `persistTo` (wrangler's default when omitted). */
export async function migrateLocal(persistTo) {
  const args = ["d1", "migrations", "apply", "DB", "--local"];
  if (persistTo) args.push("--persist-to", persistTo);
  // Non-interactive: wrangler skips its confirmation prompt without a TTY or with CI set.
  await run(bin("wrangler"), args, { env: { CI: "true" } });
}

export async function seedLocal(persistTo, extra = []) {
  const args = ["scripts/seed.ts", ...extra];
  if (persistTo) args.push("--persist-to", persistTo);
  await run(bin("tsx"), args);
}
