-- Sums of every figure per region, year, basis and scope, maintained by the Worker as reports
-- are saved and approved (worker/db/queries/region-sums.ts), so that a province's dashboard
-- reads ~215 rows instead of summing 10,000 reports. WITHOUT ROWID, which drizzle-kit cannot
-- declare: the rows sit in the primary-key b-tree that every read walks. Written by hand from
-- the generated statement, then filled from the reports already stored (the same statements
-- as rebuildRegionSums).
CREATE TABLE `region_sums` (
	`root_id` integer NOT NULL,
	`year` integer NOT NULL,
	`basis` text NOT NULL,
	`scope` text NOT NULL,
	`figure` text NOT NULL,
	`total` real NOT NULL,
	`reported` integer NOT NULL,
	PRIMARY KEY(`root_id`, `year`, `basis`, `scope`, `figure`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO region_sums (root_id, year, basis, scope, figure, total, reported)
  SELECT root.id, r.year, 'current', a.scope, f.figure, COALESCE(SUM(f.value), 0), COUNT(f.value)
  FROM agencies root CROSS JOIN agencies a ON a.path >= root.path AND a.path < root.path || char(65535)
  CROSS JOIN reports r ON r.agency_id = a.id
  CROSS JOIN figure_values f ON f.revision_id = r.current_revision_id
  WHERE (root.parent_id IS NULL OR (root.kind = 'government' AND root.level IN ('province', 'city')))
  GROUP BY root.id, r.year, a.scope, f.figure;
--> statement-breakpoint
INSERT INTO region_sums (root_id, year, basis, scope, figure, total, reported)
  SELECT g.root_id, g.year, 'current', g.scope, 'section3.' || g.row_key || '.' || col.column1,
  CASE col.column1 WHEN 'natural_person' THEN g.s_natural_person WHEN 'commercial_enterprise' THEN g.s_commercial_enterprise WHEN 'research_institution' THEN g.s_research_institution WHEN 'social_welfare_organization' THEN g.s_social_welfare_organization WHEN 'legal_service_agency' THEN g.s_legal_service_agency WHEN 'other' THEN g.s_other WHEN 'total' THEN g.s_total END, CASE col.column1 WHEN 'natural_person' THEN g.n_natural_person WHEN 'commercial_enterprise' THEN g.n_commercial_enterprise WHEN 'research_institution' THEN g.n_research_institution WHEN 'social_welfare_organization' THEN g.n_social_welfare_organization WHEN 'legal_service_agency' THEN g.n_legal_service_agency WHEN 'other' THEN g.n_other WHEN 'total' THEN g.n_total END
  FROM (
  SELECT root.id AS root_id, r.year, a.scope, c.row_key, COALESCE(SUM(c.natural_person), 0) AS s_natural_person, COUNT(c.natural_person) AS n_natural_person, COALESCE(SUM(c.commercial_enterprise), 0) AS s_commercial_enterprise, COUNT(c.commercial_enterprise) AS n_commercial_enterprise, COALESCE(SUM(c.research_institution), 0) AS s_research_institution, COUNT(c.research_institution) AS n_research_institution, COALESCE(SUM(c.social_welfare_organization), 0) AS s_social_welfare_organization, COUNT(c.social_welfare_organization) AS n_social_welfare_organization, COALESCE(SUM(c.legal_service_agency), 0) AS s_legal_service_agency, COUNT(c.legal_service_agency) AS n_legal_service_agency, COALESCE(SUM(c.other), 0) AS s_other, COUNT(c.other) AS n_other, COALESCE(SUM(c.total), 0) AS s_total, COUNT(c.total) AS n_total
  FROM agencies root CROSS JOIN agencies a ON a.path >= root.path AND a.path < root.path || char(65535)
  CROSS JOIN reports r ON r.agency_id = a.id
  CROSS JOIN section3_cells c ON c.revision_id = r.current_revision_id
  WHERE (root.parent_id IS NULL OR (root.kind = 'government' AND root.level IN ('province', 'city')))
  GROUP BY root.id, r.year, a.scope, c.row_key
  ) g CROSS JOIN (VALUES ('natural_person'), ('commercial_enterprise'), ('research_institution'), ('social_welfare_organization'), ('legal_service_agency'), ('other'), ('total')) col
  WHERE true;
--> statement-breakpoint
INSERT INTO region_sums (root_id, year, basis, scope, figure, total, reported)
  SELECT root.id, r.year, 'published', a.scope, f.figure, COALESCE(SUM(f.value), 0), COUNT(f.value)
  FROM agencies root CROSS JOIN agencies a ON a.path >= root.path AND a.path < root.path || char(65535)
  CROSS JOIN reports r ON r.agency_id = a.id
  CROSS JOIN figure_values f ON f.revision_id = r.published_revision_id
  WHERE (root.parent_id IS NULL OR (root.kind = 'government' AND root.level IN ('province', 'city')))
  GROUP BY root.id, r.year, a.scope, f.figure;
--> statement-breakpoint
INSERT INTO region_sums (root_id, year, basis, scope, figure, total, reported)
  SELECT g.root_id, g.year, 'published', g.scope, 'section3.' || g.row_key || '.' || col.column1,
  CASE col.column1 WHEN 'natural_person' THEN g.s_natural_person WHEN 'commercial_enterprise' THEN g.s_commercial_enterprise WHEN 'research_institution' THEN g.s_research_institution WHEN 'social_welfare_organization' THEN g.s_social_welfare_organization WHEN 'legal_service_agency' THEN g.s_legal_service_agency WHEN 'other' THEN g.s_other WHEN 'total' THEN g.s_total END, CASE col.column1 WHEN 'natural_person' THEN g.n_natural_person WHEN 'commercial_enterprise' THEN g.n_commercial_enterprise WHEN 'research_institution' THEN g.n_research_institution WHEN 'social_welfare_organization' THEN g.n_social_welfare_organization WHEN 'legal_service_agency' THEN g.n_legal_service_agency WHEN 'other' THEN g.n_other WHEN 'total' THEN g.n_total END
  FROM (
  SELECT root.id AS root_id, r.year, a.scope, c.row_key, COALESCE(SUM(c.natural_person), 0) AS s_natural_person, COUNT(c.natural_person) AS n_natural_person, COALESCE(SUM(c.commercial_enterprise), 0) AS s_commercial_enterprise, COUNT(c.commercial_enterprise) AS n_commercial_enterprise, COALESCE(SUM(c.research_institution), 0) AS s_research_institution, COUNT(c.research_institution) AS n_research_institution, COALESCE(SUM(c.social_welfare_organization), 0) AS s_social_welfare_organization, COUNT(c.social_welfare_organization) AS n_social_welfare_organization, COALESCE(SUM(c.legal_service_agency), 0) AS s_legal_service_agency, COUNT(c.legal_service_agency) AS n_legal_service_agency, COALESCE(SUM(c.other), 0) AS s_other, COUNT(c.other) AS n_other, COALESCE(SUM(c.total), 0) AS s_total, COUNT(c.total) AS n_total
  FROM agencies root CROSS JOIN agencies a ON a.path >= root.path AND a.path < root.path || char(65535)
  CROSS JOIN reports r ON r.agency_id = a.id
  CROSS JOIN section3_cells c ON c.revision_id = r.published_revision_id
  WHERE (root.parent_id IS NULL OR (root.kind = 'government' AND root.level IN ('province', 'city')))
  GROUP BY root.id, r.year, a.scope, c.row_key
  ) g CROSS JOIN (VALUES ('natural_person'), ('commercial_enterprise'), ('research_institution'), ('social_welfare_organization'), ('legal_service_agency'), ('other'), ('total')) col
  WHERE true;
