/** Timing helpers: warm-up, then sequential iterations, summarised by percentiles. */

export interface MeasureOptions {
  /** Runs discarded before timing (JIT, statement caches, page cache). */
  warmup: number;
  iterations: number;
}

export interface Timing {
  /** Milliseconds, in the order measured. */
  samples: number[];
  p50: number;
  p95: number;
  min: number;
  max: number;
}

/**
 * Nearest-rank percentile of an ascending list: the smallest sample with at least `p` percent
 * of the samples at or below it, so every reported figure is a time that was actually seen.
 *
 * @example
 * percentile([1, 2, 3, 4], 50); // 2
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError("percentile of no samples");
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    samples,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

/**
 * Times two tasks in alternation (which one goes first flips every round), so that both see the
 * same background load: on a shared 2-core machine that drifts by tens of percent over minutes,
 * this keeps their ratio meaningful.
 */
export async function measurePair(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  options: MeasureOptions,
): Promise<[Timing, Timing]> {
  for (let i = 0; i < options.warmup; i++) {
    await a();
    await b();
  }
  const samples: [number[], number[]] = [[], []];
  const time = async (task: () => Promise<unknown>, into: number[]) => {
    const started = performance.now();
    await task();
    into.push(performance.now() - started);
  };
  for (let i = 0; i < options.iterations; i++) {
    if (i % 2 === 0) {
      await time(a, samples[0]);
      await time(b, samples[1]);
    } else {
      await time(b, samples[1]);
      await time(a, samples[0]);
    }
  }
  return [summarize(samples[0]), summarize(samples[1])];
}
