import type { BenchContext, Figure } from "./bench-case";
import { measure } from "./measure";

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
}

/**
 * Times one route through the Worker (sequential `fetch`es, body read in full) and its query
 * function directly on SQLite, after checking the two give the same answer.
 */
export async function timeRoute<W, D>(
  context: BenchContext,
  spec: RouteTiming<W, D>,
): Promise<Figure[]> {
  const url = `${context.worker}${spec.path}`;
  const ask = async () => {
    const response = await fetch(url);
    const text = await response.text();
    if (!response.ok)
      throw new Error(`GET ${spec.path} → ${response.status}: ${text.slice(0, 300)}`);
    return text;
  };
  spec.agree(JSON.parse(await ask()) as W, await spec.direct());

  context.log(`› ${spec.name}: GET ${spec.path}`);
  const worker = await measure(ask, context.timing);
  const direct = await measure(spec.direct, context.timing);
  context.log(`  worker p50 ${worker.p50.toFixed(1)} ms, sqlite p50 ${direct.p50.toFixed(1)} ms`);
  return [
    { name: `${spec.name}.worker.p50`, value: worker.p50, unit: "ms", target: spec.target },
    { name: `${spec.name}.worker.p95`, value: worker.p95, unit: "ms", target: null },
    { name: `${spec.name}.sqlite.p50`, value: direct.p50, unit: "ms", target: null },
    { name: `${spec.name}.sqlite.p95`, value: direct.p95, unit: "ms", target: null },
    {
      name: `${spec.name}.worker_over_sqlite`,
      value: worker.p50 / direct.p50,
      unit: "x",
      target: spec.ratioTarget,
    },
  ];
}
