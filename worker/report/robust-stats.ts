/**
 * Robust statistics for outlier flags (FORMAT §7, "a value far outside the agency's own history
 * or its peers'"): the median and the median absolute deviation resist the very outliers they
 * are meant to find, where a mean and standard deviation would be dragged towards them.
 */

/** Scales the MAD to estimate the standard deviation of normally distributed data. */
export const MAD_SCALE = 1.4826;

/** Beyond this robust z a value is an outlier (Iglewicz and Hoaglin's usual cut-off). */
export const OUTLIER_Z = 3.5;

/** The median of the values; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median absolute deviation from the median (unscaled); null for none. */
export function mad(values: readonly number[]): number | null {
  const m = median(values);
  if (m === null) return null;
  return median(values.map((v) => Math.abs(v - m)));
}

export interface RobustZ {
  median: number;
  mad: number;
  /** (x − median) / (1.4826 · MAD); null when the MAD is 0 (no spread to measure against). */
  z: number | null;
}

/**
 * How far `x` lies from `reference`, in robust standard deviations. With fewer than `minCount`
 * reference values there is nothing to compare against: null.
 *
 * @example robustZ(40, [10, 11, 12, 9, 10], 3) // { median: 10, mad: 1, z: 20.2… }
 */
export function robustZ(x: number, reference: readonly number[], minCount = 1): RobustZ | null {
  if (reference.length < Math.max(1, minCount)) return null;
  const m = median(reference)!;
  const d = mad(reference)!;
  return { median: m, mad: d, z: d === 0 ? null : (x - m) / (MAD_SCALE * d) };
}
