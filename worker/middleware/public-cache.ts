import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { BUILD_ID } from "../http/build-id";
import { id } from "../http/params";
import { currentDataVersion } from "../db/data-version-memo";
import { versionTag } from "../db/queries/data-version";

/** A route sets this on an answer too large to keep at the edge; it is never sent on. */
export const EDGE_STORE_HEADER = "x-edge-store";

/**
 * Public and embed answers, cached at the edge (Cache API) under a key that holds the data
 * version: an approval or an agency change makes a new version, so every cached answer is
 * superseded at once without purging anything. Answers carry an ETag of the version, and a
 * matching `If-None-Match` is answered 304. A URL that pins a version (`v=` at most the
 * current one) never changes: it is cached for a year.
 */
export const publicCache = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
  const version = await currentDataVersion(c.var.db);
  const pinned = id.safeParse(new URL(c.req.url).searchParams.get("v")).data;
  const immutable = pinned !== undefined && pinned <= version.publication;
  const tag = `"${immutable ? `v${pinned}` : versionTag(version)}"`;
  const headers = {
    etag: tag,
    "cache-control": immutable
      ? "public, max-age=31536000, immutable"
      : // Browsers keep the answer but ask each time; a 304 by ETag costs almost nothing, and a
        // publication shows at the next look.
        "public, no-cache",
    "access-control-allow-origin": "*",
    vary: "Accept-Encoding",
  };
  if (c.req.header("if-none-match") === tag) return c.body(null, 304, headers);

  const cache =
    typeof caches === "undefined" ? null : (caches as unknown as { default: Cache }).default;
  const keyUrl = cacheKeyUrl(c.req.url, immutable ? null : tag);
  const remembered = recall(keyUrl);
  if (remembered) {
    return new Response(remembered.body, {
      status: 200,
      headers: [...remembered.headers, ["x-cache", "hit"]],
    });
  }
  const key = new Request(keyUrl, { method: "GET" });
  const hit = await cache?.match(key);
  if (hit) {
    const response = new Response(hit.body, hit);
    response.headers.set("x-cache", "hit");
    return response;
  }
  await next();
  if (c.res.status !== 200) return;
  for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  c.res.headers.set("x-cache", "miss");
  const bypass = c.res.headers.get(EDGE_STORE_HEADER) === "bypass";
  c.res.headers.delete(EDGE_STORE_HEADER);
  if (bypass) return;
  const body = await c.res.clone().arrayBuffer();
  remember(keyUrl, { body, headers: [...c.res.headers].filter(([name]) => name !== "x-cache") });
  if (cache) {
    const stored = c.res.clone();
    // The edge keeps the answer as long as the version lasts; the key changes with it.
    stored.headers.set("cache-control", "public, max-age=86400");
    c.executionCtx.waitUntil(cache.put(key, stored));
  }
});

/**
 * The answers this isolate gave lately, in front of the Cache API (a lookup there is a round
 * trip): least recently used first out, bounded in count and bytes. Keys hold the data version,
 * so nothing here outlives a publication.
 */
const MEMORY_ENTRIES = 500;
const MEMORY_BYTES = 8 * 1024 * 1024;
const MEMORY_ENTRY_BYTES = 256 * 1024;
interface Remembered {
  body: ArrayBuffer;
  headers: [string, string][];
}
const memory = new Map<string, Remembered>();
let memoryBytes = 0;

function recall(key: string): Remembered | undefined {
  const entry = memory.get(key);
  if (entry) {
    memory.delete(key);
    memory.set(key, entry);
  }
  return entry;
}

function remember(key: string, entry: Remembered) {
  if (entry.body.byteLength > MEMORY_ENTRY_BYTES) return;
  const previous = memory.get(key);
  if (previous) memoryBytes -= previous.body.byteLength;
  memory.delete(key);
  memory.set(key, entry);
  memoryBytes += entry.body.byteLength;
  for (const [oldest, old] of memory) {
    if (memory.size <= MEMORY_ENTRIES && memoryBytes <= MEMORY_BYTES) break;
    memory.delete(oldest);
    memoryBytes -= old.body.byteLength;
  }
}

/** The request's URL with the build and the version tag added: each is its own cache entry. */
function cacheKeyUrl(url: string, tag: string | null): string {
  const key = new URL(url);
  key.searchParams.set("__build", BUILD_ID);
  if (tag !== null) key.searchParams.set("__version", tag.replaceAll('"', ""));
  return key.toString();
}
