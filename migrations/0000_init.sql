CREATE TABLE `agencies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`kind` text NOT NULL,
	`scope` text NOT NULL,
	`parent_id` integer,
	`region_code` text NOT NULL,
	`path` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `agencies_parent_idx` ON `agencies` (`parent_id`);--> statement-breakpoint
CREATE INDEX `agencies_region_idx` ON `agencies` (`region_code`);--> statement-breakpoint
CREATE INDEX `agencies_path_idx` ON `agencies` (`path`);--> statement-breakpoint
CREATE INDEX `agencies_level_idx` ON `agencies` (`level`,`kind`);--> statement-breakpoint
CREATE TABLE `figure_values` (
	`revision_id` integer NOT NULL,
	`figure` text NOT NULL,
	`value` real,
	PRIMARY KEY(`revision_id`, `figure`)
);
--> statement-breakpoint
CREATE TABLE `report_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`number` integer NOT NULL,
	`document` text NOT NULL,
	`findings` text NOT NULL,
	`changes` text NOT NULL,
	`change_count` integer NOT NULL,
	`error_count` integer NOT NULL,
	`warning_count` integer NOT NULL,
	`author` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_revisions_number_uq` ON `report_revisions` (`report_id`,`number`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` integer NOT NULL,
	`year` integer NOT NULL,
	`template` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`current_revision_id` integer,
	`current_revision` integer DEFAULT 0 NOT NULL,
	`published_revision_id` integer,
	`error_count` integer DEFAULT 0 NOT NULL,
	`warning_count` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_agency_year_uq` ON `reports` (`agency_id`,`year`);--> statement-breakpoint
CREATE INDEX `reports_year_idx` ON `reports` (`year`,`status`);--> statement-breakpoint
CREATE TABLE `section3_cells` (
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
);
