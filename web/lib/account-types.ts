/**
 * Response shapes of the account, review and audit routes, written by hand because those routes
 * are not part of `AppType` yet. Kept in this one file so each can be swapped for
 * `InferResponseType` of the typed client once the routes are chained into the app.
 */

import type { Finding } from "../../worker/report/rules";

export type Role = "admin" | "reviewer" | "submitter";
export const ROLES: readonly Role[] = ["admin", "reviewer", "submitter"];

export type ReportStatus = "draft" | "submitted" | "returned" | "approved";
export const REPORT_STATUSES: readonly ReportStatus[] = [
  "draft",
  "submitted",
  "returned",
  "approved",
];

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  agency_id: number | null;
  agency_name: string | null;
  region_agency_id: number | null;
  region_name: string | null;
}

/** `GET /api/auth/session`, `POST /api/auth/login`, `POST /api/auth/invites/:token/accept`. */
export interface SessionResponse {
  user: User | null;
  csrf_token: string | null;
}

export interface InviteInfo {
  email: string;
  name: string;
  role: Role;
  agency_name: string | null;
  region_name: string | null;
  expires_at: string;
  purpose: "invite" | "reset";
}

export interface UserRow extends User {
  active: boolean;
  created_at: string;
  last_login_at: string | null;
}

export interface InviteRequest {
  email: string;
  name: string;
  role: Role;
  agency_id?: number;
  region_agency_id?: number;
}

export interface InviteCreated {
  invite_url: string;
  expires_at: string;
}

export interface ResetLink {
  reset_url: string;
  expires_at: string;
}

export interface ApiToken {
  id: number;
  name: string;
  agency_id: number;
  agency_name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ApiTokenCreated extends ApiToken {
  /** The secret itself; the server never shows it again. */
  token: string;
}

export interface ReportListItem {
  id: number;
  agency_id: number;
  agency_name: string;
  region_code: string;
  year: number;
  status: ReportStatus;
  revision: number;
  published: boolean;
  error_count: number;
  warning_count: number;
  updated_at: string;
  late: boolean;
  submitted_at: string | null;
}

export interface ReportSummary {
  id: number;
  agency_id: number;
  year: number;
  template: string;
  status: ReportStatus;
  revision: number;
  published: boolean;
  published_revision: number | null;
  error_count: number;
  warning_count: number;
  late: boolean;
  submitted_at: string | null;
  updated_at: string;
}

export interface ReportDetail {
  report: ReportSummary;
  revision: { number: number; author: string | null; note: string | null; created_at: string };
  document: unknown;
  findings: Finding[];
}

export type { RuleExplanation as Explanation } from "../../worker/report/rule-explanation";

interface ReviewComment {
  path: string;
  text: string;
}

export interface ReviewEntry {
  action: "submit" | "return" | "approve";
  revision: number;
  actor_name: string;
  message: string | null;
  comments: ReviewComment[];
  created_at: string;
}

export interface Correction {
  revision: number;
  published_at: string;
  reason: string;
  changes: { path: string; before: number | string | null; after: number | string | null }[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actor_name: string | null;
  /** The contract says `role`; the route as first written answers `actor_kind`. */
  role?: string | null;
  actor_kind?: string | null;
  action: string;
  target: string | null;
  address: string | null;
  detail: unknown;
}

export interface Items<T> {
  items: T[];
}

export interface Page<T> extends Items<T> {
  total: number;
}
