/**
 * A small seeded pseudo-random generator (sfc32) for synthetic data.
 *
 * Deterministic from a numeric seed and free of I/O, so the same seed gives the same data in
 * Node, in workerd and in the browser. Not for anything security-related.
 */

const TWO_POW_32 = 4294967296;

/** Final avalanche step of a 32-bit hash: spreads every input bit over the whole word. */
function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Hashes numbers and strings into one 32-bit seed (FNV-1a over the parts, then a final mix).
 * Lets each agency get its own stream, so that its reports do not depend on the others.
 *
 * @example
 * const rng = createRng(hashSeed(42, "p31/c02/k05"));
 */
export function hashSeed(...parts: ReadonlyArray<number | string>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = typeof part === "number" ? `#${part}` : `$${part}`;
    for (let i = 0; i < text.length; i++) {
      h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    }
    h = Math.imul(h ^ 0xff, 0x01000193);
  }
  return mix32(h);
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** Second value of the last Box–Muller pair, or NaN when none is cached. */
  private spareNormal = Number.NaN;

  constructor(seed: number) {
    const s = mix32(Math.floor(seed) ^ 0x9e3779b9);
    this.a = mix32(s ^ 0x243f6a88);
    this.b = mix32(s ^ 0x85a308d3);
    this.c = mix32(s ^ 0x13198a2e);
    this.d = 1;
    // The first outputs of sfc32 are poorly mixed: discard them.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** A uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    const lo = Math.ceil(Math.min(min, max));
    const hi = Math.floor(Math.max(min, max));
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** A uniform float in [min, max). */
  float(min = 0, max = 1): number {
    return min + this.next() * (max - min);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick() needs a non-empty array");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** An index drawn with probability proportional to its (non-negative) weight. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let u = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i] ?? 0;
      if (u < 0) return i;
    }
    return weights.length - 1;
  }

  /** A standard normal deviate (Box–Muller, the pair's second value cached). */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const spare = this.spareNormal;
      this.spareNormal = Number.NaN;
      return spare;
    }
    const u = 1 - this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** A log-normal float: `median` times e to a normal deviate of spread `sigma`. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /**
   * A non-negative integer of the given typical size, for counts that span orders of magnitude
   * (applications, decisions, visits). `sigma` 0.5 keeps most values within ×/÷ 2.7 of `median`.
   */
  magnitude(median: number, sigma: number): number {
    if (median <= 0) return 0;
    return Math.max(0, Math.round(this.logNormal(median, sigma)));
  }

  /** An independent generator derived from this one's next output and a label. */
  fork(label: number | string): Random {
    return new Random(hashSeed(this.nextUint32(), label));
  }
}

/**
 * A generator deterministic from `seed`.
 *
 * @example
 * const rng = createRng(7);
 * rng.int(1, 6); // the same die roll on every run
 */
export function createRng(seed: number): Random {
  return new Random(seed);
}
