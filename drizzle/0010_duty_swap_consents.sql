CREATE TABLE `duty_change_consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`change_id` integer NOT NULL,
	`date` text NOT NULL,
	`role` text NOT NULL,
	`person_id` integer,
	`name` text NOT NULL,
	FOREIGN KEY (`change_id`) REFERENCES `duty_changes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `duty_change_consents_change_idx` ON `duty_change_consents` (`change_id`);