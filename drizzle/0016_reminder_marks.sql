CREATE TABLE `reminder_marks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`on_date` text NOT NULL,
	`delivered_at` text,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminder_marks_key_idx` ON `reminder_marks` (`user_id`,`kind`,`subject`,`on_date`);