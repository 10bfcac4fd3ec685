CREATE TABLE `stored_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`path` text NOT NULL,
	`uploaded_at` text NOT NULL,
	`uploaded_by` text
);
--> statement-breakpoint
CREATE INDEX `stored_files_sha_idx` ON `stored_files` (`sha256`);--> statement-breakpoint
CREATE TABLE `attendance` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`role` text NOT NULL,
	`status` text NOT NULL,
	`leave_reason` text,
	`asked_person_id` integer,
	`answer` text,
	`substitute` text,
	`note` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`asked_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_meeting_person_idx` ON `attendance` (`meeting_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `meeting_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`minutes_id` integer NOT NULL,
	`topic_id` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`heading` text NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`minutes_id`) REFERENCES `minutes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `meeting_decisions_minutes_idx` ON `meeting_decisions` (`minutes_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `meeting_types` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`config` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_types_name_unique` ON `meeting_types` (`name`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type_id` integer NOT NULL,
	`session` integer,
	`subject` text,
	`date` text NOT NULL,
	`half_day` text NOT NULL,
	`start_time` text,
	`place` text,
	`chair_post_id` integer,
	`entrusting_post_id` integer,
	`department_id` integer,
	`status` text DEFAULT '筹备' NOT NULL,
	`agenda_fixed_on` text,
	`reserved_matters` text DEFAULT '[]' NOT NULL,
	`prior_agreement_on` text,
	`prior_agreement_note` text,
	`cancel_reason` text,
	`note` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`type_id`) REFERENCES `meeting_types`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`chair_post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`entrusting_post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `meetings_date_idx` ON `meetings` (`date`);--> statement-breakpoint
CREATE INDEX `meetings_type_date_idx` ON `meetings` (`type_id`,`date`);--> statement-breakpoint
CREATE TABLE `minutes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`opening` text NOT NULL,
	`attendance_text` text DEFAULT '{}' NOT NULL,
	`distribution` text,
	`status` text DEFAULT '草稿' NOT NULL,
	`mayor_consent_person_id` integer,
	`mayor_consent_on` text,
	`signer_person_id` integer,
	`signer_name` text,
	`acting_for` text,
	`sign_opinion` text,
	`signed_on` text,
	`series` text,
	`number_year` integer,
	`number_seq` integer,
	`number_text` text,
	`printed_on` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`mayor_consent_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`signer_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `minutes_meeting_id_unique` ON `minutes` (`meeting_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `minutes_number_idx` ON `minutes` (`series`,`number_year`,`number_seq`);--> statement-breakpoint
CREATE TABLE `topic_files` (
	`topic_id` integer NOT NULL,
	`file_id` integer NOT NULL,
	`kind` text NOT NULL,
	PRIMARY KEY(`topic_id`, `file_id`),
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`file_id`) REFERENCES `stored_files`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `topic_moves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`topic_id` integer NOT NULL,
	`from_meeting_id` integer NOT NULL,
	`to_meeting_id` integer NOT NULL,
	`reason` text,
	`at` text NOT NULL,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`from_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`to_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `topic_moves_topic_idx` ON `topic_moves` (`topic_id`);--> statement-breakpoint
CREATE TABLE `topic_units` (
	`topic_id` integer NOT NULL,
	`department_id` integer NOT NULL,
	PRIMARY KEY(`topic_id`, `department_id`),
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `topics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`title` text NOT NULL,
	`department_id` integer NOT NULL,
	`supervisor_post_id` integer,
	`reporter` text,
	`delivered_on` text NOT NULL,
	`consent_by` text,
	`consent_on` text,
	`withdrawn` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`supervisor_post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `topics_meeting_idx` ON `topics` (`meeting_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `follow_up_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`follow_up_id` integer NOT NULL,
	`reported_on` text NOT NULL,
	`content` text NOT NULL,
	`reporter` text,
	`file_id` integer,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`follow_up_id`) REFERENCES `follow_ups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`file_id`) REFERENCES `stored_files`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `follow_up_reports_item_idx` ON `follow_up_reports` (`follow_up_id`);--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`source_id` integer,
	`source_title` text NOT NULL,
	`task` text NOT NULL,
	`department_id` integer NOT NULL,
	`leader_post_id` integer,
	`deadline` text NOT NULL,
	`status` text DEFAULT '办理中' NOT NULL,
	`closed_on` text,
	`outcome` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`leader_post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `follow_ups_status_deadline_idx` ON `follow_ups` (`status`,`deadline`);--> statement-breakpoint
CREATE INDEX `follow_ups_source_idx` ON `follow_ups` (`source`,`source_id`);