import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

export const AGENCY_LEVELS = ["province", "city", "county", "township"] as const;
export const AGENCY_KINDS = ["government", "department"] as const;
export const AGENCY_SCOPES = ["region", "self"] as const;
export const REPORT_STATUSES = ["draft", "submitted", "returned", "approved"] as const;

export type AgencyLevel = (typeof AGENCY_LEVELS)[number];
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export type AgencyScope = (typeof AGENCY_SCOPES)[number];
export type ReportStatus = (typeof REPORT_STATUSES)[number];

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
    index("agencies_path_idx").on(t.path),
    index("agencies_level_idx").on(t.level, t.kind),
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
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("reports_agency_year_uq").on(t.agencyId, t.year),
    index("reports_year_idx").on(t.year, t.status),
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
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("report_revisions_number_uq").on(t.reportId, t.number)],
);

/**
 * Table 三 stored wide, one row per (revision, printed row): the seven columns fit
 * D1's limits and a region's rollup is a single GROUP BY. Cells exist only for
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
