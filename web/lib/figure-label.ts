import type { Locale } from "../i18n";
import { figureDef, isFigureKey } from "../../worker/report/figures";
import { INDICATORS } from "../../worker/report/indicators";

/** A figure key or `indicator.<key>` as its reader-facing label; unknown keys as themselves. */
export function figureLabel(key: string, locale: Locale): string {
  const indicator = INDICATORS.find((d) => `indicator.${d.key}` === key);
  if (indicator) return locale === "en" ? indicator.labelEn : indicator.label;
  if (!isFigureKey(key)) return key;
  const def = figureDef(key);
  return locale === "en" ? def.labelEn : def.label;
}

/** What a figure counts in, for an axis: 件, 次, … (from the registry); `%` for an indicator. */
export function figureUnit(key: string, locale: Locale): string {
  if (key.startsWith("indicator.")) return "%";
  if (!isFigureKey(key)) return "";
  const def = figureDef(key);
  return locale === "en" ? def.unitEn : def.unit;
}
