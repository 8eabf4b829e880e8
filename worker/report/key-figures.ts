import type { FigureKey } from "./figures";

/**
 * The counts a region's figures are first read by: applications received, carried over,
 * processed, granted and carried forward, and reconsideration and litigation cases. The
 * dashboard shows them beside the indicators; 自报 vs 汇总 compares them.
 */
export const KEY_FIGURES = [
  "section3.new_received.total",
  "section3.carried_over.total",
  "section3.total_processed.total",
  "section3.granted.total",
  "section3.partially_granted.total",
  "section3.carried_forward.total",
  "section4.reconsideration.total",
  "section4.litigation_direct.total",
  "section4.litigation_after_reconsideration.total",
] as const satisfies readonly FigureKey[];
