import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { freePort } from "../../scripts/lib/free-port";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { experimental_readRawConfig } from "wrangler";

/**
 * The Worker under `wrangler dev` as `npm start` serves it: bundled ahead (as the Vite build is,
 * so wrangler adds none of its own development middleware) and run through wrangler's proxy.
 * Hostile clients send large bodies that are refused before being read; the next request must
 * still be answered at once (it used to wait 20–90 s, or get a 503, or a reset instead of 413).
 */
const quiet = {
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
};
const wrangler = resolve("node_modules/.bin/wrangler");
const PROMPT_MS = 2000;
const LARGE = JSON.stringify({ pad: "x".repeat(200 * 1024) });

let dir: string;
let url: string;
let stop: () => void = () => {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "nianbao-local-server-"));
  const assets = join(dir, "assets");
  mkdirSync(assets);
  writeFileSync(join(assets, "index.html"), "<!doctype html><title>年报</title>");
  const bundled = spawnSync(
    wrangler,
    [
      "deploy",
      "--dry-run",
      "-c",
      "wrangler.toml",
      "--assets",
      assets,
      "--outdir",
      join(dir, "out"),
    ],
    { env: { ...process.env, ...quiet }, encoding: "utf8" },
  );
  if (bundled.status !== 0) throw new Error(`bundling failed: ${bundled.stderr}`);
  const { rawConfig } = experimental_readRawConfig({ config: "wrangler.toml" });
  const config = {
    ...rawConfig,
    main: join(dir, "out", "index.js"),
    no_bundle: true,
    assets: { ...rawConfig.assets, directory: assets },
  };
  writeFileSync(join(dir, "wrangler.json"), JSON.stringify(config));

  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const child = spawn(
    wrangler,
    [
      "dev",
      "-c",
      join(dir, "wrangler.json"),
      "--persist-to",
      join(dir, "state"),
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--show-interactive-dev-session=false",
      "--log-level",
      "warn",
    ],
    { detached: true, stdio: "ignore", env: { ...process.env, ...quiet } },
  );
  const pid = child.pid!;
  // wrangler and its workerd processes share the group: end them all.
  stop = () => {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  };
  process.once("exit", stop);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await fetch(`${url}/api/health`).catch(() => null);
    if (response?.ok) break;
    await response?.body?.cancel();
    if (Date.now() > deadline) throw new Error(`wrangler dev did not answer on ${url}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}, 60_000);

afterAll(() => {
  stop();
  process.off("exit", stop);
  rmSync(dir, { recursive: true, force: true });
});

async function timed(path: string, init: RequestInit = {}) {
  const started = performance.now();
  const response = await fetch(`${url}${path}`, { ...init, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

/** The request that follows: answered, and at once. */
async function expectPromptHealth(after: string) {
  const health = await timed("/api/health");
  expect({ after, status: health.status }).toEqual({ after, status: 200 });
  expect(health.ms, `GET /api/health after ${after}`).toBeLessThan(PROMPT_MS);
}

describe("wrangler dev under hostile clients", () => {
  it("answers the next request at once after writes refused before their body is read", async () => {
    const refused: [string, string][] = [
      ["PATCH", "/api/agencies/1"],
      ["POST", "/api/agencies"],
      ["PUT", "/api/deadlines/2024"],
      ["POST", "/api/public/agencies"],
      ["POST", "/embed/agency/1"],
    ];
    for (let round = 0; round < 3; round++) {
      for (const [method, path] of refused) {
        const answer = await timed(path, {
          method,
          body: LARGE,
          headers: { "content-type": "application/json" },
        });
        expect(answer.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
        expect(answer.status, `${method} ${path}`).toBeLessThan(500);
        await expectPromptHealth(`${method} ${path}`);
      }
    }
  }, 60_000);

  it("refuses a 5 MB body with 413 payload_too_large, declared or chunked", async () => {
    const huge = "x".repeat(5 * 1024 * 1024);
    const declared = await timed("/api/import", {
      method: "POST",
      body: huge,
      headers: { "content-type": "application/json" },
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.text).error.code).toBe("payload_too_large");
    await expectPromptHealth("a declared 5 MB body");

    const bytes = new TextEncoder().encode(huge);
    const chunked = await timed("/api/import", {
      method: "POST",
      body: new ReadableStream({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 64 * 1024) {
            controller.enqueue(bytes.subarray(at, at + 64 * 1024));
          }
          controller.close();
        },
      }),
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.text).error.code).toBe("payload_too_large");
    await expectPromptHealth("a chunked 5 MB body");
  }, 60_000);
});
