import { readFileSync } from "node:fs";
import { build } from "esbuild";
import { Miniflare } from "miniflare";

/** The local D1 that `wrangler dev --persist-to DIR` serves lives under DIR/v3/d1. */
const d1PersistPath = (persistTo = ".wrangler/state") => `${persistTo}/v3/d1`;

function wranglerDatabaseId(): string {
  const match = /database_id\s*=\s*"([^"]+)"/.exec(readFileSync("wrangler.toml", "utf8"));
  if (!match) throw new Error("wrangler.toml has no d1 database_id");
  return match[1]!;
}

/**
 * Runs a Worker module (bundled from `entry`) once inside workerd against the same local
 * D1 file that `wrangler dev` uses, POSTing `input` as JSON and returning its JSON answer.
 * Bulk jobs (seeding, benchmarks) run here because every D1 call from Node through
 * wrangler's platform proxy costs about 10 ms, and inside workerd it costs well under one.
 */
export async function runInWorkerd<T>(
  entry: string,
  input: unknown,
  persistTo?: string,
): Promise<T> {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    mainFields: ["module", "main"],
    conditions: ["workerd", "worker", "import"],
    logLevel: "warning",
  });
  const miniflare = new Miniflare({
    modules: true,
    script: bundle.outputFiles[0]!.text,
    compatibilityDate: "2026-04-20",
    compatibilityFlags: ["nodejs_compat"],
    d1Databases: { DB: wranglerDatabaseId() },
    d1Persist: d1PersistPath(persistTo),
  });
  try {
    const response = await miniflare.dispatchFetch("http://workerd.task/", {
      method: "POST",
      body: JSON.stringify(input),
      headers: { "content-type": "application/json" },
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`workerd task failed (${response.status}): ${text}`);
    return JSON.parse(text) as T;
  } finally {
    await miniflare.dispose();
  }
}
