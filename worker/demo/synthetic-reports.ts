/**
 * Synthetic annual reports in the canonical document shape (FORMAT §5), with plausible magnitudes
 * by level, kind and scope, figures that evolve year over year per agency, and a known share of
 * reports that are missing, break a hard rule on purpose, or leave cells blank.
 *
 * A whole-region report (an agency of scope `region`) covers its parts (FORMAT §8): it is the
 * government's own part plus, cell by cell, the own reports of the agencies under it and the
 * whole-region reports of the governments under it (which already hold their own parts). So
 * reports are generated bottom-up, children before parents. Sums of tables that satisfy R1–R4
 * satisfy them too, and a part that is missing or broken contributes its intended figures, as
 * the region's statisticians would have counted it.
 *
 * Pure and deterministic: `generateReports(agencies, years, seed)` gives byte-identical JSON for
 * the same arguments. Each agency draws from its own stream (`hashSeed(seed, agency.key)`) and
 * each of its years from a fork of it, so an agency's own figures never depend on other agencies,
 * and its reports depend only on the agencies of its subtree that are given.
 */

import type {
  Cell,
  Metrics,
  ReportDocument,
  ReportDocument2019,
  ReportDocument2021,
  Section3Rows,
  Section4,
} from "../report/document";
import type { MetricKey } from "../report/metrics";
import type { RuleId } from "../report/rules";
import {
  OUTCOME_ROW_KEYS,
  section3RowKeys,
  type Section3RowKey,
  type Template,
} from "../report/templates";
import { createRng, hashSeed, type Random } from "./random";
import type { SyntheticAgency } from "./synthetic-agencies";

type ReportIntent = "clean" | "breaks-rules" | "blank-cells";

/** Shares of agency-years: `missing` of all; `breaksRules` and `blankCells` of the reports published. */
export interface IntentRates {
  missing: number;
  breaksRules: number;
  blankCells: number;
}

const DEFAULT_INTENT_RATES: Readonly<IntentRates> = {
  missing: 0.05,
  breaksRules: 0.03,
  blankCells: 0.02,
};

/** The agency's traits that persist from year to year: typical sizes and habits. */
interface AgencyProfile {
  /** Typical new applications per year. */
  applications: number;
  /** Share of open applications carried forward to next year. */
  carryRate: number;
  /** Weights of the six applicant columns. */
  columnWeights: number[];
  /** Weights of the 21 outcome rows of the 2021 layout (2019 folds the last three into one). */
  outcomeWeights: number[];
  /** Cases per new application: reconsideration, direct litigation, litigation after reconsideration. */
  caseRates: [number, number, number];
  regulations: { made: number; initialValid: number };
  normative: { made: number; initialValid: number };
  /** Typical decisions per year; 0 when the agency makes none. */
  licensing: number;
  punishment: number;
  coercion: number;
  /** Typical fee income in 万元; 0 when none. */
  feesWanYuan: number;
  /** Decimal places the agency prints the fee with (0–4). */
  feeDecimals: number;
  /** Registered metrics the agency reports, with their typical value. */
  metrics: Partial<Record<MetricKey, number>>;
  /** 2019 table 二: numbers of matters (事项) the agency handles when its series starts. */
  matters: Record<MatterKind, number>;
  /** 2019 table 二: typical centralised procurement projects per year. */
  procurementProjects: number;
}

/** The kinds of matters (事项) whose numbers the 2019 table 二 carries from year to year. */
type MatterKind = "licensing" | "otherServices" | "punishment" | "coercion" | "fees";

const MATTER_KINDS: readonly MatterKind[] = [
  "licensing",
  "otherServices",
  "punishment",
  "coercion",
  "fees",
];

/** What one year of the agency's own part leaves for the next: true (unprinted) closing figures. */
interface AgencyHistory {
  /** 四、结转下年度继续办理, the seven cells. */
  carriedForward: number[];
  regulationsValid: number;
  normativeValid: number;
  /** Matters at the end of the year (next year's 上一年项目数量). */
  matters: Record<MatterKind, number>;
}

type Row = number[];
type SplitRowKey = Exclude<Section3RowKey, "other_processing">;
interface Stock {
  made: number;
  repealed: number;
  valid: number;
}

/**
 * One agency-year's intended figures, all rules holding: what the document prints before any
 * deliberate defect or blank, and what a whole-region report sums.
 */
interface ReportFigures {
  template: Template;
  /** Table 三 in the 2021 layout; a 2019 document folds the three 其他处理 rows into one. */
  rows: Record<SplitRowKey, Row>;
  /** Table 四: reconsideration, direct litigation, litigation after reconsideration. */
  section4: [Row, Row, Row];
  /** 规章: a government's own, never summed over its region. */
  regulations: Stock;
  normative: Stock;
  licensing: number;
  punishment: number;
  coercion: number;
  feesWanYuan: number;
  /** 2019 table 二: matters at the start of the year (上一年项目数量) and the year's change. */
  matters: Record<MatterKind, { prev: number; change: number }>;
  otherServicesDecisions: number;
  procurement: { projects: number; amountYuan: number };
  /** The agency's own portal and channels, never summed over its region. */
  metrics: Partial<Record<MetricKey, number>>;
}

export interface ReportOptions {
  /** The agency's persistent traits; drawn from `rng` when absent. */
  profile?: AgencyProfile;
  /** Last year's closing figures; without them the carry-over is drawn as if last year was typical. */
  history?: AgencyHistory | null;
  /**
   * The summed figures of what the agency's report covers besides itself (its parts' own reports
   * and whole-region reports), for an agency of scope `region`.
   */
  parts?: ReportFigures | null;
  /** Forces the outcome; otherwise drawn from `rates`. */
  intent?: ReportIntent | "missing";
  rates?: Partial<IntentRates>;
}

interface ReportStep {
  /** null when the agency did not report that year. */
  document: ReportDocument | null;
  intent: ReportIntent | "missing";
  /** For a report that breaks rules on purpose: what was changed and the rules that now fail. */
  defect: Defect | null;
  /** Pass as `history` for the agency's next year, also after a missing year. */
  history: AgencyHistory;
  /**
   * What the agency adds to the whole-region report above it, missing or not: its report's
   * intended figures when it reports for its region, else its own part plus its parts.
   */
  contribution: ReportFigures;
}

export interface GeneratedReport {
  agencyKey: string;
  year: number;
  document: ReportDocument;
  intent: ReportIntent;
  /** Present when `intent` is "breaks-rules". */
  defect?: Defect;
}

/** One agency's reports, as `generateReportsBottomUp` hands them out. */
export interface AgencyReports {
  agency: SyntheticAgency;
  reports: GeneratedReport[];
}

/**
 * All reports of `agencies` over `years` (each agency's years generated in ascending order, so
 * that this year's `carried_over` is last year's `carried_forward`). Missing agency-years are left
 * out. Output is ordered as `agencies`, then by year.
 *
 * @example
 * const reports = generateReports(generateAgencies(demoProvinceOptions(1)), [2022, 2023, 2024], 1);
 */
export function generateReports(
  agencies: readonly SyntheticAgency[],
  years: readonly number[],
  seed: number,
  rates: Partial<IntentRates> = {},
): GeneratedReport[] {
  const byAgency = new Map<string, GeneratedReport[]>();
  for (const { agency, reports } of generateReportsBottomUp(agencies, years, seed, rates)) {
    byAgency.set(agency.key, reports);
  }
  return agencies.flatMap((agency) => byAgency.get(agency.key) ?? []);
}

/**
 * The same reports as `generateReports`, one agency at a time, every agency after the agencies
 * under it (a depth-first walk of the trees that `parentKey` draws among `agencies`; an agency
 * whose parent is not given starts a tree). Holds only the running sums of the governments on the
 * current path, so that large sets can be written out without keeping every document.
 */
export function* generateReportsBottomUp(
  agencies: readonly SyntheticAgency[],
  years: readonly number[],
  seed: number,
  rates: Partial<IntentRates> = {},
): Generator<AgencyReports> {
  const sortedYears = [...new Set(years)].sort((a, b) => a - b);
  const given = new Set(agencies.map((agency) => agency.key));
  if (given.size !== agencies.length) throw new RangeError("agency keys must be unique");
  const children = new Map<string, SyntheticAgency[]>();
  const roots: SyntheticAgency[] = [];
  for (const agency of agencies) {
    if (agency.parentKey === null || !given.has(agency.parentKey)) {
      roots.push(agency);
      continue;
    }
    const siblings = children.get(agency.parentKey);
    if (siblings) siblings.push(agency);
    else children.set(agency.parentKey, [agency]);
  }

  interface Frame {
    agency: SyntheticAgency;
    next: number;
    /** By year index: the sum of the contributions of the children done so far. */
    parts: (ReportFigures | null)[];
  }
  const frame = (agency: SyntheticAgency): Frame => ({
    agency,
    next: 0,
    parts: sortedYears.map(() => null),
  });
  let done = 0;
  for (const root of roots) {
    const stack: Frame[] = [frame(root)];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as Frame;
      const below = children.get(top.agency.key);
      if (below && top.next < below.length) {
        stack.push(frame(below[top.next++] as SyntheticAgency));
        continue;
      }
      stack.pop();
      const { reports, contributions } = generateAgencyYears(
        top.agency,
        sortedYears,
        seed,
        rates,
        top.parts,
      );
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.parts = parent.parts.map((sum, i) => {
          const add = contributions[i] as ReportFigures;
          return sum === null ? add : addFigures(sum, add);
        });
      }
      done++;
      yield { agency: top.agency, reports };
    }
  }
  if (done !== agencies.length) {
    throw new RangeError("agencies must form trees: a parent cycle leaves some unreached");
  }
}

function generateAgencyYears(
  agency: SyntheticAgency,
  years: readonly number[],
  seed: number,
  rates: Partial<IntentRates>,
  parts: readonly (ReportFigures | null)[],
): { reports: GeneratedReport[]; contributions: ReportFigures[] } {
  const rng = createRng(hashSeed(seed, agency.key));
  const profile = createAgencyProfile(agency, rng);
  const reports: GeneratedReport[] = [];
  const contributions: ReportFigures[] = [];
  let history: AgencyHistory | null = null;
  years.forEach((year, i) => {
    const step = generateReportStep(agency, year, rng, {
      profile,
      history,
      rates,
      parts: parts[i] ?? null,
    });
    history = step.history;
    contributions.push(step.contribution);
    if (step.document !== null && step.intent !== "missing") {
      const report: GeneratedReport = {
        agencyKey: agency.key,
        year,
        document: step.document,
        intent: step.intent,
      };
      if (step.defect) report.defect = step.defect;
      reports.push(report);
    }
  });
  return { reports, contributions };
}

/**
 * One report of `agency` for `year`, or null when the agency did not report. For a series over
 * several years use `generateReportStep` (it returns the history the next year needs) or
 * `generateReports`.
 *
 * @example
 * const doc = generateReport(agency, 2023, createRng(5), { intent: "clean" });
 */
export function generateReport(
  agency: SyntheticAgency,
  year: number,
  rng: Random,
  options: ReportOptions = {},
): ReportDocument | null {
  return generateReportStep(agency, year, rng, options).document;
}

/** Draws what happens to one agency-year: missing, or a report that is clean, broken or blank. */
function drawIntent(rng: Random, rates: Partial<IntentRates> = {}): ReportIntent | "missing" {
  const r = { ...DEFAULT_INTENT_RATES, ...rates };
  // Two draws whatever the outcome, so that what follows does not depend on it.
  const missing = rng.next();
  const u = rng.next();
  if (missing < r.missing) return "missing";
  if (u < r.breaksRules) return "breaks-rules";
  if (u < r.breaksRules + r.blankCells) return "blank-cells";
  return "clean";
}

/**
 * One agency-year: the document (null when missing), its intent, the history for next year and
 * the figures the agency adds to the region above it. Takes one draw from `rng` (and the profile's
 * when none is given) and draws the year from a fork of it, so that a year's own figures depend
 * neither on its intent nor on what the parts summed to.
 */
function generateReportStep(
  agency: SyntheticAgency,
  year: number,
  rng: Random,
  options: ReportOptions = {},
): ReportStep {
  const profile = options.profile ?? createAgencyProfile(agency, rng);
  const yearRng = rng.fork(year);
  const drawn = drawIntent(yearRng, options.rates);
  const planned = options.intent ?? drawn;
  const own = drawFigures(agency, profile, year, yearRng, options.history ?? null);
  const history: AgencyHistory = {
    carriedForward: own.rows.carried_forward,
    regulationsValid: own.regulations.valid,
    normativeValid: own.normative.valid,
    matters: closingMatters(own),
  };
  const parts = options.parts ?? null;
  const withParts = parts === null ? own : addFigures(own, parts);
  const figures = agency.scope === "region" ? withParts : own;
  const step = { history, contribution: withParts };
  if (planned === "missing") return { document: null, intent: "missing", defect: null, ...step };

  const document = buildDocument(agency, year, figures, yearRng);
  let intent: ReportIntent = planned;
  let defect: Defect | null = null;
  if (planned === "breaks-rules") defect = breakRules(document, yearRng);
  if (planned === "blank-cells" && !blankSomeCells(document, yearRng)) intent = "clean";
  return { document, intent, defect, ...step };
}

// ---------------------------------------------------------------------------------------------
// Profiles: typical sizes by level, kind and scope

type Tier =
  | "province-government"
  | "city-government"
  | "county-government"
  | "township"
  | "province-department"
  | "city-department"
  | "county-department";

function tierOf(agency: SyntheticAgency): Tier {
  if (agency.kind === "department") return `${agencyLevelForDepartment(agency)}-department`;
  if (agency.level === "township") return "township";
  return `${agency.level}-government`;
}

function agencyLevelForDepartment(agency: SyntheticAgency): "province" | "city" | "county" {
  return agency.level === "township" ? "county" : agency.level;
}

interface TierSizes {
  /** Median new applications; sigma of its spread across agencies. */
  applications: [number, number];
  licensing: [number, number];
  punishment: [number, number];
  coercion: [number, number];
  feesWanYuan: [number, number];
  normativeMade: number;
  normativeValid: [number, number];
  metrics: Record<MetricKey, number>;
}

/**
 * Medians seen in published reports (fixtures 00–22), extrapolated across levels. The demo lists
 * about a quarter of a real region's departments, so a listed department's applications stand for
 * four (a real 淮安市 counts 3,119 in its whole-region report). A government's own part is what
 * its own offices handle, a few per cent of its region's: its whole-region report adds the reports
 * of the agencies listed under it, so 自报 vs 汇总 differs much only where a part is missing or
 * the own part is unusually large — as a reviewer would expect.
 */
const TIER_SIZES: Record<Tier, TierSizes> = {
  "province-government": {
    applications: [400, 0.5],
    licensing: [3_000_000, 0.6],
    punishment: [9_000_000, 0.7],
    coercion: [400_000, 0.8],
    feesWanYuan: [600_000, 0.7],
    normativeMade: 60,
    normativeValid: [250, 700],
    metrics: {
      website_visits: 40_000_000,
      items_published_website: 30_000,
      wechat_followers: 2_000_000,
      policy_interpretations: 250,
      press_conferences: 80,
      training_person_times: 4000,
      fee_collected_yuan: 2000,
    },
  },
  "city-government": {
    applications: [60, 0.5],
    licensing: [250_000, 0.8],
    punishment: [600_000, 1.0],
    coercion: [20_000, 1.0],
    feesWanYuan: [60_000, 0.8],
    normativeMade: 20,
    normativeValid: [60, 300],
    metrics: {
      website_visits: 6_000_000,
      items_published_website: 12_000,
      wechat_followers: 300_000,
      policy_interpretations: 80,
      press_conferences: 25,
      training_person_times: 1200,
      fee_collected_yuan: 1500,
    },
  },
  "county-government": {
    applications: [10, 0.6],
    licensing: [12_000, 0.8],
    punishment: [5_000, 1.0],
    coercion: [200, 1.1],
    feesWanYuan: [5_000, 0.9],
    normativeMade: 6,
    normativeValid: [8, 80],
    metrics: {
      website_visits: 1_200_000,
      items_published_website: 4000,
      wechat_followers: 40_000,
      policy_interpretations: 25,
      press_conferences: 6,
      training_person_times: 300,
      fee_collected_yuan: 500,
    },
  },
  township: {
    applications: [2.5, 0.9],
    licensing: [25, 1.0],
    punishment: [12, 1.0],
    coercion: [2, 1.0],
    feesWanYuan: [3, 1.0],
    normativeMade: 0.4,
    normativeValid: [0, 6],
    metrics: {
      website_visits: 30_000,
      items_published_website: 300,
      wechat_followers: 3000,
      policy_interpretations: 3,
      press_conferences: 1,
      training_person_times: 40,
      fee_collected_yuan: 100,
    },
  },
  "province-department": {
    applications: [180, 1.0],
    licensing: [3000, 1.0],
    punishment: [300, 1.0],
    coercion: [30, 1.0],
    feesWanYuan: [400, 1.0],
    normativeMade: 8,
    normativeValid: [25, 100],
    metrics: {
      website_visits: 800_000,
      items_published_website: 3000,
      wechat_followers: 150_000,
      policy_interpretations: 25,
      press_conferences: 6,
      training_person_times: 300,
      fee_collected_yuan: 300,
    },
  },
  "city-department": {
    applications: [90, 1.0],
    licensing: [5000, 1.0],
    punishment: [1500, 1.1],
    coercion: [80, 1.1],
    feesWanYuan: [150, 1.0],
    normativeMade: 3,
    normativeValid: [8, 40],
    metrics: {
      website_visits: 200_000,
      items_published_website: 900,
      wechat_followers: 20_000,
      policy_interpretations: 12,
      press_conferences: 3,
      training_person_times: 150,
      fee_collected_yuan: 200,
    },
  },
  "county-department": {
    applications: [20, 1.1],
    licensing: [800, 1.1],
    punishment: [200, 1.2],
    coercion: [15, 1.2],
    feesWanYuan: [40, 1.1],
    normativeMade: 1,
    normativeValid: [1, 15],
    metrics: {
      website_visits: 40_000,
      items_published_website: 300,
      wechat_followers: 3000,
      policy_interpretations: 5,
      press_conferences: 1,
      training_person_times: 50,
      fee_collected_yuan: 100,
    },
  },
};

/** How often a report prints each metric at all. */
const METRIC_PRESENCE: Record<MetricKey, number> = {
  website_visits: 0.6,
  items_published_website: 0.75,
  wechat_followers: 0.4,
  policy_interpretations: 0.7,
  press_conferences: 0.35,
  training_person_times: 0.5,
  fee_collected_yuan: 0.6,
};

const METRIC_ORDER: readonly MetricKey[] = [
  "website_visits",
  "items_published_website",
  "wechat_followers",
  "policy_interpretations",
  "press_conferences",
  "training_person_times",
  "fee_collected_yuan",
];

/**
 * Department traits recognised by name: `apps` scales applications; `lic`, `pun`, `coe` scale
 * licensing, punishment and coercion decisions (0 = the department normally makes none); `fee`
 * is the chance of fee income.
 */
interface DepartmentTrait {
  apps: number;
  lic: number;
  pun: number;
  coe: number;
  fee: number;
}

const DEPARTMENT_TRAITS: ReadonlyArray<[string, DepartmentTrait]> = [
  ["办公", { apps: 3, lic: 0, pun: 0, coe: 0, fee: 0.02 }],
  ["自然资源", { apps: 4, lic: 1, pun: 0.5, coe: 0.3, fee: 0.6 }],
  ["住房和城乡建设", { apps: 3, lic: 2, pun: 0.6, coe: 0.3, fee: 0.5 }],
  ["公安", { apps: 2, lic: 3, pun: 20, coe: 6, fee: 0.5 }],
  ["市场监督", { apps: 1.5, lic: 3, pun: 2, coe: 2, fee: 0.3 }],
  ["生态环境", { apps: 1.5, lic: 0.5, pun: 0.6, coe: 0.5, fee: 0.3 }],
  ["交通运输", { apps: 1, lic: 2, pun: 3, coe: 1, fee: 0.4 }],
  ["城市管理", { apps: 1.5, lic: 1, pun: 3, coe: 2, fee: 0.4 }],
  ["卫生健康", { apps: 1, lic: 2, pun: 1, coe: 0.2, fee: 0.3 }],
  ["人力资源", { apps: 1.5, lic: 0.3, pun: 0.2, coe: 0.05, fee: 0.2 }],
  ["应急管理", { apps: 0.8, lic: 0.3, pun: 0.5, coe: 0.3, fee: 0.1 }],
  ["农业农村", { apps: 0.8, lic: 1, pun: 0.3, coe: 0.1, fee: 0.2 }],
  ["水利", { apps: 0.6, lic: 0.5, pun: 0.2, coe: 0.1, fee: 0.4 }],
  ["林业", { apps: 0.5, lic: 0.5, pun: 0.3, coe: 0.1, fee: 0.3 }],
  ["文化", { apps: 0.5, lic: 0.5, pun: 0.3, coe: 0.05, fee: 0.1 }],
  ["教育", { apps: 1.2, lic: 0.3, pun: 0.05, coe: 0, fee: 0.2 }],
  ["药品监督", { apps: 0.5, lic: 1, pun: 0.5, coe: 0.3, fee: 0.2 }],
  ["政务服务", { apps: 0.8, lic: 8, pun: 0, coe: 0, fee: 0.1 }],
  ["民政", { apps: 1, lic: 0.2, pun: 0.05, coe: 0, fee: 0.1 }],
  ["医疗保障", { apps: 0.8, lic: 0, pun: 0.3, coe: 0, fee: 0 }],
];

const DEFAULT_DEPARTMENT_TRAIT: DepartmentTrait = {
  apps: 0.6,
  lic: 0.05,
  pun: 0.02,
  coe: 0,
  fee: 0.1,
};

function departmentTrait(name: string): DepartmentTrait {
  for (const [keyword, trait] of DEPARTMENT_TRAITS) {
    if (name.includes(keyword)) return trait;
  }
  return DEFAULT_DEPARTMENT_TRAIT;
}

/** Base shares of the 21 outcome rows, in printed order (fixtures 01 and 05 for orientation). */
const OUTCOME_BASE_WEIGHTS: readonly number[] = [
  0.42, // granted
  0.13, // partially_granted
  0.002, // denied_state_secret
  0.006, // denied_law_forbidden
  0.003, // denied_three_safety_one_stability
  0.006, // denied_third_party
  0.006, // denied_internal_affairs
  0.008, // denied_process_info
  0.004, // denied_enforcement_file
  0.02, // denied_administrative_query
  0.24, // unable_not_held
  0.02, // unable_needs_creation
  0.01, // unable_unclear_after_correction
  0.025, // notproc_petition_complaint
  0.012, // notproc_repeat
  0.002, // notproc_publication
  0.003, // notproc_massive_repeat
  0.002, // notproc_confirm_reissue
  0.03, // other_no_correction
  0.002, // other_no_fee_payment
  0.03, // other_other
];

/** 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他. */
const COLUMN_BASE_WEIGHTS: readonly number[] = [0.9, 0.05, 0.002, 0.003, 0.02, 0.015];

/** Table 四 outcomes: 维持, 纠正, 其他, 尚未审结. */
const SECTION4_WEIGHTS: readonly number[] = [0.45, 0.12, 0.3, 0.13];

/** Draws an agency's persistent traits. */
function createAgencyProfile(agency: SyntheticAgency, rng: Random): AgencyProfile {
  const tier = tierOf(agency);
  const sizes = TIER_SIZES[tier];
  const trait = agency.kind === "department" ? departmentTrait(agency.name) : null;
  const countyOrAbove = agency.kind === "government" && agency.level !== "township";
  const makesRegulations =
    agency.kind === "government" && (agency.level === "province" || agency.level === "city");

  const decisions = (
    size: [number, number],
    factor: number | null,
    chanceWithout: number,
  ): number => {
    if (factor === null) return rng.logNormal(size[0], size[1]);
    if (factor > 0) return rng.logNormal(size[0] * factor, size[1]);
    return rng.chance(chanceWithout) ? rng.logNormal(Math.min(size[0], 20), 1) : 0;
  };
  const townshipDecision = (size: [number, number], chanceOf: number): number =>
    rng.chance(chanceOf) ? rng.logNormal(size[0], size[1]) : 0;

  let licensing: number;
  let punishment: number;
  let coercion: number;
  let feesWanYuan: number;
  if (tier === "township") {
    licensing = townshipDecision(sizes.licensing, 0.5);
    punishment = townshipDecision(sizes.punishment, 0.45);
    coercion = townshipDecision(sizes.coercion, 0.12);
    feesWanYuan = townshipDecision(sizes.feesWanYuan, 0.15);
  } else {
    licensing = decisions(sizes.licensing, trait ? trait.lic : null, 0.25);
    punishment = decisions(sizes.punishment, trait ? trait.pun : null, 0.08);
    coercion = decisions(sizes.coercion, trait ? trait.coe : null, 0.03);
    feesWanYuan =
      trait === null || rng.chance(trait.fee)
        ? rng.logNormal(sizes.feesWanYuan[0], sizes.feesWanYuan[1])
        : 0;
  }

  const metrics: Partial<Record<MetricKey, number>> = {};
  for (const key of METRIC_ORDER) {
    const presence = tier === "township" ? METRIC_PRESENCE[key] * 0.5 : METRIC_PRESENCE[key];
    if (!rng.chance(presence)) continue;
    if (key === "fee_collected_yuan") {
      // Most agencies collect no information-processing fee at all.
      metrics[key] = rng.chance(0.15) ? rng.logNormal(sizes.metrics[key], 1) : 0;
    } else {
      metrics[key] = rng.logNormal(sizes.metrics[key], 0.8);
    }
  }

  const outcomeWeights = OUTCOME_BASE_WEIGHTS.map((w) => w * rng.logNormal(1, 0.5));
  const columnWeights = COLUMN_BASE_WEIGHTS.map((w, i) =>
    i === 0 ? w : w * rng.logNormal(1, 0.7),
  );
  const [validLo, validHi] = sizes.normativeValid;
  const maxMatters = countyOrAbove ? 400 : tier === "township" ? 8 : 60;
  const hasMatters = (median: number): number => (median > 0 ? rng.int(1, maxMatters) : 0);

  return {
    applications: rng.logNormal(
      sizes.applications[0] * (trait ? trait.apps : 1),
      sizes.applications[1],
    ),
    carryRate: Math.min(0.3, rng.logNormal(0.035, 0.6)),
    columnWeights,
    outcomeWeights,
    caseRates: [
      Math.min(0.3, rng.logNormal(0.05, 0.7)),
      Math.min(0.2, rng.logNormal(0.012, 0.7)),
      Math.min(0.2, rng.logNormal(0.008, 0.7)),
    ],
    regulations: makesRegulations
      ? agency.level === "province"
        ? { made: rng.float(4, 14), initialValid: rng.int(150, 420) }
        : { made: rng.float(0.5, 2.5), initialValid: rng.int(8, 50) }
      : { made: 0, initialValid: 0 },
    normative: {
      made: sizes.normativeMade * rng.logNormal(1, 0.5),
      initialValid: rng.int(validLo, validHi),
    },
    licensing,
    punishment,
    coercion,
    feesWanYuan,
    feeDecimals: rng.pick([0, 1, 2, 2, 4]),
    metrics,
    matters: {
      licensing: hasMatters(licensing),
      otherServices: rng.chance(0.3) ? rng.int(1, Math.ceil(maxMatters / 10)) : 0,
      punishment: hasMatters(punishment),
      coercion: hasMatters(coercion),
      fees: feesWanYuan > 0 ? rng.int(1, 25) : 0,
    },
    procurementProjects: rng.chance(0.6) ? rng.logNormal(countyOrAbove ? 300 : 8, 0.8) : 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Figures of one year, all rules holding

const SPLIT_KEYS = section3RowKeys("split") as SplitRowKey[];
const SINGLE_KEYS = section3RowKeys("single");
/** The 18 outcome rows shared by both layouts, then the three split （六） rows. */
const OUTCOME_KEYS_SPLIT = SPLIT_KEYS.slice(2, 23);
const SPLIT_OTHER_KEYS = OUTCOME_KEYS_SPLIT.slice(18);

function yearTrend(year: number): number {
  return 1 + 0.03 * (year - 2021);
}

/** The agency's own part of one year, drawn from `rng`; `history` is its own part's last year. */
function drawFigures(
  agency: SyntheticAgency,
  profile: AgencyProfile,
  year: number,
  rng: Random,
  history: AgencyHistory | null,
): ReportFigures {
  const template: Template = year >= 2021 ? "2021" : "2019";
  const trend = yearTrend(year);

  // Table 三, column by column: 一 and 二, then 四, then the outcomes of what was processed.
  const newTotal = countAround(rng, profile.applications * trend, 0.25);
  const newReceived = new Array<number>(7).fill(0);
  multinomial(rng, newTotal, profile.columnWeights, newReceived);
  const carriedOver = new Array<number>(7).fill(0);
  if (history) {
    for (let c = 0; c < 6; c++) carriedOver[c] = history.carriedForward[c] ?? 0;
  } else {
    for (let c = 0; c < 6; c++)
      carriedOver[c] = binomial(rng, at(newReceived, c), profile.carryRate);
  }
  const carryRate = Math.min(0.5, profile.carryRate * rng.logNormal(1, 0.3));
  const carriedForward = new Array<number>(7).fill(0);
  const outcomeRows: Row[] = OUTCOME_KEYS_SPLIT.map(() => new Array<number>(7).fill(0));
  const weights = profile.outcomeWeights.map((w) => w * rng.logNormal(1, 0.2));
  const column = new Array<number>(weights.length).fill(0);
  for (let c = 0; c < 6; c++) {
    const open = at(newReceived, c) + at(carriedOver, c);
    const forward = binomial(rng, open, carryRate);
    carriedForward[c] = forward;
    multinomial(rng, open - forward, weights, column);
    for (let r = 0; r < outcomeRows.length; r++) (outcomeRows[r] as Row)[c] = at(column, r);
  }
  const totalProcessed = new Array<number>(7).fill(0);
  for (const row of outcomeRows) {
    for (let c = 0; c < 6; c++) totalProcessed[c] = at(totalProcessed, c) + at(row, c);
  }

  const rows = {} as Record<SplitRowKey, Row>;
  rows.new_received = withTotal(newReceived);
  rows.carried_over = withTotal(carriedOver);
  OUTCOME_KEYS_SPLIT.forEach((key, r) => (rows[key] = withTotal(outcomeRows[r] as Row)));
  rows.total_processed = withTotal(totalProcessed);
  rows.carried_forward = withTotal(carriedForward);

  // Table 四.
  const section4 = profile.caseRates.map((rate) => {
    const group = new Array<number>(5).fill(0);
    multinomial(rng, countAround(rng, rate * (newTotal + 1), 0.4), SECTION4_WEIGHTS, group);
    group[4] = at(group, 0) + at(group, 1) + at(group, 2) + at(group, 3);
    return group;
  }) as [Row, Row, Row];

  // Table 二: documents in force evolve; decisions and fees around the agency's typical size.
  const prevRegulations = history ? history.regulationsValid : profile.regulations.initialValid;
  const regulations = evolveStock(rng, prevRegulations, profile.regulations.made, 0.02);
  const prevNormative = history ? history.normativeValid : profile.normative.initialValid;
  const normative = evolveStock(rng, prevNormative, profile.normative.made, 0.07);

  const metrics: Partial<Record<MetricKey, number>> = {};
  for (const key of METRIC_ORDER) {
    const base = profile.metrics[key];
    if (base === undefined) continue;
    let value = base === 0 ? 0 : countAround(rng, base * trend, 0.15);
    if (key === "website_visits" && value >= 1_000_000) value = Math.round(value / 10_000) * 10_000;
    if (key === "fee_collected_yuan" && value >= 100) value = Math.round(value / 10) * 10;
    metrics[key] = value;
  }

  const licensing = profile.licensing === 0 ? 0 : countAround(rng, profile.licensing * trend, 0.2);
  const punishment =
    profile.punishment === 0 ? 0 : countAround(rng, profile.punishment * trend, 0.25);
  const coercion = profile.coercion === 0 ? 0 : countAround(rng, profile.coercion * trend, 0.3);
  const feesWanYuan =
    profile.feesWanYuan === 0
      ? 0
      : roundTo(
          rng.logNormal(profile.feesWanYuan, 0.2),
          agency.level === "township" ? Math.min(profile.feeDecimals, 2) : profile.feeDecimals,
        );

  // 2019 table 二: the matters at the start of the year are last year's at its end. Drawn every
  // year, printed only in the 2019 layout.
  const matters = {} as ReportFigures["matters"];
  for (const kind of MATTER_KINDS) {
    const prev = history ? history.matters[kind] : profile.matters[kind];
    matters[kind] = { prev, change: prev === 0 ? 0 : Math.max(-prev, rng.int(-2, 3)) };
  }
  const otherServices = matters.otherServices.prev;
  const otherServicesDecisions =
    otherServices === 0 ? 0 : countAround(rng, otherServices * 20, 0.5);
  const projects =
    profile.procurementProjects === 0 ? 0 : countAround(rng, profile.procurementProjects, 0.2);
  const amountYuan = projects === 0 ? 0 : Math.round(projects * rng.logNormal(300_000, 0.8));

  return {
    template,
    rows,
    section4,
    regulations,
    normative,
    licensing,
    punishment,
    coercion,
    feesWanYuan,
    matters,
    otherServicesDecisions,
    procurement: { projects, amountYuan },
    metrics,
  };
}

/** 本年制发, 本年废止, 现行有效 with 现行有效 = last year's + 制发 − 废止 (so 制发 ≤ 现行有效). */
function evolveStock(
  rng: Random,
  previousValid: number,
  typicalMade: number,
  repealShare: number,
): Stock {
  const made = typicalMade === 0 ? 0 : poisson(rng, typicalMade * rng.logNormal(1, 0.3));
  const repealed = Math.min(previousValid, poisson(rng, previousValid * repealShare));
  return { made, repealed, valid: previousValid + made - repealed };
}

function closingMatters(f: ReportFigures): Record<MatterKind, number> {
  const out = {} as Record<MatterKind, number>;
  for (const kind of MATTER_KINDS) out[kind] = f.matters[kind].prev + f.matters[kind].change;
  return out;
}

/**
 * `base` with `parts` added cell by cell: table 三 and 四 (sums of tables that satisfy R1–R4
 * satisfy them), the counts and amounts of table 二. 规章 and the metrics stay `base`'s own: a
 * region's 规章 are its government's, its portal is the government's.
 */
function addFigures(base: ReportFigures, parts: ReportFigures): ReportFigures {
  const rows = {} as Record<SplitRowKey, Row>;
  for (const key of SPLIT_KEYS) rows[key] = addRows(base.rows[key], parts.rows[key]);
  const matters = {} as ReportFigures["matters"];
  for (const kind of MATTER_KINDS) {
    matters[kind] = {
      prev: base.matters[kind].prev + parts.matters[kind].prev,
      change: base.matters[kind].change + parts.matters[kind].change,
    };
  }
  return {
    template: base.template,
    rows,
    section4: [
      addRows(base.section4[0], parts.section4[0]),
      addRows(base.section4[1], parts.section4[1]),
      addRows(base.section4[2], parts.section4[2]),
    ],
    regulations: base.regulations,
    normative: {
      made: base.normative.made + parts.normative.made,
      repealed: base.normative.repealed + parts.normative.repealed,
      valid: base.normative.valid + parts.normative.valid,
    },
    licensing: base.licensing + parts.licensing,
    punishment: base.punishment + parts.punishment,
    coercion: base.coercion + parts.coercion,
    feesWanYuan: roundTo(base.feesWanYuan + parts.feesWanYuan, 4),
    matters,
    otherServicesDecisions: base.otherServicesDecisions + parts.otherServicesDecisions,
    procurement: {
      projects: base.procurement.projects + parts.procurement.projects,
      amountYuan: base.procurement.amountYuan + parts.procurement.amountYuan,
    },
    metrics: base.metrics,
  };
}

function addRows(a: readonly number[], b: readonly number[]): Row {
  return a.map((value, i) => value + at(b, i));
}

// ---------------------------------------------------------------------------------------------
// The document

function buildDocument(
  agency: SyntheticAgency,
  year: number,
  f: ReportFigures,
  rng: Random,
): ReportDocument {
  // Copies: defects are applied to the document, never to the figures that next year and the
  // region above read.
  const rows: Section3Rows = {};
  if (f.template === "2021") {
    for (const key of SPLIT_KEYS) rows[key] = f.rows[key].slice();
  } else {
    for (const key of SINGLE_KEYS) {
      rows[key] =
        key === "other_processing"
          ? SPLIT_OTHER_KEYS.reduce<Row>(
              (sum, other) => addRows(sum, f.rows[other]),
              [0, 0, 0, 0, 0, 0, 0],
            )
          : f.rows[key].slice();
    }
  }
  const section4: Section4 = {
    reconsideration: f.section4[0].slice(),
    litigation_direct: f.section4[1].slice(),
    litigation_after_reconsideration: f.section4[2].slice(),
  };
  const metrics: Metrics = { ...f.metrics };
  const text = buildText(agency, year, f, rng);

  if (f.template === "2021") {
    const doc: ReportDocument2021 = {
      template: "2021",
      year,
      section2: {
        regulations: { ...f.regulations },
        normative_documents: { ...f.normative },
        licensing_decisions: f.licensing,
        punishment_decisions: f.punishment,
        coercion_decisions: f.coercion,
        fees_wan_yuan: f.feesWanYuan,
      },
      section3: { rows },
      section4,
      metrics,
      text,
    };
    return doc;
  }

  const m = f.matters;
  const doc: ReportDocument2019 = {
    template: "2019",
    year,
    section2: {
      regulations: {
        new_made: f.regulations.made,
        new_published: f.regulations.made,
        total_published: f.regulations.valid,
      },
      normative_documents: {
        new_made: f.normative.made,
        new_published: f.normative.made,
        total_published: f.normative.valid,
      },
      licensing: {
        prev_year_items: m.licensing.prev,
        change: m.licensing.change,
        decisions: f.licensing,
      },
      other_external_management_services: {
        prev_year_items: m.otherServices.prev,
        change: m.otherServices.change,
        decisions: f.otherServicesDecisions,
      },
      punishment: {
        prev_year_items: m.punishment.prev,
        change: m.punishment.change,
        decisions: f.punishment,
      },
      coercion: {
        prev_year_items: m.coercion.prev,
        change: m.coercion.change,
        decisions: f.coercion,
      },
      fees: { prev_year_items: m.fees.prev, change: m.fees.change },
      centralized_procurement: {
        projects: f.procurement.projects,
        amount_yuan: f.procurement.amountYuan,
      },
    },
    section3: { rows },
    section4,
    metrics,
    text,
  };
  return doc;
}

// ---------------------------------------------------------------------------------------------
// Narrative

const PROBLEMS: readonly string[] = [
  "政策解读的形式还不够丰富，图解、视频等解读占比偏低",
  "基层政务公开标准化规范化建设仍需加强",
  "依申请公开答复文书的规范性有待进一步提高",
  "政府网站部分栏目内容更新不够及时",
  "政务公开工作人员业务能力有待提升",
  "政务新媒体互动回应不够及时",
  "主动公开的深度和广度还需进一步拓展",
  "政府信息管理的动态调整机制还不够健全",
];

const IMPROVEMENTS: readonly string[] = [
  "丰富解读形式，提高政策解读的针对性和可读性",
  "加强业务培训，提升工作人员的政务公开能力",
  "健全依申请公开办理机制，规范答复文书",
  "加强网站日常监测，确保信息及时准确更新",
  "持续推进基层政务公开标准化规范化建设",
  "完善政府信息动态管理，做好规范性文件清理",
  "强化政务新媒体管理，及时回应社会关切",
];

const OPENINGS: readonly string[] = [
  "认真贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作深入推进政务公开",
  "严格执行《中华人民共和国政府信息公开条例》，不断提升政务公开的质量和实效",
  "坚持以公开为常态、不公开为例外，扎实做好政府信息公开各项工作",
];

function buildText(
  agency: SyntheticAgency,
  year: number,
  f: ReportFigures,
  rng: Random,
): { overview: string; problems: string; other: string } {
  const m = f.metrics;
  const rows = f.rows;
  const parts: string[] = [`${year}年，${agency.name}${rng.pick(OPENINGS)}。`];

  const proactive: string[] = [];
  if (m.items_published_website !== undefined)
    proactive.push(`通过门户网站发布政府信息${m.items_published_website}条`);
  if (m.policy_interpretations !== undefined)
    proactive.push(`发布政策解读${m.policy_interpretations}篇`);
  if (m.press_conferences !== undefined) proactive.push(`召开新闻发布会${m.press_conferences}场`);
  if (m.website_visits !== undefined)
    proactive.push(`门户网站全年访问量${formatVisits(m.website_visits)}次`);
  if (m.wechat_followers !== undefined)
    proactive.push(`政务新媒体关注人数达${m.wechat_followers}人`);
  if (f.normative.made > 0) proactive.push(`制发行政规范性文件${f.normative.made}件`);
  if (proactive.length > 0) parts.push(`主动公开方面，全年${proactive.join("，")}。`);

  const received = at(rows.new_received, 6);
  const processed = at(rows.total_processed, 6);
  if (received === 0 && at(rows.carried_over, 6) === 0) {
    parts.push("依申请公开方面，本年度未收到政府信息公开申请。");
  } else {
    parts.push(
      `依申请公开方面，本年新收政府信息公开申请${received}件，上年结转${at(rows.carried_over, 6)}件，` +
        `办结${processed}件，其中予以公开${at(rows.granted, 6)}件、部分公开${at(rows.partially_granted, 6)}件，` +
        `结转下年度继续办理${at(rows.carried_forward, 6)}件。`,
    );
  }
  const reconsideration = at(f.section4[0], 4);
  const litigation = at(f.section4[1], 4) + at(f.section4[2], 4);
  parts.push(
    reconsideration + litigation === 0
      ? "全年未发生因政府信息公开引起的行政复议和行政诉讼。"
      : `全年因政府信息公开被申请行政复议${reconsideration}件、提起行政诉讼${litigation}件。`,
  );
  if (m.training_person_times !== undefined) {
    parts.push(`监督保障方面，组织政务公开业务培训${m.training_person_times}人次。`);
  }

  const [p1, p2] = pickTwo(rng, PROBLEMS);
  const [i1, i2] = pickTwo(rng, IMPROVEMENTS);
  const problems =
    `${year}年，政务公开工作取得了一定成效，但仍存在一些不足：一是${p1}；二是${p2}。` +
    `${year + 1}年，将重点做好以下工作：一是${i1}；二是${i2}。`;

  const fee = m.fee_collected_yuan;
  const other =
    fee !== undefined && fee !== null && fee > 0
      ? `本年度依据《政府信息公开信息处理费管理办法》收取信息处理费${fee}元。无其他需要报告的事项。`
      : fee === 0
        ? "本年度未收取信息处理费。无其他需要报告的事项。"
        : "无其他需要报告的事项。";

  return { overview: parts.join(""), problems, other };
}

function formatVisits(value: number): string {
  return value >= 1_000_000 && value % 10_000 === 0 ? `${value / 10_000}万` : String(value);
}

function pickTwo(rng: Random, items: readonly string[]): [string, string] {
  const first = rng.int(0, items.length - 1);
  let second = rng.int(0, items.length - 2);
  if (second >= first) second++;
  return [items[first] ?? "", items[second] ?? ""];
}

// ---------------------------------------------------------------------------------------------
// Deliberate defects

/** The slips a report is given on purpose, each seen in published reports. */
export type DefectKind =
  | "table4-total"
  | "outcome-total"
  | "applicant-cell"
  | "misfiled-case"
  | "carried-forward"
  | "outcome-unsummed";

/**
 * The hard rules each defect breaks, no more and no fewer (tests/report/synthetic.test.ts holds
 * every broken report's findings to this):
 * - `table4-total`: one table-四 group's 总计 mistyped → R4 in that group.
 * - `outcome-total`: an outcome row's 总计 mistyped, sometimes as 0 beside parts that add up
 *   (FORMAT §7 cites a real one) → R1 in that row, R3 in the 总计 column.
 * - `applicant-cell`: one applicant cell of an outcome row off by one → R1 in that row, R3 in
 *   that column.
 * - `misfiled-case`: one case written into the wrong outcome row's cell, both rows' 总计 left as
 *   they were → R1 in both rows (every column still adds up).
 * - `carried-forward`: 四、结转下年度 miscounted in one column, its 总计 following → R2 in that
 *   column and in 总计.
 * - `outcome-unsummed`: an outcome row's cell and 总计 raised together, 三(七)总计 left as it was
 *   → R3 in that column and in 总计.
 */
export const DEFECT_RULES: Readonly<Record<DefectKind, readonly RuleId[]>> = {
  "table4-total": ["R4"],
  "outcome-total": ["R1", "R3"],
  "applicant-cell": ["R1", "R3"],
  "misfiled-case": ["R1"],
  "carried-forward": ["R2"],
  "outcome-unsummed": ["R3"],
};

interface Defect {
  kind: DefectKind;
  /** `DEFECT_RULES[kind]`. */
  rules: readonly RuleId[];
}

/** Shares of the defect kinds among reports that break rules. */
const DEFECT_WEIGHTS: ReadonlyArray<[DefectKind, number]> = [
  ["table4-total", 0.2],
  ["outcome-total", 0.3],
  ["applicant-cell", 0.15],
  ["misfiled-case", 0.12],
  ["carried-forward", 0.12],
  ["outcome-unsummed", 0.11],
];

/** Applies one defect to the document (never negative, never blank) and says which. */
function breakRules(doc: ReportDocument, rng: Random): Defect {
  const rows = doc.section3?.rows ?? {};
  let kind =
    DEFECT_WEIGHTS[rng.weightedIndex(DEFECT_WEIGHTS.map(([, w]) => w))]?.[0] ?? "table4-total";
  const outcomeKeys = OUTCOME_ROW_KEYS(doc.template === "2021" ? "split" : "single");
  const outcomes = outcomeKeys.map((key) => rows[key] as Cell[]);
  const value = (cells: Cell[], i: number): number => cells[i] ?? 0;
  const withFigures = outcomes.filter((cells) => value(cells, 6) > 0);
  const pickRow = (): Cell[] => rng.pick(withFigures.length > 0 ? withFigures : outcomes);
  // A case can only be misfiled from a cell that holds one.
  const filled: Array<[Cell[], number]> = [];
  for (const cells of outcomes) {
    for (let c = 0; c < 6; c++) if (value(cells, c) > 0) filled.push([cells, c]);
  }
  if (kind === "misfiled-case" && filled.length === 0) kind = "applicant-cell";

  switch (kind) {
    case "table4-total": {
      const section4 = doc.section4 as Section4;
      const group = rng.pick([
        section4.reconsideration,
        section4.litigation_direct,
        section4.litigation_after_reconsideration,
      ]);
      group[4] = typo(rng, value(group, 4));
      break;
    }
    case "outcome-total": {
      const cells = pickRow();
      cells[6] = typo(rng, value(cells, 6));
      break;
    }
    case "applicant-cell": {
      const cells = pickRow();
      const c = rng.int(0, 5);
      const v = value(cells, c);
      cells[c] = v === 0 || rng.chance(0.5) ? v + 1 : v - 1;
      break;
    }
    case "misfiled-case": {
      const [from, c] = rng.pick(filled);
      const others = outcomes.filter((cells) => cells !== from);
      const to = rng.pick(others);
      from[c] = value(from, c) - 1;
      to[c] = value(to, c) + 1;
      break;
    }
    case "carried-forward": {
      const cells = rows.carried_forward as Cell[];
      const c = rng.weightedIndex([6, 1, 0.2, 0.2, 0.5, 0.5]);
      const v = value(cells, c);
      const delta = rng.int(1, 3);
      const d = v >= delta && rng.chance(0.5) ? -delta : delta;
      cells[c] = v + d;
      cells[6] = value(cells, 6) + d;
      break;
    }
    case "outcome-unsummed": {
      const cells = pickRow();
      const c = rng.weightedIndex([6, 1, 0.2, 0.2, 0.5, 0.5]);
      const d = rng.int(1, 3);
      cells[c] = value(cells, c) + d;
      cells[6] = value(cells, 6) + d;
      break;
    }
  }
  return { kind, rules: DEFECT_RULES[kind] };
}

/** A different non-negative number that a careless hand might print instead of `value`. */
function typo(rng: Random, value: number): number {
  const digits = String(value);
  const u = rng.next();
  if (u < 0.15 && value > 0) return 0;
  if (u < 0.45 && digits.length >= 2) {
    const i = rng.int(0, digits.length - 2);
    const swapped =
      digits.slice(0, i) + (digits[i + 1] ?? "") + (digits[i] ?? "") + digits.slice(i + 2);
    const n = Number(swapped);
    if (n !== value) return n;
  }
  const delta = rng.int(1, 9);
  return value >= delta && rng.chance(0.5) ? value - delta : value + delta;
}

/**
 * Leaves some zero cells blank (null), as many reports print them; hard rules still hold reading
 * blank as 0. Returns false when the document has no zero cell to blank.
 */
function blankSomeCells(doc: ReportDocument, rng: Random): boolean {
  const rows = doc.section3?.rows;
  const section4 = doc.section4;
  if (!rows || !section4) return false;
  const section3Cells = Object.values(rows).filter((row): row is Cell[] => row !== undefined);
  const section4Cells = [
    section4.reconsideration,
    section4.litigation_direct,
    section4.litigation_after_reconsideration,
  ];
  const u = rng.next();
  const pattern = u < 0.4 ? "all-table-3" : u < 0.8 ? "some" : "table-4";
  let blanked = 0;
  const blank = (groups: Cell[][], p: number): void => {
    for (const cells of groups) {
      for (let i = 0; i < cells.length; i++) {
        if (cells[i] === 0 && (p >= 1 || rng.chance(p))) {
          cells[i] = null;
          blanked++;
        }
      }
    }
  };
  if (pattern === "all-table-3") blank(section3Cells, 1);
  else if (pattern === "table-4") blank(section4Cells, 1);
  else blank([...section3Cells, ...section4Cells], 0.3);
  if (blanked === 0) blank([...section3Cells, ...section4Cells], 1);
  return blanked > 0;
}

// ---------------------------------------------------------------------------------------------
// Sampling helpers

function at(row: readonly number[], i: number): number {
  return row[i] ?? 0;
}

/** The row with its 总计 (index 6) set to the sum of the six applicant columns. */
function withTotal(row: Row): Row {
  row[6] = at(row, 0) + at(row, 1) + at(row, 2) + at(row, 3) + at(row, 4) + at(row, 5);
  return row;
}

/** A count around `mean` with multiplicative spread `sigma`; small means give Poisson zeros. */
function countAround(rng: Random, mean: number, sigma: number): number {
  const m = mean * Math.exp(sigma * rng.normal() - (sigma * sigma) / 2);
  return m < 30 ? poisson(rng, m) : Math.round(m);
}

function poisson(rng: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean >= 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

/** Binomial(n, p): exact for small n, Poisson or normal approximations otherwise. */
function binomial(rng: Random, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n < 25) {
    let k = 0;
    for (let i = 0; i < n; i++) if (rng.next() < p) k++;
    return k;
  }
  const mean = n * p;
  if (mean < 10) return Math.min(n, poisson(rng, mean));
  if (n - mean < 10) return n - Math.min(n, poisson(rng, n - mean));
  const k = Math.round(mean + Math.sqrt(mean * (1 - p)) * rng.normal());
  return Math.min(n, Math.max(0, k));
}

/** Splits `n` over `weights` into `out` (indices beyond `weights` untouched); the parts sum to n. */
function multinomial(rng: Random, n: number, weights: readonly number[], out: number[]): void {
  let remaining = n;
  let remainingWeight = 0;
  for (const w of weights) remainingWeight += w;
  const last = weights.length - 1;
  for (let i = 0; i < last; i++) {
    const w = weights[i] ?? 0;
    const k =
      remaining === 0 || remainingWeight <= 0 ? 0 : binomial(rng, remaining, w / remainingWeight);
    out[i] = k;
    remaining -= k;
    remainingWeight -= w;
  }
  out[last] = remaining;
}

/** `value` rounded to `decimals` places, printed with no more than that many. */
function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
