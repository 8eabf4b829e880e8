/**
 * The embed builder's choices, read from and written to the query string, and the embed address
 * they make (`/embed/agency/:id` or `/embed/region/:code`, see worker/routes/embed.ts). Pure, so
 * it is unit-tested apart from the page.
 */

export const EMBED_KINDS = ["card", "bars", "trend", "outcome_mix"] as const;
export const EMBED_THEMES = ["light", "dark", "auto"] as const;
export const EMBED_LANGS = ["zh", "en"] as const;
const EMBED_SCOPES = ["self", "region"] as const;

export type EmbedKind = (typeof EMBED_KINDS)[number];
type EmbedTheme = (typeof EMBED_THEMES)[number];
export type EmbedLang = (typeof EMBED_LANGS)[number];
type EmbedScope = (typeof EMBED_SCOPES)[number];

/** The figures offered, labelled through `figureLabel`; the embed accepts any figure key. */
export const EMBED_FIGURES = [
  "metrics.website_visits",
  "section3.new_received.total",
  "section3.total_processed.total",
  "indicator.disclosure_rate",
  "indicator.reconsideration_correction_rate",
  "indicator.litigation_correction_rate",
  "section4.reconsideration.total",
  "metrics.wechat_followers",
] as const;

export interface EmbedChoice {
  subject: "agency" | "region";
  agency: number | null;
  /** The region's 行政区划代码, as its government carries it (chosen by the government's name). */
  region: string;
  metric: string;
  kind: EmbedKind;
  theme: EmbedTheme;
  transparent: boolean;
  lang: EmbedLang;
  /** As typed: `2019-2024`, `2023` or `2022,2023`; empty for the embed's default six years. */
  years: string;
  /** Region embeds only: sum single agencies' reports or whole-region reports. */
  scope: EmbedScope;
  /** The widest the frame will be on the host page, in px; the height is measured up to it. */
  width: number;
}

/** The narrowest frame the height is measured at, and the widest a builder offers. */
const EMBED_MIN_WIDTH = 320;
const EMBED_MAX_WIDTH = 1200;
const DEFAULT_WIDTH = 640;
/** The widths a builder offers for the frame (any in range is accepted from the URL). */
export const EMBED_WIDTHS = [320, 400, 480, 560, 640, 800, 1000, 1200] as const;
/** The embed page's breakpoint (`worker/embed/page.ts`): narrower frames get the compact chart. */
const COMPACT_BELOW = 480;

const REGION_CODE = /^\d{2,6}$/;
const YEAR_LIST = /^\d{4}(-\d{4})?(,\d{4}(-\d{4})?)*$/;

/** A height to start from until the embed's own height is measured. */
export const EMBED_HEIGHTS: Record<EmbedKind, number> = {
  card: 220,
  bars: 360,
  trend: 360,
  outcome_mix: 320,
};

const oneOf = <T extends string>(options: readonly T[], value: string | null, fallback: T): T =>
  options.includes(value as T) ? (value as T) : fallback;

/** The builder's state as the URL holds it; anything unknown falls back to the embed's defaults. */
export function readEmbedChoice(params: URLSearchParams): EmbedChoice {
  const agency = Number(params.get("agency"));
  return {
    subject: params.get("subject") === "region" ? "region" : "agency",
    agency: Number.isInteger(agency) && agency > 0 ? agency : null,
    region: params.get("region") ?? "",
    metric: params.get("metric") || EMBED_FIGURES[0],
    kind: oneOf(EMBED_KINDS, params.get("kind"), "trend"),
    theme: oneOf(EMBED_THEMES, params.get("theme"), "auto"),
    transparent: params.get("transparent") === "true",
    lang: oneOf(EMBED_LANGS, params.get("lang"), "zh"),
    years: params.get("years") ?? "",
    scope: oneOf(EMBED_SCOPES, params.get("scope"), "self"),
    width: readWidth(params.get("width")),
  };
}

function readWidth(text: string | null): number {
  const width = Number(text);
  if (!text || !Number.isInteger(width)) return DEFAULT_WIDTH;
  return Math.min(EMBED_MAX_WIDTH, Math.max(EMBED_MIN_WIDTH, width));
}

/**
 * The frame widths the height is measured at: the narrowest, each side of the compact layout's
 * breakpoint, and the widest chosen. A fixed-height frame must hold the chart at every width
 * between, and the tallest of these is the tallest there (text wraps most at the narrow end, the
 * charts scale up towards the wide end of each layout).
 */
export function measureWidths(width: number): number[] {
  const widths = [EMBED_MIN_WIDTH, COMPACT_BELOW - 1, COMPACT_BELOW, width];
  return [...new Set(widths.filter((w) => w <= width))].sort((a, b) => a - b);
}

/**
 * The height to write into the snippet: the tallest measured, with a few pixels to spare for a
 * reader's fonts being a little taller than the builder's. Null until every width has reported.
 */
export function snippetHeight(heights: readonly (number | undefined)[]): number | null {
  if (heights.length === 0 || heights.some((h) => h === undefined || !(h > 0))) return null;
  return Math.ceil(Math.max(...(heights as number[]))) + HEIGHT_SPARE;
}
const HEIGHT_SPARE = 4;

export type EmbedProblem = "chooseAgency" | "chooseRegion" | "badYears";

/** What keeps the choice from making an embed, if anything. */
export function embedProblems(choice: EmbedChoice): EmbedProblem[] {
  const problems: EmbedProblem[] = [];
  if (choice.subject === "agency" && choice.agency === null) problems.push("chooseAgency");
  if (choice.subject === "region" && !REGION_CODE.test(choice.region))
    problems.push("chooseRegion");
  if (choice.years !== "" && !validYears(choice.years)) problems.push("badYears");
  return problems;
}

function validYears(text: string): boolean {
  if (!YEAR_LIST.test(text)) return false;
  return text.split(",").every((part) => {
    const [from, to = from] = part.split("-").map(Number) as [number, number?];
    return to >= from && to - from <= 50;
  });
}

/**
 * The embed's address on `origin`, or null while the choice is incomplete. Defaults the embed
 * applies by itself (opaque background, all years, single agencies) are left out to keep it short.
 */
export function embedSrc(origin: string, choice: EmbedChoice): string | null {
  if (embedProblems(choice).length > 0) return null;
  const path =
    choice.subject === "agency"
      ? `/embed/agency/${choice.agency}`
      : `/embed/region/${choice.region}`;
  const query = new URLSearchParams({
    metric: choice.metric,
    kind: choice.kind,
    theme: choice.theme,
    lang: choice.lang,
  });
  if (choice.years) query.set("years", choice.years);
  if (choice.transparent) query.set("transparent", "true");
  if (choice.subject === "region" && choice.scope !== "self") query.set("scope", choice.scope);
  return `${origin.replace(/\/+$/, "")}${path}?${query}`;
}

/**
 * The frame's accessible name, in the embed's own language: whose figure, and which. Only the
 * figure while the agency's or region's name is still loading: never a bare number or code.
 */
export function embedTitle(
  choice: EmbedChoice,
  subjectName: string | null,
  label: (key: string, lang: EmbedLang) => string,
): string {
  const zh = choice.lang === "zh";
  const what =
    choice.kind === "outcome_mix"
      ? zh
        ? "申请办理结果构成"
        : "Outcomes of requests"
      : label(choice.metric, choice.lang);
  return subjectName ? `${subjectName} · ${what}` : what;
}
