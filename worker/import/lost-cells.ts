/**
 * Putting a row back together when the text lost or added a cell: try every place the missing
 * cells could have been (or every window of the right width) and keep the arrangement that the
 * table's sums agree with best. Ties put the missing cells at the end (or take the first window).
 */

export interface Placement<T> {
  cells: (T | null)[];
  /** Indexes that were filled with null because the text lost them. */
  lost: number[];
  /** Items left out because the row had too many. */
  extra: T[];
}

/** At most this many lost cells are searched for; beyond it the row is padded at the end. */
const MAX_SEARCHED = 3;

function combinations(n: number, k: number): number[][] {
  const out: number[][] = [];
  const pick = (start: number, chosen: number[]): void => {
    if (chosen.length === k) {
      out.push([...chosen]);
      return;
    }
    for (let i = start; i < n; i += 1) {
      chosen.push(i);
      pick(i + 1, chosen);
      chosen.pop();
    }
  };
  pick(0, []);
  return out;
}

function withNullsAt<T>(items: readonly T[], width: number, at: readonly number[]): (T | null)[] {
  const cells: (T | null)[] = [];
  let next = 0;
  for (let i = 0; i < width; i += 1) {
    if (at.includes(i)) cells.push(null);
    else cells.push(items[next++] ?? null);
  }
  return cells;
}

/** A row of `items.length < width` values: where were the lost cells? */
export function placeShort<T>(
  items: readonly T[],
  width: number,
  score: (cells: readonly (T | null)[]) => number,
): Placement<T> {
  const missing = width - items.length;
  const padEnd = Array.from({ length: missing }, (_, i) => items.length + i);
  if (missing <= 0) return { cells: items.slice(0, width), lost: [], extra: [] };
  if (missing > MAX_SEARCHED) {
    return { cells: withNullsAt(items, width, padEnd), lost: padEnd, extra: [] };
  }
  let best = padEnd;
  let bestScore = -Infinity;
  for (const at of combinations(width, missing)) {
    const s = score(withNullsAt(items, width, at));
    // Combinations come in lexicographic order: on a tie the later one (nulls further right) wins.
    if (s >= bestScore) {
      best = at;
      bestScore = s;
    }
  }
  return { cells: withNullsAt(items, width, best), lost: best, extra: [] };
}

/** A row of `items.length > width` values: which run of `width` is the row? */
export function pickWindow<T>(
  items: readonly T[],
  width: number,
  score: (cells: readonly (T | null)[]) => number,
): Placement<T> {
  if (items.length <= width) return placeShort(items, width, score);
  let bestStart = 0;
  let bestScore = -Infinity;
  for (let start = 0; start + width <= items.length; start += 1) {
    const s = score(items.slice(start, start + width));
    if (s > bestScore) {
      bestStart = start;
      bestScore = s;
    }
  }
  return {
    cells: items.slice(bestStart, bestStart + width),
    lost: [],
    extra: [...items.slice(0, bestStart), ...items.slice(bestStart + width)],
  };
}
