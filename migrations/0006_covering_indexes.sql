DROP INDEX `agencies_path_idx`;--> statement-breakpoint
CREATE INDEX `agencies_path_idx` ON `agencies` (`path`,`scope`,`level`,`kind`);--> statement-breakpoint
CREATE INDEX `reports_agency_year_cover_idx` ON `reports` (`agency_id`,`year`,`current_revision_id`,`published_revision_id`,`status`);