import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { getPlatformProxy } from "wrangler";
import { createDatabase } from "../../worker/db/client";
import {
  importBatch,
  type ImportBatch,
  type ImportOutcome,
} from "../../worker/services/import-report";

/**
 * The deployed database, reached through wrangler's remote bindings (it asks for a Cloudflare
 * login as `wrangler deploy` does). The same code saves as locally; each D1 call crosses the
 * network, so this path is for occasional loads, not for benchmarks.
 */
export async function saveRemotely(batch: ImportBatch): Promise<ImportOutcome[]> {
  const proxy = await getPlatformProxy<Env>({ configPath: remoteConfig(), remoteBindings: true });
  try {
    return await importBatch(createDatabase(proxy.env.DB), batch);
  } finally {
    await proxy.dispose();
  }
}

/** wrangler.toml with the D1 binding marked remote, written beside nothing the project tracks. */
function remoteConfig(): string {
  const source = readFileSync("wrangler.toml", "utf8")
    .replace(/^main = "(.+)"$/m, (_, main: string) => `main = "${resolve(main)}"`)
    .replace(/^migrations_dir = "(.+)"$/m, (_, dir: string) => `migrations_dir = "${resolve(dir)}"`)
    .replace(/^binding = "DB"$/m, 'binding = "DB"\nremote = true');
  const path = join(mkdtempSync(join(tmpdir(), "nianbao-remote-")), "wrangler.toml");
  writeFileSync(path, source);
  return path;
}
