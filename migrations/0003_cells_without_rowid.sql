-- Table 三 cells and single figures are read by primary key (revision, row or figure) and
-- summed in bulk; as WITHOUT ROWID tables the rows sit in the primary-key b-tree itself, which
-- makes a province's rollup about twice as fast and the file smaller (npm run bench).
-- drizzle-kit cannot declare WITHOUT ROWID, so this migration is written by hand: a change to
-- these tables in worker/db/schema.ts must keep the clause.
CREATE TABLE `section3_cells_compact` (
	`revision_id` integer NOT NULL,
	`row_key` text NOT NULL,
	`natural_person` integer,
	`commercial_enterprise` integer,
	`research_institution` integer,
	`social_welfare_organization` integer,
	`legal_service_agency` integer,
	`other` integer,
	`total` integer,
	PRIMARY KEY(`revision_id`, `row_key`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `section3_cells_compact` SELECT `revision_id`, `row_key`, `natural_person`, `commercial_enterprise`, `research_institution`, `social_welfare_organization`, `legal_service_agency`, `other`, `total` FROM `section3_cells`;
--> statement-breakpoint
DROP TABLE `section3_cells`;
--> statement-breakpoint
ALTER TABLE `section3_cells_compact` RENAME TO `section3_cells`;
--> statement-breakpoint
CREATE TABLE `figure_values_compact` (
	`revision_id` integer NOT NULL,
	`figure` text NOT NULL,
	`value` real,
	PRIMARY KEY(`revision_id`, `figure`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `figure_values_compact` SELECT `revision_id`, `figure`, `value` FROM `figure_values`;
--> statement-breakpoint
DROP TABLE `figure_values`;
--> statement-breakpoint
ALTER TABLE `figure_values_compact` RENAME TO `figure_values`;
