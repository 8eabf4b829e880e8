/**
 * What the compare page can show: each preset names the figures it asks `/api/compare` for (the
 * first is the one ranked), its chart series through one config object (label and colour), and
 * how an answer becomes the chart's rows. Pure, so it is unit-tested apart from the page.
 */

import type { MessageKey } from "../i18n";
import { OKABE_ITO, OUTCOME_COLOURS, type PaletteColour } from "./palette";
import {
  OUTCOME_FAMILIES,
  OUTCOME_ROW_KEYS,
  section3Row,
  SECTION4_GROUP_KEYS,
  type Section3Family,
  type Section4GroupKey,
} from "../../worker/report/templates";

interface SeriesConfig {
  label: MessageKey;
  colour: PaletteColour;
}

export type ChartConfig = Record<string, SeriesConfig>;

/** The answer's parts this module reads; the page passes the typed answer. */
export interface CompareAnswer {
  agencies: readonly { id: number; name: string }[];
  items: readonly { agency_id: number; year: number; values: Record<string, unknown> }[];
}

export interface ChartRow {
  key: string;
  label: string;
  /** Per series: a count, or a percentage for rates and 100% stacks; null when unknown. */
  values: Record<string, number | null>;
  /** The counts behind a 100% stack, for the data table. */
  counts?: Record<string, number | null>;
}

export type ChartKind = "bars" | "stacked" | "percent";

export interface Preset {
  key: PresetKey;
  label: MessageKey;
  /** Asked for in this order; the first is ranked. */
  figures: readonly string[];
  /** What the values are: counts (formatCount) or rates (percent). */
  unit: "count" | "rate";
  chart: ChartKind;
  config: ChartConfig;
  rows: (
    answer: CompareAnswer,
    year: number,
    groupLabel: (key: MessageKey) => string,
  ) => ChartRow[];
}

export const PRESET_KEYS = [
  "visits",
  "applications",
  "outcomes",
  "disclosure_rate",
  "appeals",
  "correction_rate",
] as const;
type PresetKey = (typeof PRESET_KEYS)[number];

const PROCESSED = "section3.total_processed.total";
const OUTCOME_ROWS = OUTCOME_ROW_KEYS("split").map((key) => `section3.${key}.total`);
const SECTION4_RESULTS = ["upheld", "corrected", "other", "pending"] as const;

/** The 21 outcome rows' totals, by family. */
const FAMILY_FIGURES: Record<Section3Family, string[]> = Object.fromEntries(
  OUTCOME_FAMILIES.map((family) => [
    family,
    OUTCOME_ROW_KEYS("split")
      .filter((key) => section3Row(key).family === family)
      .map((key) => `section3.${key}.total`),
  ]),
) as Record<Section3Family, string[]>;

const RESULT_COLOURS: Record<(typeof SECTION4_RESULTS)[number], PaletteColour> = {
  upheld: OKABE_ITO.blue,
  corrected: OKABE_ITO.vermillion,
  other: OKABE_ITO.reddishPurple,
  pending: OKABE_ITO.yellow,
};

type Values = Record<string, unknown>;

/** A figure's count; for `indicator.*` its rate as a percentage (null below the minimum count). */
export function figureNumber(values: Values, key: string): number | null {
  const value = values[key];
  if (typeof value === "number") return value;
  if (value && typeof value === "object" && "value" in value) {
    const rate =
      (value as { value: number | null; status: string }).status === "ok"
        ? (value as { value: number | null }).value
        : null;
    return rate === null ? null : rate * 100;
  }
  return null;
}

/** The sum of the known figures among `keys`; null when none is known. */
function sumOf(values: Values, keys: readonly string[]): number | null {
  let total: number | null = null;
  for (const key of keys) {
    const n = figureNumber(values, key);
    if (n !== null) total = (total ?? 0) + n;
  }
  return total;
}

/** Each series as a share of the row's sum, in percent; all null when the sum is zero or unknown. */
function asShares(counts: Record<string, number | null>): Record<string, number | null> {
  const total = Object.values(counts).reduce<number>((n, v) => n + (v ?? 0), 0);
  return Object.fromEntries(
    Object.entries(counts).map(([key, v]) => [
      key,
      total > 0 && v !== null ? (v / total) * 100 : null,
    ]),
  );
}

function itemsOfYear(answer: CompareAnswer, year: number) {
  const names = new Map(answer.agencies.map((a) => [a.id, a.name]));
  return answer.items
    .filter((item) => item.year === year)
    .map((item) => ({ item, name: names.get(item.agency_id) ?? `#${item.agency_id}` }));
}

/** One row per agency; each series reads the figures it sums. */
function rowsBySeries(seriesFigures: Record<string, readonly string[]>) {
  return (answer: CompareAnswer, year: number): ChartRow[] =>
    itemsOfYear(answer, year).map(({ item, name }) => ({
      key: String(item.agency_id),
      label: name,
      values: Object.fromEntries(
        Object.entries(seriesFigures).map(([series, keys]) => [series, sumOf(item.values, keys)]),
      ),
    }));
}

const GROUP_LABELS: Record<Section4GroupKey, MessageKey> = {
  reconsideration: "cmpGroup_reconsideration",
  litigation_direct: "cmpGroup_litigation_direct",
  litigation_after_reconsideration: "cmpGroup_litigation_after_reconsideration",
};

const PRESETS: Record<PresetKey, Preset> = {
  visits: {
    key: "visits",
    label: "cmpPreset_visits",
    figures: ["metrics.website_visits"],
    unit: "count",
    chart: "bars",
    config: { visits: { label: "cmpSeries_visits", colour: OKABE_ITO.blue } },
    rows: rowsBySeries({ visits: ["metrics.website_visits"] }),
  },
  applications: {
    key: "applications",
    label: "cmpPreset_applications",
    figures: ["section3.new_received.total", "section3.carried_over.total", PROCESSED],
    unit: "count",
    chart: "bars",
    config: {
      new_received: { label: "cmpSeries_new_received", colour: OKABE_ITO.blue },
      carried_over: { label: "cmpSeries_carried_over", colour: OKABE_ITO.skyBlue },
      total_processed: { label: "cmpSeries_total_processed", colour: OKABE_ITO.orange },
    },
    rows: rowsBySeries({
      new_received: ["section3.new_received.total"],
      carried_over: ["section3.carried_over.total"],
      total_processed: [PROCESSED],
    }),
  },
  outcomes: {
    key: "outcomes",
    label: "cmpPreset_outcomes",
    figures: [PROCESSED, ...OUTCOME_ROWS],
    unit: "count",
    chart: "percent",
    config: Object.fromEntries(
      OUTCOME_FAMILIES.map((family) => [
        family,
        { label: `cmpFamily_${family}` as MessageKey, colour: OUTCOME_COLOURS[family] },
      ]),
    ),
    rows: (answer, year) =>
      rowsBySeries(FAMILY_FIGURES)(answer, year).map((row) => ({
        ...row,
        counts: row.values,
        values: asShares(row.values),
      })),
  },
  disclosure_rate: {
    key: "disclosure_rate",
    label: "cmpPreset_disclosure_rate",
    figures: ["indicator.disclosure_rate"],
    unit: "rate",
    chart: "bars",
    config: {
      disclosure_rate: { label: "cmpSeries_disclosure_rate", colour: OKABE_ITO.bluishGreen },
    },
    rows: rowsBySeries({ disclosure_rate: ["indicator.disclosure_rate"] }),
  },
  appeals: {
    key: "appeals",
    label: "cmpPreset_appeals",
    figures: [
      "section4.reconsideration.total",
      ...SECTION4_GROUP_KEYS.flatMap((group) =>
        SECTION4_RESULTS.map((result) => `section4.${group}.${result}`),
      ),
    ],
    unit: "count",
    chart: "stacked",
    config: Object.fromEntries(
      SECTION4_RESULTS.map((result) => [
        result,
        { label: `cmpResult_${result}` as MessageKey, colour: RESULT_COLOURS[result] },
      ]),
    ),
    // One bar per agency and group: reconsideration and the two kinds of litigation side by side.
    rows: (answer, year, groupLabel) =>
      itemsOfYear(answer, year).flatMap(({ item, name }) =>
        SECTION4_GROUP_KEYS.map((group) => ({
          key: `${item.agency_id}/${group}`,
          label: `${name} · ${groupLabel(GROUP_LABELS[group])}`,
          values: Object.fromEntries(
            SECTION4_RESULTS.map((result) => [
              result,
              figureNumber(item.values, `section4.${group}.${result}`),
            ]),
          ),
        })),
      ),
  },
  correction_rate: {
    key: "correction_rate",
    label: "cmpPreset_correction_rate",
    figures: ["indicator.reconsideration_correction_rate", "indicator.litigation_correction_rate"],
    unit: "rate",
    chart: "bars",
    config: {
      reconsideration: { label: "cmpGroup_reconsideration", colour: OKABE_ITO.blue },
      litigation: { label: "cmpSeries_litigation", colour: OKABE_ITO.orange },
    },
    rows: rowsBySeries({
      reconsideration: ["indicator.reconsideration_correction_rate"],
      litigation: ["indicator.litigation_correction_rate"],
    }),
  },
};

export function presetOf(key: string | null): Preset {
  return (PRESET_KEYS as readonly string[]).includes(key ?? "")
    ? PRESETS[key as PresetKey]
    : PRESETS.visits;
}
