/**
 * The one chart palette: Okabe & Ito's eight colours, told apart under the common forms of colour
 * blindness. Charts pick from here through their config object; nothing else names a colour.
 * The dashboard reads it through `web/lib/palette.ts`.
 */

import type { OUTCOME_FAMILIES } from "../report/templates";

export const OKABE_ITO = {
  black: "#000000",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
} as const;

export type PaletteColour = (typeof OKABE_ITO)[keyof typeof OKABE_ITO];

/** The colour of each outcome family in a stacked "how were they handled" bar. */
export const OUTCOME_COLOURS: Record<(typeof OUTCOME_FAMILIES)[number], PaletteColour> = {
  granted: OKABE_ITO.bluishGreen,
  partially_granted: OKABE_ITO.skyBlue,
  denied: OKABE_ITO.vermillion,
  unable: OKABE_ITO.yellow,
  not_processed: OKABE_ITO.orange,
  other_processing: OKABE_ITO.reddishPurple,
};

/** Series colours in order, for parts that are not outcome families (black left out: dark themes). */
export const SERIES_ORDER: readonly PaletteColour[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.skyBlue,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.yellow,
];

/** Whether text on `colour` reads better dark than light (WCAG contrast ratio of each). */
export function darkInkOn(colour: string): boolean {
  const l = luminance(colour);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05);
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
