import autocannon, { type AutocannonResult } from "autocannon";
import type { BenchCase, BenchContext, Figure } from "../bench-case";
import { embedSubjects } from "../embed-subjects";

/** Issue 7: on loopback with 10 connections, with zero errors. */
const TARGET_CACHED_RPS = 1000;
const TARGET_UNCACHED_RPS = 150;
const CONNECTIONS = 10;
const DURATION_S = 10;
/**
 * Harmless variations of the same embed (same query, same SVG, another label or colour set):
 * with the agencies of the large province they make some 25,000 distinct URLs, more than a
 * 10-second run asks for unless the Worker serves over 2,500 uncached embeds a second.
 */
const VARIANTS = ["", "&lang=en", "&theme=dark", "&theme=light", "&lang=en&theme=dark"];

/**
 * Requests per second of the six-year trend embed of one agency, through `wrangler dev` on
 * 127.0.0.1 (autocannon, 10 connections, 10 s each). Cached: the same URL every time, once it
 * is in the Worker's Cache API (`x-cache: hit`). Uncached: every request a different agency of
 * the large province (then a different variant), each a first ask (`x-cache: miss`), so each
 * reads D1 and renders. Every response's `x-cache` is counted: a cached run that missed, or an
 * uncached one that hit, shows as `cache_misses` / `cache_hits` above 0.
 */
export const embedThroughput: BenchCase = {
  name: "embed.throughput",
  async run(context) {
    const subjects = await embedSubjects(context);
    if (!subjects) return [];
    const [cachedAgency, sampleAgency, ...others] = subjects.agencies;
    if (sampleAgency === undefined || others.length < 1000) {
      throw new Error(`too few agencies with six years: ${subjects.agencies.length}`);
    }
    const path = (agency: number, variant = "") =>
      `/embed/agency/${agency}?kind=trend&years=${subjects.span}${variant}`;

    const cachedPath = path(cachedAgency!);
    context.log(`› ${this.name}: cached GET ${cachedPath}`);
    const first = await ask(context.worker, cachedPath);
    context.log(`  warm-up: x-cache ${first}`);
    await untilCached(context.worker, cachedPath);
    const cached = await load(context, () => cachedPath);

    // Asked once before the run, to see that a first ask misses (a run on the same port
    // earlier could have left the answers in .bench/state's cache).
    const sample = await ask(context.worker, path(sampleAgency));
    if (sample !== "miss") {
      throw new Error(
        `the first ask of ${path(sampleAgency)} was answered x-cache: ${sample} ` +
          `(a cache left by an earlier run on this port? rm -r ${context.dataset.stateDir}/v3/cache)`,
      );
    }
    const distinct = others.length * VARIANTS.length;
    context.log(
      `› ${this.name}: uncached, ${distinct} distinct URLs (e.g. GET ${path(others[0]!)})`,
    );
    let next = 0;
    const uncached = await load(context, () => {
      const i = next++ % distinct;
      return path(others[i % others.length]!, VARIANTS[Math.floor(i / others.length)]);
    });
    if (next > distinct) context.log(`  ✗ asked ${next} URLs: some were asked twice`);

    return [
      ...figures(`${this.name}.cached`, cached, TARGET_CACHED_RPS, "miss"),
      ...figures(`${this.name}.uncached`, uncached, TARGET_UNCACHED_RPS, "hit"),
    ];
  },
};

interface Load {
  result: AutocannonResult;
  /** Responses by their `x-cache` header ("hit", "miss", or "none"). */
  cache: Record<string, number>;
  problems: string[];
}

/** One autocannon run of `DURATION_S` over `CONNECTIONS`, each request's path from `nextPath`. */
async function load(context: BenchContext, nextPath: () => string): Promise<Load> {
  const cache: Record<string, number> = {};
  const problems: string[] = [];
  const note = (problem: string) => {
    if (problems.length < 3) problems.push(problem);
  };
  const instance = autocannon({
    url: context.worker,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: "GET",
        setupRequest: (request) => ({ ...request, path: nextPath() }),
        onResponse: (status, body, _context, headers) => {
          const value = headerValue(headers, "x-cache") ?? "none";
          cache[value] = (cache[value] ?? 0) + 1;
          if (status < 200 || status > 299) note(`${status}: ${body.slice(0, 300)}`);
        },
      },
    ],
  });
  instance.on("reqError", (error: Error) => note(`request error: ${error.message}`));
  const result = await instance;
  const { requests, latency } = result;
  context.log(
    `  ${requests.average.toFixed(0)} requests/s (${requests.total} in ${result.duration.toFixed(1)} s), ` +
      `p50 ${latency.p50} ms, p99 ${latency.p99} ms, ${result.errors} errors ` +
      `(${result.timeouts} timeouts), ${result.non2xx} non-2xx, x-cache ${JSON.stringify(cache)}`,
  );
  for (const problem of problems) context.log(`  ✗ ${problem}`);
  return { result, cache, problems };
}

function figures(prefix: string, run: Load, target: number, wrongCache: string): Figure[] {
  const { result } = run;
  return [
    {
      name: `${prefix}.requests_per_second`,
      value: result.requests.average,
      unit: "requests/s",
      target,
      better: "higher",
    },
    { name: `${prefix}.errors`, value: result.errors, unit: "requests", target: 0 },
    { name: `${prefix}.non_2xx`, value: result.non2xx, unit: "requests", target: 0 },
    {
      name: `${prefix}.cache_${wrongCache === "hit" ? "hits" : "misses"}`,
      value: run.cache[wrongCache] ?? 0,
      unit: "requests",
      target: 0,
    },
    { name: `${prefix}.latency.p50`, value: result.latency.p50, unit: "ms", target: null },
    { name: `${prefix}.latency.p99`, value: result.latency.p99, unit: "ms", target: null },
  ];
}

/** The `x-cache` header of one GET (body read in full), or an error with status and body. */
async function ask(worker: string, path: string): Promise<string> {
  const once = async () => {
    const response = await fetch(`${worker}${path}`);
    const text = await response.text();
    if (!response.ok) throw new Error(`GET ${path} → ${response.status}: ${text.slice(0, 500)}`);
    return response.headers.get("x-cache") ?? "none";
  };
  try {
    return await once();
  } catch (error) {
    // A kept-alive socket the dev server closed while autocannon ran ("other side closed").
    if (!(error instanceof TypeError)) throw error;
    return once();
  }
}

/** The Worker stores an answer after sending it (`waitUntil`): wait until it is served stored. */
async function untilCached(worker: string, path: string): Promise<void> {
  let seen = "";
  for (let i = 0; i < 20; i++) {
    seen = await ask(worker, path);
    if (seen === "hit") return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`GET ${path} is never answered from the cache (x-cache: ${seen})`);
}

function headerValue(headers: Record<string, string | string[]>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(", ") : value;
  }
  return undefined;
}
