/**
 * Which candidate is which table-三 row. The rows' order is fixed, so when the text yields exactly
 * one candidate per row they are taken in order (labels there are often detached or misplaced).
 * Otherwise candidates and rows are aligned by dynamic programming, labels deciding where a row
 * was lost or a candidate is extra; without labels the earliest rows are preferred (a text cut
 * short keeps its first rows).
 */

import type { Section3RowKey } from "../report/templates";
import { ROW_WIDTH, type RowCandidate } from "./section3-candidates";
import { labelWeights, rowsNamedBy } from "./section3-labels";

export interface Alignment {
  /** Per row (in layout order), the index of its candidate, or null when none was found. */
  rows: (number | null)[];
  /** Candidates left out as stray numbers. */
  stray: number[];
}

const STRAY_MAX_VALUES = 2;

function isStray(candidate: RowCandidate): boolean {
  return candidate.cells.length <= STRAY_MAX_VALUES && rowsNamedBy(candidate.inline).size === 0;
}

function matchScore(
  named: Map<Section3RowKey, number>,
  key: Section3RowKey,
  width: number,
): number {
  let score = 1;
  const weight = named.get(key);
  if (weight !== undefined) score += weight;
  else if (named.size > 0) score -= 1;
  if (width !== ROW_WIDTH) score -= 0.3;
  return score;
}

const SKIP_CANDIDATE = -0.5;
const SKIP_ROW = 0;
const DIAGONAL = 0.001;

export function alignCandidates(
  candidates: readonly RowCandidate[],
  rowKeys: readonly Section3RowKey[],
): Alignment {
  const stray: number[] = [];
  const kept: number[] = [];
  candidates.forEach((c, i) => (isStray(c) ? stray.push(i) : kept.push(i)));
  const rows: (number | null)[] = rowKeys.map(() => null);
  if (kept.length === rowKeys.length) {
    kept.forEach((candidateIndex, rowIndex) => (rows[rowIndex] = candidateIndex));
    return { rows, stray };
  }
  const n = kept.length;
  const m = rowKeys.length;
  const named = kept.map((i) => {
    const c = candidates[i];
    return c ? labelWeights(c.before, c.inline) : new Map<Section3RowKey, number>();
  });
  // score[i][j]: best alignment of the first i candidates with the first j rows.
  const score: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const move: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 0; i <= n; i += 1) {
    for (let j = 0; j <= m; j += 1) {
      if (i === 0 && j === 0) continue;
      let best = -Infinity;
      let how = 0;
      if (i > 0 && j > 0) {
        const key = rowKeys[j - 1];
        const candidate = candidates[kept[i - 1] ?? -1];
        const width = candidate?.cells.length ?? 0;
        const s =
          (score[i - 1]?.[j - 1] ?? 0) +
          (key ? matchScore(named[i - 1] ?? new Map<Section3RowKey, number>(), key, width) : 0) -
          DIAGONAL * Math.abs(i - j);
        if (s > best) [best, how] = [s, 1];
      }
      if (i > 0) {
        const s = (score[i - 1]?.[j] ?? 0) + SKIP_CANDIDATE;
        if (s > best) [best, how] = [s, 2];
      }
      if (j > 0) {
        const s = (score[i]?.[j - 1] ?? 0) + SKIP_ROW;
        if (s > best) [best, how] = [s, 3];
      }
      (score[i] as number[])[j] = best;
      (move[i] as number[])[j] = how;
    }
  }
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const how = move[i]?.[j] ?? 0;
    if (how === 1) {
      rows[j - 1] = kept[i - 1] ?? null;
      i -= 1;
      j -= 1;
    } else if (how === 2) {
      stray.push(kept[i - 1] ?? -1);
      i -= 1;
    } else if (how === 3) {
      j -= 1;
    } else {
      break;
    }
  }
  stray.sort((a, b) => a - b);
  return { rows, stray };
}
