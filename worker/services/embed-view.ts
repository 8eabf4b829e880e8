import type { SQL } from "drizzle-orm";
import type { Database } from "../db/client";
import { agencyNames } from "../db/queries/agencies";
import { rankedPage } from "../db/queries/compare";
import {
  anyAgencyInRegion,
  newestPublication as newestPublicationOf,
  readAgencySubject,
  regionGovernment,
  withinAgency,
  withinRegion,
} from "../db/queries/embed-subjects";
import { agencyYears, regionYears, type PublicRegion } from "../db/queries/public-figures";
import type {
  EmbedKind,
  EmbedLang,
  EmbedPoint,
  EmbedTheme,
  EmbedUnit,
  EmbedView,
} from "../embed/view";
import type { CsvTable } from "../http/csv";
import { notFound } from "../http/errors";
import { LICENCE } from "../public/licence";
import { figureDef, isFigureKey } from "../report/figures";
import { computeIndicator, INDICATORS } from "../report/indicators";
import {
  agencyYearsThen,
  changedSince,
  regionYearsThen,
  topmostRegionYearsThen,
  type ChangedReport,
} from "./pinned-figures";
import { OUTCOME_FAMILIES, OUTCOME_ROW_KEYS, section3Row } from "../report/templates";

/** Where the report template changed (FORMAT.md): trends mark it. */
const TEMPLATE_BREAK_YEAR = 2021;
/** A region's bar comparison: its largest agencies by the figure in the latest year. */
const BARS_LIMIT = 15;
const SOURCE = {
  zh: "年报平台 · 政府信息公开工作年度报告",
  en: "Nianbao · annual open-government-information reports",
};

export interface EmbedRequest {
  metric: string;
  years: number[];
  kind: EmbedKind;
  theme: EmbedTheme;
  transparent: boolean;
  lang: EmbedLang;
  /** For a region: which reports it sums (single agencies' by default). */
  scope: "self" | "region";
}

export type EmbedSubject = { agency: number } | { region: string };

/** The outcome families of table 三 and the totals of their printed rows (either layout). */
const FAMILIES = OUTCOME_FAMILIES.map((family) => ({
  family,
  label: FAMILY_LABELS(family),
  figures: [...new Set([...OUTCOME_ROW_KEYS("split"), ...OUTCOME_ROW_KEYS("single")])]
    .filter((key) => section3Row(key).family === family)
    .map((key) => `section3.${key}.total`),
}));

function FAMILY_LABELS(family: (typeof OUTCOME_FAMILIES)[number]): { zh: string; en: string } {
  const labels = {
    granted: ["予以公开", "Disclosed"],
    partially_granted: ["部分公开", "Partly disclosed"],
    denied: ["不予公开", "Not disclosed"],
    unable: ["无法提供", "Unable to provide"],
    not_processed: ["不予处理", "Not processed"],
    other_processing: ["其他处理", "Other handling"],
  } as const;
  return { zh: labels[family][0], en: labels[family][1] };
}

/** What the metric reads and how one year's figures make its value. */
function metricOf(key: string, lang: EmbedLang) {
  const indicator = INDICATORS.find((d) => `indicator.${d.key}` === key);
  if (indicator) {
    return {
      figures: [...indicator.numerator, ...indicator.denominator] as string[],
      label: lang === "zh" ? indicator.label : indicator.labelEn,
      unit: "rate" as EmbedUnit,
      unitLabel: "%",
      value: (values: Record<string, number | null>) => {
        const result = computeIndicator(indicator, (figure) => values[figure] ?? null);
        return result.value === null ? null : result.value * 100;
      },
      note:
        lang === "zh"
          ? `${indicator.label}：分母少于 ${indicator.minCount} 件时不计算`
          : `${indicator.labelEn}: not computed below ${indicator.minCount} cases`,
    };
  }
  if (!isFigureKey(key)) throw notFound("指标", "Metric");
  const def = figureDef(key);
  return {
    figures: [key],
    label: lang === "zh" ? def.label : def.labelEn,
    unit: (def.kind === "amount" ? "amount" : "count") as EmbedUnit,
    unitLabel: lang === "zh" ? def.unit : def.unitEn,
    value: (values: Record<string, number | null>) => values[key] ?? null,
    note: null,
  };
}

/**
 * Everything one embed shows, read from published figures only: the view the renderers draw
 * and the CSV of exactly those numbers (the "数据" link).
 */
export async function embedView(
  db: Database,
  subject: EmbedSubject,
  request: EmbedRequest,
  urls: { data: string; page: string; version: number },
  /** A data version older than the current one: the figures as they stood then. */
  pinned: number | null = null,
): Promise<{ view: EmbedView; table: CsvTable }> {
  const metric = metricOf(request.metric, request.lang);
  const years = [...request.years].sort((a, b) => a - b);
  const figures =
    request.kind === "outcome_mix" ? FAMILIES.flatMap((f) => f.figures) : metric.figures;
  const resolved = await resolve(db, subject, request.scope, { figures, years });
  const target = pinned === null ? resolved : asOf(db, resolved, pinned, request.scope);
  // Asked now, answered while the figures are read.
  const newest = newestPublication(db, target, pinned);
  newest.catch(() => undefined);
  const zh = request.lang === "zh";
  let points: EmbedPoint[] = [];
  let mix: EmbedView["mix"];
  const rows: unknown[][] = [];

  if (request.kind === "outcome_mix") {
    const entries = await target.read(figures, years);
    mix = entries.map((entry) => ({
      label: String(entry.year),
      year: entry.year,
      parts: FAMILIES.map((f) => ({
        key: f.family,
        label: zh ? f.label.zh : f.label.en,
        value: f.figures.reduce((sum, figure) => sum + (entry.values[figure] ?? 0), 0),
      })),
    }));
    for (const row of mix)
      for (const part of row.parts)
        rows.push([target.name, row.year, part.key, part.label, part.value]);
  } else if (request.kind === "bars" && target.region) {
    const year = years.at(-1)!;
    const changed = pinned === null ? [] : await changedSince(db, pinned, target.within, [year]);
    const page = await rankedPage(db, {
      ...target.region,
      figures: metric.figures,
      years: [year],
      scope: request.scope,
      basis: "published",
      // Reports changed since a pinned version may leave the list or join it.
      limit: BARS_LIMIT + changed.length,
      offset: 0,
      rankOn: rankTarget(request.metric),
      by: "value",
      dir: "desc",
    });
    let agencies = page.rows.map((row) => ({
      id: row.agencyId,
      name: row.agencyName,
      value: metric.value(row.values),
    }));
    if (changed.length > 0) agencies = await barsThen(db, agencies, changed, metric);
    points = agencies.slice(0, BARS_LIMIT).map((agency) => ({
      label: agency.name,
      value: agency.value,
      year,
      href: `/public/agency/${agency.id}`,
    }));
    for (const p of points) rows.push([p.label, year, request.metric, metric.label, p.value]);
  } else {
    const entries = new Map((await target.read(figures, years)).map((e) => [e.year, e]));
    points = years.map((year) => {
      const entry = entries.get(year);
      return { label: String(year), year, value: entry ? metric.value(entry.values) : null };
    });
    if (request.kind === "card") points = points.filter((p) => p.value !== null).slice(-2);
    for (const p of points) rows.push([target.name, p.year, request.metric, metric.label, p.value]);
  }

  const dataDate = await newest;
  const span = years.length > 1 ? `${years[0]}–${years.at(-1)}` : String(years[0]);
  const view: EmbedView = {
    lang: request.lang,
    theme: request.theme,
    transparent: request.transparent,
    title: `${target.name} · ${request.kind === "outcome_mix" ? (zh ? "申请办理结果构成" : "Outcomes of requests") : metric.label}`,
    subtitle:
      request.kind === "bars" && target.region
        ? zh
          ? `${years.at(-1)} 年，按数值排列的前 ${BARS_LIMIT} 个机构`
          : `${years.at(-1)}, the top ${BARS_LIMIT} agencies`
        : zh
          ? `${span} 年`
          : span,
    figure: {
      key: request.metric,
      label: metric.label,
      unit: metric.unit,
      unitLabel: metric.unitLabel,
    },
    kind: request.kind,
    points,
    ...(mix ? { mix } : {}),
    notes: metric.note && request.kind !== "outcome_mix" ? [metric.note] : [],
    templateBreakYear: TEMPLATE_BREAK_YEAR,
    dataUrl: urls.data,
    pageUrl: urls.page,
    source: zh ? SOURCE.zh : SOURCE.en,
    dataDate: dataDate ?? "",
    version: `v${urls.version}`,
    licence: { name: LICENCE.name, url: LICENCE.url },
  };
  const header =
    request.kind === "outcome_mix"
      ? ["subject", "year", "family", "label", "value"]
      : ["subject", "year", "metric", "label", "value"];
  return { view, table: { header, rows } };
}

function rankTarget(metric: string) {
  const indicator = INDICATORS.find((d) => `indicator.${d.key}` === metric);
  return indicator
    ? {
        numerator: indicator.numerator,
        denominator: indicator.denominator,
        minCount: indicator.minCount,
      }
    : { figure: metric };
}

interface Target {
  name: string;
  /** The reports the subject covers, as a condition on `agencies`. */
  within: SQL;
  /** Set for a region: what the agency filters of a comparison name it by. */
  region: PublicRegion | null;
  agencyId: number | null;
  /** The newest publication of what it covers, when already read. */
  newest?: string | null;
  read: (figures: string[], years: number[]) => ReturnType<typeof agencyYears>;
}

/**
 * The subject, named and ready to read. For an agency, the figures the embed will ask for
 * (`expected`) are read in the same round trip as the agency itself.
 */
async function resolve(
  db: Database,
  subject: EmbedSubject,
  scope: "self" | "region",
  expected: { figures: string[]; years: number[] },
): Promise<Target> {
  if ("agency" in subject) {
    const found = await readAgencySubject(db, subject.agency, expected);
    if (!found) throw notFound("机构", "Agency");
    const { agency, newest, known } = found;
    const asked = (f: string[], y: number[]) =>
      f.join() === expected.figures.join() && y.join() === expected.years.join();
    return {
      name: agency.name,
      within: withinAgency(agency.id),
      region: null,
      agencyId: agency.id,
      newest,
      read: async (figures, years) =>
        asked(figures, years) ? known : agencyYears(db, agency.id, figures, years),
    };
  }
  // The region's government carries its code: its subtree has maintained sums. A code no
  // government carries is summed by code prefix.
  const government = await regionGovernment(db, subject.region);
  const region: PublicRegion = government ? { under: government.id } : { region: subject.region };
  if (!government && !(await anyAgencyInRegion(db, subject.region)))
    throw notFound("地区", "Region");
  return {
    name: government?.name ?? subject.region,
    within: withinRegion(
      government ? { government: government.id } : { code: subject.region },
      scope,
    ),
    region,
    agencyId: government?.id ?? null,
    read: (figures, years) => regionYears(db, region, scope, years),
  };
}

/** When the newest figure shown was published (at or before a pinned version). */
async function newestPublication(
  db: Database,
  target: Target,
  pinned: number | null,
): Promise<string | null> {
  if (pinned === null && target.newest !== undefined) return target.newest;
  return newestPublicationOf(db, target.within, pinned);
}

/**
 * The subject's figures as they stood at a pinned version. Own-agency sums are today's less
 * what changed since; whole-region sums are chosen afresh when anything changed, since a
 * newly published report can contain (or stop containing) others.
 */
function asOf(db: Database, target: Target, pinned: number, scope: "self" | "region"): Target {
  return {
    ...target,
    newest: undefined,
    read: async (figures, years) => {
      const [current, changed] = await Promise.all([
        target.read(figures, years),
        changedSince(db, pinned, target.within, years),
      ]);
      if (!target.region) return agencyYearsThen(current, changed, figures);
      if (scope === "self") return regionYearsThen(current, changed, figures, years);
      const changedYears = new Set(changed.map((report) => report.year));
      if (changedYears.size === 0) return current;
      const then = await topmostRegionYearsThen(db, pinned, target.within, figures, [
        ...changedYears,
      ]);
      return [...current.filter((entry) => !changedYears.has(entry.year)), ...then].sort(
        (a, b) => a.year - b.year,
      );
    },
  };
}

/** A region's largest agencies as they stood: changed reports by their earlier figures. */
async function barsThen(
  db: Database,
  current: { id: number; name: string; value: number | null }[],
  changed: ChangedReport[],
  metric: { figures: string[]; value: (values: Record<string, number | null>) => number | null },
) {
  const replaced = new Set(changed.map((report) => report.agencyId));
  const earlier = changed.filter((report) => report.then !== null);
  const names = await agencyNames(
    db,
    earlier.map((report) => report.agencyId),
  );
  const then = earlier.map((report) => ({
    id: report.agencyId,
    name: names.get(report.agencyId) ?? String(report.agencyId),
    value: metric.value(
      Object.fromEntries(metric.figures.map((f) => [f, report.then!.get(f) ?? null])),
    ),
  }));
  return [...current.filter((agency) => !replaced.has(agency.id)), ...then].sort(
    (a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity),
  );
}
