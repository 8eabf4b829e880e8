/** Linear scales and "nice" axis ticks (1, 2 or 5 × 10ⁿ) for the server-drawn charts. */

export type Scale = (value: number) => number;

/** Maps `domain` linearly onto `range`; a zero-width domain maps everything to the range start. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  if (span === 0) return () => r0;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/**
 * The step of about `count` intervals over [min, max]: 1, 2 or 5 × 10ⁿ; at least `minStep`
 * (1 for counts, which have no fractions).
 */
export function tickStep(min: number, max: number, count = 5, minStep = 0): number {
  const raw = Math.abs(max - min) / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return Math.max(1, minStep);
  const power = Math.floor(Math.log10(raw));
  const fraction = raw / 10 ** power;
  const multiple = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return Math.max(multipleOfPower(multiple, power), minStep);
}

/**
 * Ticks covering [min, max], first ≤ min and last ≥ max, so they double as the axis domain.
 *
 * @example niceTicks(0, 5_820_000) // [0, 2000000, 4000000, 6000000]
 */
export function niceTicks(min: number, max: number, count = 5, minStep = 0): number[] {
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo === hi) {
    if (lo === 0) hi = 1;
    else if (lo > 0) lo = 0;
    else hi = 0;
  }
  const step = tickStep(lo, hi, count, minStep);
  const { multiple, power } = decompose(step);
  // The epsilon keeps 0.35 / 0.05 = 7.000000000000001 from adding a tick beyond the data.
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(multipleOfPower(i * multiple, power));
  return ticks;
}

/** `k × 10^power` without the float noise of 3 × 0.1. */
function multipleOfPower(k: number, power: number): number {
  const value = power < 0 ? k / 10 ** -power : k * 10 ** power;
  return value === 0 ? 0 : value;
}

function decompose(step: number): { multiple: number; power: number } {
  let power = Math.floor(Math.log10(step));
  let multiple = Math.round(step / 10 ** power);
  if (multiple >= 10) {
    multiple /= 10;
    power += 1;
  }
  return { multiple, power };
}
