/**
 * Shapes the overview's completeness counts for the stacked bar and its table. Staff see the
 * workflow states; everyone else published / not yet published / missing.
 */

import type { MessageKey } from "../i18n";
import { LEVELS } from "./agency-options";
import { OKABE_ITO, type PaletteColour } from "./palette";

export const WORKFLOW_STATES = ["approved", "submitted", "returned", "draft", "missing"] as const;
export const PUBLIC_STATES = ["approved", "pending", "missing"] as const;
export type CompletenessState = (typeof WORKFLOW_STATES)[number] | (typeof PUBLIC_STATES)[number];

export interface SeriesConfig {
  label: MessageKey;
  colour: PaletteColour;
}

/** One entry per series: its label and colour (the shadcn/ui chart-config shape). */
export const completenessConfig: Record<CompletenessState, SeriesConfig> = {
  approved: { label: "dbState_approved", colour: OKABE_ITO.bluishGreen },
  submitted: { label: "dbState_submitted", colour: OKABE_ITO.skyBlue },
  returned: { label: "dbState_returned", colour: OKABE_ITO.orange },
  draft: { label: "dbState_draft", colour: OKABE_ITO.yellow },
  pending: { label: "dbState_pending", colour: OKABE_ITO.skyBlue },
  missing: { label: "dbState_missing", colour: OKABE_ITO.vermillion },
};

export type StateCounts = Partial<Record<CompletenessState | "late" | "agencies", number>>;

export interface CompletenessRow {
  level: string;
  counts: Partial<Record<CompletenessState, number>>;
  late: number | null;
  total: number;
}

/** The states an answer carries: the public answer has `pending`, the staff one does not. */
export function statesOf(totals: StateCounts): readonly CompletenessState[] {
  return "pending" in totals ? PUBLIC_STATES : WORKFLOW_STATES;
}

/** One row per level, provinces first; levels the answer does not know go last. */
export function completenessRows(
  byLevel: Record<string, StateCounts>,
  states: readonly CompletenessState[],
): CompletenessRow[] {
  const order = (level: string) => {
    const i = (LEVELS as readonly string[]).indexOf(level);
    return i === -1 ? LEVELS.length : i;
  };
  return Object.keys(byLevel)
    .sort((a, b) => order(a) - order(b))
    .map((level) => {
      const source = byLevel[level]!;
      const counts = Object.fromEntries(states.map((s) => [s, source[s] ?? 0]));
      return {
        level,
        counts,
        late: typeof source.late === "number" ? source.late : null,
        total: states.reduce((n, s) => n + (source[s] ?? 0), 0),
      };
    });
}
