import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { SECTION3_ROW_KEYS } from "../report/templates";

import { AGENCY_KINDS, AGENCY_LEVELS, AGENCY_SCOPES, REPORT_STATUSES } from "../report/vocabulary";
import { REVISION_SOURCES } from "../report/revision-sources";

export {
  AGENCY_KINDS,
  AGENCY_LEVELS,
  AGENCY_SCOPES,
  REPORT_STATUSES,
  type AgencyKind,
  type AgencyLevel,
  type AgencyScope,
  type ReportStatus,
} from "../report/vocabulary";

/**
 * `path` is the materialized chain of ancestor ids ("/1/7/42/"), so that a region's
 * subtree is one index range scan instead of a recursive query.
 */
export const agencies = sqliteTable(
  "agencies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    level: text("level", { enum: AGENCY_LEVELS }).notNull(),
    kind: text("kind", { enum: AGENCY_KINDS }).notNull(),
    scope: text("scope", { enum: AGENCY_SCOPES }).notNull(),
    parentId: integer("parent_id"),
    regionCode: text("region_code").notNull(),
    path: text("path").notNull().default(""),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("agencies_parent_idx").on(t.parentId),
    index("agencies_region_idx").on(t.regionCode),
    // Covers the filters of a subtree walk, so ranking a province reads no agency rows.
    index("agencies_path_idx").on(t.path, t.scope, t.level, t.kind),
    index("agencies_level_idx").on(t.level, t.kind),
    // The national overview looks up each report's agency for its level alone.
    index("agencies_id_level_idx").on(t.id, t.level),
  ],
);

/**
 * One report per agency and year. `current_revision_id` is the latest save;
 * `published_revision_id` the approved one the public sees. Counts of the current
 * revision's findings are kept here so lists can filter without parsing JSON.
 */
export const reports = sqliteTable(
  "reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    year: integer("year").notNull(),
    template: text("template", { enum: ["2021", "2019"] }).notNull(),
    status: text("status", { enum: REPORT_STATUSES }).notNull().default("draft"),
    currentRevisionId: integer("current_revision_id"),
    currentRevision: integer("current_revision").notNull().default(0),
    publishedRevisionId: integer("published_revision_id"),
    errorCount: integer("error_count").notNull().default(0),
    warningCount: integer("warning_count").notNull().default(0),
    submittedAt: text("submitted_at"),
    late: integer("late", { mode: "boolean" }).notNull().default(false),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("reports_agency_year_uq").on(t.agencyId, t.year),
    // Covers what comparisons read of each report, so they read no report rows.
    index("reports_agency_year_cover_idx").on(
      t.agencyId,
      t.year,
      t.currentRevisionId,
      t.publishedRevisionId,
      t.status,
    ),
    // The national overview's completeness and failing list read the year's reports only here.
    index("reports_year_idx").on(t.year, t.status, t.late, t.agencyId),
    index("reports_year_errors_idx").on(
      t.year,
      t.errorCount,
      t.warningCount,
      t.status,
      t.currentRevisionId,
      t.publishedRevisionId,
      t.agencyId,
    ),
  ],
);

/** Immutable: a row is written once per save and never updated. */
export const reportRevisions = sqliteTable(
  "report_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    number: integer("number").notNull(),
    document: text("document").notNull(),
    findings: text("findings").notNull(),
    changes: text("changes").notNull(),
    changeCount: integer("change_count").notNull(),
    errorCount: integer("error_count").notNull(),
    warningCount: integer("warning_count").notNull(),
    author: text("author").notNull(),
    note: text("note"),
    /** What made the save, when not typing: an import from a published text, or its undo. */
    source: text("source", { enum: REVISION_SOURCES }),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("report_revisions_number_uq").on(t.reportId, t.number)],
);

/**
 * Table 三 stored wide, one row per (revision, printed row): the seven columns fit
 * D1's limits and a region's rollup is a single GROUP BY. Migration 0003 makes this table
 * and `figure_values` WITHOUT ROWID, which drizzle cannot declare: keep that when changing them. Cells exist only for
 * revisions that are some report's current or published one; older revisions keep
 * their document in `report_revisions`.
 */
export const section3Cells = sqliteTable(
  "section3_cells",
  {
    revisionId: integer("revision_id").notNull(),
    rowKey: text("row_key").notNull(),
    naturalPerson: integer("natural_person"),
    commercialEnterprise: integer("commercial_enterprise"),
    researchInstitution: integer("research_institution"),
    socialWelfareOrganization: integer("social_welfare_organization"),
    legalServiceAgency: integer("legal_service_agency"),
    other: integer("other"),
    total: integer("total"),
  },
  (t) => [primaryKey({ columns: [t.revisionId, t.rowKey] })],
);

/**
 * The 总计 column of table 三, one row per revision that has cells: what comparisons and
 * rankings read (every preset compares totals), in one primary-key lookup per report instead
 * of one per printed row. Written and dropped with the revision's `section3_cells`.
 */
export const section3Totals = sqliteTable("section3_totals", {
  revisionId: integer("revision_id").primaryKey(),
  ...(Object.fromEntries(SECTION3_ROW_KEYS.map((key) => [key, integer(key)])) as Record<
    (typeof SECTION3_ROW_KEYS)[number],
    ReturnType<typeof integer>
  >),
});

/** Every other single figure (table 二, table 四, registered metrics), by figure key. */
export const figureValues = sqliteTable(
  "figure_values",
  {
    revisionId: integer("revision_id").notNull(),
    figure: text("figure").notNull(),
    value: real("value"),
  },
  (t) => [primaryKey({ columns: [t.revisionId, t.figure] })],
);

export const SUM_BASES = ["current", "published"] as const;
export type SumBasis = (typeof SUM_BASES)[number];

/**
 * Every figure summed over a region's reports, per year, kept up to date as reports are saved
 * (basis `current`) and approved (basis `published`): a province's dashboard then reads ~215
 * rows instead of summing 10,000 reports (SCALE.md). Kept only for the regions whose read-time
 * rollup is costly — provincial and city governments' subtrees (worker/db/queries/region-sums.ts).
 * `scope` is the reporting agency's; `reported` counts the reports giving a value, so a sum of
 * blanks reads as blank. Migration 0004 makes it WITHOUT ROWID, which drizzle cannot declare.
 */
export const regionSums = sqliteTable(
  "region_sums",
  {
    rootId: integer("root_id").notNull(),
    year: integer("year").notNull(),
    basis: text("basis", { enum: SUM_BASES }).notNull(),
    scope: text("scope", { enum: AGENCY_SCOPES }).notNull(),
    figure: text("figure").notNull(),
    total: real("total").notNull(),
    reported: integer("reported").notNull(),
  },
  (t) => [primaryKey({ columns: [t.rootId, t.year, t.basis, t.scope, t.figure] })],
);

export const USER_ROLES = ["admin", "reviewer", "submitter"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * An admin sees everything; a reviewer the subtree of `region_agency_id`; a submitter its
 * `agency_id`. A user invited but not yet signed up has no password hash.
 */
export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: USER_ROLES }).notNull(),
    agencyId: integer("agency_id").references(() => agencies.id),
    regionAgencyId: integer("region_agency_id").references(() => agencies.id),
    passwordHash: text("password_hash"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: text("created_at").notNull(),
    lastLoginAt: text("last_login_at"),
  },
  (t) => [uniqueIndex("users_email_uq").on(t.email)],
);

/** Sessions are looked up by the SHA-256 of the cookie's secret, never the secret itself. */
export const sessions = sqliteTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    revokedAt: text("revoked_at"),
    address: text("address"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** One-time links: invitations to sign up and admin-issued password resets. */
export const oneTimeLinks = sqliteTable("one_time_links", {
  tokenHash: text("token_hash").primaryKey(),
  purpose: text("purpose", { enum: ["invite", "reset"] }).notNull(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id),
  createdBy: integer("created_by").references(() => users.id),
  createdAt: text("created_at").notNull(),
  expiresAt: text("expires_at").notNull(),
  usedAt: text("used_at"),
});

/** Tokens for agencies that submit from their own systems: one agency each, stored hashed. */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenHash: text("token_hash").notNull(),
    name: text("name").notNull(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: text("created_at").notNull(),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [
    uniqueIndex("api_tokens_hash_uq").on(t.tokenHash),
    index("api_tokens_agency_idx").on(t.agencyId),
  ],
);

/** Failed and successful logins, for throttling per account and per address. */
export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    account: text("account").notNull(),
    address: text("address").notNull(),
    at: text("at").notNull(),
    success: integer("success", { mode: "boolean" }).notNull(),
  },
  (t) => [
    index("login_attempts_account_idx").on(t.account, t.at),
    index("login_attempts_address_idx").on(t.address, t.at),
  ],
);

/** Append-only (triggers in migration 0002 refuse UPDATE and DELETE). */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    actorKind: text("actor_kind").notNull(),
    actorId: integer("actor_id"),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    target: text("target"),
    address: text("address"),
    detail: text("detail"),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_action_idx").on(t.action, t.at)],
);

/** Per report year: departments report by 31 January, governments by 31 March (editable). */
export const deadlines = sqliteTable("deadlines", {
  year: integer("year").primaryKey(),
  departmentDeadline: text("department_deadline").notNull(),
  governmentDeadline: text("government_deadline").notNull(),
});

/** The review trail of a report: submissions, returns with field comments, approvals. */
export const reviewEvents = sqliteTable(
  "review_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    revision: integer("revision").notNull(),
    action: text("action", { enum: ["submit", "return", "approve"] }).notNull(),
    actorName: text("actor_name").notNull(),
    message: text("message"),
    comments: text("comments").notNull().default("[]"),
    explanations: text("explanations").notNull().default("[]"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("review_events_report_idx").on(t.reportId)],
);

/** Every publication of a report; the later ones are its public correction log. */
export const publications = sqliteTable(
  "publications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    revision: integer("revision").notNull(),
    publishedAt: text("published_at").notNull(),
    reason: text("reason"),
    changes: text("changes").notNull().default("[]"),
  },
  (t) => [index("publications_report_idx").on(t.reportId)],
);

/** What a notification tells of; each user may turn e-mail off per kind (never the in-app copy). */
export const NOTIFICATION_KINDS = [
  "report_submitted",
  "correction_submitted",
  "report_returned",
  "report_approved",
  "deadline_reminder",
  "overdue_reminder",
  "chase",
  "review_digest",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The in-app notification centre: one row per reader, read or not. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** An in-app path (never a secret): where the reader acts. */
    link: text("link").notNull(),
    agencyId: integer("agency_id").references(() => agencies.id),
    year: integer("year"),
    actorName: text("actor_name"),
    createdAt: text("created_at").notNull(),
    readAt: text("read_at"),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt, t.createdAt)],
);

/**
 * Every e-mail the app sent or meant to send, with its bodies: locally the binding sends nothing,
 * so the admin's outbox page is where the demo's messages are read.
 */
export const emailOutbox = sqliteTable(
  "email_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id").references(() => users.id),
    toAddress: text("to_address").notNull(),
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    status: text("status", { enum: ["sent", "failed"] }).notNull(),
    error: text("error"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("email_outbox_created_idx").on(t.createdAt)],
);

/**
 * What the scheduled job has sent, by a key naming it ("reminder/agency:12/year:2025/before:14",
 * "digest/user:5/day:2026-01-20"): inserted before sending, so that a rerun or a retried cron
 * never sends the same reminder twice.
 */
export const sentOnce = sqliteTable("sent_once", {
  key: text("key").primaryKey(),
  sentAt: text("sent_at").notNull(),
});

/** E-mail turned off for a kind; no row: e-mail on. */
export const emailOptOuts = sqliteTable(
  "email_opt_outs",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
