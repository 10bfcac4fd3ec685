CREATE TABLE `duty_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`roster_id` integer NOT NULL,
	`date` text NOT NULL,
	`role` text NOT NULL,
	`person_id` integer NOT NULL,
	FOREIGN KEY (`roster_id`) REFERENCES `rosters`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `duty_assignments_slot_idx` ON `duty_assignments` (`roster_id`,`date`,`role`);--> statement-breakpoint
CREATE INDEX `duty_assignments_date_idx` ON `duty_assignments` (`date`);--> statement-breakpoint
CREATE INDEX `duty_assignments_person_idx` ON `duty_assignments` (`person_id`);--> statement-breakpoint
CREATE TABLE `duty_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`roster_id` integer NOT NULL,
	`kind` text NOT NULL,
	`requester_id` integer,
	`counterpart_id` integer,
	`dates` text NOT NULL,
	`counterpart_accepted` integer DEFAULT false NOT NULL,
	`lead_consented` integer DEFAULT false NOT NULL,
	`note` text,
	`at` text NOT NULL,
	FOREIGN KEY (`roster_id`) REFERENCES `rosters`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requester_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`counterpart_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `duty_changes_roster_idx` ON `duty_changes` (`roster_id`,`at`);--> statement-breakpoint
CREATE TABLE `duty_exclusions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`date` text NOT NULL,
	`reason` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `duty_exclusions_person_date_idx` ON `duty_exclusions` (`person_id`,`date`);--> statement-breakpoint
CREATE INDEX `duty_exclusions_date_idx` ON `duty_exclusions` (`date`);--> statement-breakpoint
CREATE TABLE `duty_handover` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`shift` text,
	`note` text NOT NULL,
	`from_person_id` integer,
	`to_person_id` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`from_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`to_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `duty_handover_date_idx` ON `duty_handover` (`date`);--> statement-breakpoint
CREATE TABLE `duty_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`caller_unit` text,
	`caller_name` text,
	`caller_phone` text,
	`content` text NOT NULL,
	`handling` text,
	`notified` text,
	`follow_up` text,
	`urgent` integer DEFAULT false NOT NULL,
	`recorded_by` text
);
--> statement-breakpoint
CREATE INDEX `duty_log_at_idx` ON `duty_log` (`at`);--> statement-breakpoint
CREATE TABLE `rosters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`status` text DEFAULT '草稿' NOT NULL,
	`published_at` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rosters_period_idx` ON `rosters` (`from_date`,`to_date`);