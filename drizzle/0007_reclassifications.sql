CREATE TABLE `reclassifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`record_id` integer NOT NULL,
	`from_classification` text NOT NULL,
	`from_period` text,
	`to_classification` text NOT NULL,
	`to_period` text,
	`reason` text NOT NULL,
	`approver_id` integer NOT NULL,
	`approver_name` text NOT NULL,
	`changed_by` text NOT NULL,
	`changed_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reclassifications_record_idx` ON `reclassifications` (`kind`,`record_id`,`id`);