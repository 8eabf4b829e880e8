DROP INDEX `reports_year_idx`;--> statement-breakpoint
CREATE INDEX `reports_year_errors_idx` ON `reports` (`year`,`error_count`,`warning_count`,`status`,`current_revision_id`,`published_revision_id`,`agency_id`);--> statement-breakpoint
CREATE INDEX `reports_year_idx` ON `reports` (`year`,`status`,`late`,`agency_id`);--> statement-breakpoint
CREATE INDEX `agencies_id_level_idx` ON `agencies` (`id`,`level`);