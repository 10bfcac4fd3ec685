CREATE TABLE `meeting_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`act` text NOT NULL,
	`detail` text NOT NULL,
	`reason` text NOT NULL,
	`by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meeting_corrections_meeting_idx` ON `meeting_corrections` (`meeting_id`);--> statement-breakpoint
ALTER TABLE `attendance` ADD `askee_exception` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `contact_name` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `contact_phone` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `participants` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `topics` ADD `supervisor_reason` text;--> statement-breakpoint
ALTER TABLE `topics` ADD `withdraw_reason` text;