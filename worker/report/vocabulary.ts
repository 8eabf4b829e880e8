/**
 * The words for agencies and reports that every screen, export and error message shares:
 * each code with its label, written once for the Worker and the web alike.
 */

export const AGENCY_LEVELS = ["province", "city", "county", "township"] as const;
export const AGENCY_KINDS = ["government", "department"] as const;
export const AGENCY_SCOPES = ["region", "self"] as const;
export const REPORT_STATUSES = ["draft", "submitted", "returned", "approved"] as const;

export type AgencyLevel = (typeof AGENCY_LEVELS)[number];
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export type AgencyScope = (typeof AGENCY_SCOPES)[number];
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface Label {
  zh: string;
  en: string;
}

export const LEVEL_LABELS: Record<AgencyLevel, Label & { enAdjective: string }> = {
  province: { zh: "省级", en: "Province", enAdjective: "provincial" },
  city: { zh: "市级", en: "City", enAdjective: "city-level" },
  county: { zh: "县级", en: "County", enAdjective: "county-level" },
  township: { zh: "乡镇/街道", en: "Township", enAdjective: "township-level" },
};

export const KIND_LABELS: Record<AgencyKind, Label> = {
  government: { zh: "政府", en: "Government" },
  department: { zh: "部门", en: "Department" },
};

export const SCOPE_LABELS: Record<AgencyScope, Label> = {
  region: { zh: "全地区", en: "Whole region" },
  self: { zh: "本机关", en: "Own agency" },
};

export const STATUS_LABELS: Record<ReportStatus, Label> = {
  draft: { zh: "草稿", en: "Draft" },
  submitted: { zh: "已提交", en: "Submitted" },
  returned: { zh: "已退回", en: "Returned" },
  approved: { zh: "已发布", en: "Published" },
};

/** The label of a code read from outside (a query, a stored row), if it is one. */
export function labelOf<L extends Label>(labels: Record<string, L>, code: string): L | undefined {
  return Object.hasOwn(labels, code) ? labels[code] : undefined;
}
