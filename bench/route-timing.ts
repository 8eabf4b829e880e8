import type { BenchContext, Figure } from "./bench-case";
import { measurePair } from "./measure";

/** Issue 12: a read costs at most this many sequential D1 round trips (each a network hop). */
const READ_ROUND_TRIPS_TARGET = 2;

export interface RouteTiming<W, D> {
  /** Prefix of the figure names, e.g. "rollup.province". */
  name: string;
  /** Path and query of the Worker route, e.g. "/api/rollup?year=2024". */
  path: string;
  /** The same question asked of the Worker's query function over SQLite. */
  direct: () => Promise<D>;
  /** Throws unless the two answers agree, so that both timings measure the same work. */
  agree: (worker: W, direct: D) => void;
  /** Upper bound for the Worker's p50, in ms; null for information only. */
  target: number | null;
  /** Upper bound for the Worker's p50 over the direct p50; null for information only. */
  ratioTarget: number | null;
  /** At most this many timed runs, for cases that take seconds each. */
  maxIterations?: number;
}

/**
 * Times one route through the Worker (sequential `fetch`es with the admin's session cookie,
 * body read in full) and its query function directly on SQLite, alternating between the two,
 * after checking they give the same answer.
 */
export async function timeRoute<W, D>(
  context: BenchContext,
  spec: RouteTiming<W, D>,
): Promise<Figure[]> {
  const url = `${context.worker}${spec.path}`;
  // As the dataset's admin: `basis=current` answers staff only.
  const init = { headers: context.dataset.headers };
  // What the Worker says each answer took (bench/worker-server.ts turns the count on).
  let roundTrips = 0;
  const ask = async () => {
    const response = await fetch(url, init);
    const text = await response.text();
    roundTrips = Math.max(roundTrips, Number(response.headers.get("x-d1-round-trips") ?? NaN));
    if (!response.ok) {
      throw new Error(`GET ${spec.path} → ${response.status}: ${text.slice(0, 300)}`);
    }
    return text;
  };
  context.log(`› ${spec.name}: GET ${spec.path}`);
  spec.agree(JSON.parse(await askAfterIdle(ask)) as W, await spec.direct());

  const iterations = Math.min(context.timing.iterations, spec.maxIterations ?? Infinity);
  const timing = {
    iterations,
    warmup: Math.min(context.timing.warmup, Math.max(1, Math.ceil(iterations / 5))),
  };
  const [worker, direct] = await measurePair(ask, spec.direct, timing);
  context.log(
    `  worker p50 ${worker.p50.toFixed(1)} ms, sqlite p50 ${direct.p50.toFixed(1)} ms (${iterations} runs), ` +
      `${roundTrips} D1 round trips`,
  );
  return [
    { name: `${spec.name}.worker.p50`, value: worker.p50, unit: "ms", target: spec.target },
    { name: `${spec.name}.worker.p95`, value: worker.p95, unit: "ms", target: null },
    {
      name: `${spec.name}.worker.round_trips`,
      value: roundTrips,
      unit: "round trips",
      target: READ_ROUND_TRIPS_TARGET,
    },
    { name: `${spec.name}.sqlite.p50`, value: direct.p50, unit: "ms", target: null },
    { name: `${spec.name}.sqlite.p95`, value: direct.p95, unit: "ms", target: null },
    {
      name: `${spec.name}.worker_over_sqlite`,
      value: worker.p50 / direct.p50,
      unit: "x",
      target: spec.ratioTarget,
    },
    {
      name: `${spec.name}.worker_minus_sqlite`,
      value: worker.p50 - direct.p50,
      unit: "ms",
      target: null,
    },
  ];
}

/**
 * A case's first request can follow seconds without one (the previous case's direct queries)
 * and land on a kept-alive socket the dev server is just closing ("other side closed"). It is
 * untimed, so it is simply asked again.
 */
async function askAfterIdle(ask: () => Promise<string>): Promise<string> {
  try {
    return await ask();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return ask();
  }
}
