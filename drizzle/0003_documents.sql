CREATE TABLE `assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`department_id` integer NOT NULL,
	`role` text NOT NULL,
	`assigned_on` text NOT NULL,
	`working_days` integer NOT NULL,
	`deadline` text NOT NULL,
	`feedback` text,
	`feedback_on` text,
	`feedback_file_id` integer,
	FOREIGN KEY (`document_id`) REFERENCES `incoming_documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`feedback_file_id`) REFERENCES `stored_files`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `assignments_document_idx` ON `assignments` (`document_id`);--> statement-breakpoint
CREATE INDEX `assignments_department_idx` ON `assignments` (`department_id`,`document_id`);--> statement-breakpoint
CREATE INDEX `assignments_deadline_idx` ON `assignments` (`deadline`,`feedback_on`);--> statement-breakpoint
CREATE TABLE `chases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`assignment_id` integer,
	`chaser` text NOT NULL,
	`chased_on` text NOT NULL,
	`note` text,
	FOREIGN KEY (`document_id`) REFERENCES `incoming_documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `chases_document_idx` ON `chases` (`document_id`);--> statement-breakpoint
CREATE TABLE `consultations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`department_id` integer NOT NULL,
	`agrees` integer NOT NULL,
	`opinion` text NOT NULL,
	`coordination` text,
	`reasons` text,
	`proposed_decision` text,
	FOREIGN KEY (`document_id`) REFERENCES `incoming_documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `consultations_document_idx` ON `consultations` (`document_id`);--> statement-breakpoint
CREATE TABLE `incoming_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`received_at` text NOT NULL,
	`sender` text NOT NULL,
	`sender_department_id` integer,
	`sender_number` text,
	`title` text NOT NULL,
	`doc_type` text NOT NULL,
	`classification` text DEFAULT '无' NOT NULL,
	`secrecy_period` text,
	`urgency` text DEFAULT '无' NOT NULL,
	`copies` integer DEFAULT 1 NOT NULL,
	`pages` integer,
	`arrival` text DEFAULT '机要交通' NOT NULL,
	`direct_exception` text,
	`direct_leader_id` integer,
	`status` text DEFAULT '已登记' NOT NULL,
	`reviewed_on` text,
	`reviewed_by` text,
	`review_note` text,
	`return_reason` text,
	`proposal` text,
	`proposed_by` text,
	`proposed_on` text,
	`route` text,
	`route_post_id` integer,
	`deadline` text,
	`closed_on` text,
	`closing_note` text,
	`registered_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`sender_department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`direct_leader_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`route_post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incoming_number_idx` ON `incoming_documents` (`year`,`seq`);--> statement-breakpoint
CREATE INDEX `incoming_received_idx` ON `incoming_documents` (`received_at`,`id`);--> statement-breakpoint
CREATE INDEX `incoming_status_deadline_idx` ON `incoming_documents` (`status`,`deadline`);--> statement-breakpoint
CREATE INDEX `incoming_sender_idx` ON `incoming_documents` (`sender`,`received_at`);--> statement-breakpoint
CREATE INDEX `incoming_type_idx` ON `incoming_documents` (`doc_type`,`received_at`);--> statement-breakpoint
CREATE TABLE `incoming_files` (
	`document_id` integer NOT NULL,
	`file_id` integer NOT NULL,
	`kind` text NOT NULL,
	PRIMARY KEY(`document_id`, `file_id`),
	FOREIGN KEY (`document_id`) REFERENCES `incoming_documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`file_id`) REFERENCES `stored_files`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `instructions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`turn` integer NOT NULL,
	`leader_id` integer NOT NULL,
	`leader_title` text,
	`acting_for` text,
	`kind` text,
	`opinion` text,
	`meaning` text,
	`sent_on` text NOT NULL,
	`instructed_on` text,
	FOREIGN KEY (`document_id`) REFERENCES `incoming_documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`leader_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `instructions_document_idx` ON `instructions` (`document_id`,`turn`);--> statement-breakpoint
CREATE INDEX `instructions_leader_idx` ON `instructions` (`leader_id`,`instructed_on`);--> statement-breakpoint
CREATE TABLE `outgoing_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_type` text NOT NULL,
	`sign_kind` text NOT NULL,
	`series` text NOT NULL,
	`title` text NOT NULL,
	`addressee` text,
	`cc` text,
	`body` text DEFAULT '' NOT NULL,
	`attachment_names` text DEFAULT '[]' NOT NULL,
	`classification` text DEFAULT '无' NOT NULL,
	`secrecy_period` text,
	`urgency` text DEFAULT '无' NOT NULL,
	`drafting_department_id` integer,
	`drafter` text,
	`publicity` text DEFAULT '主动公开' NOT NULL,
	`upward` integer DEFAULT false NOT NULL,
	`county_directive` integer DEFAULT false NOT NULL,
	`note` text,
	`status` text DEFAULT '拟稿' NOT NULL,
	`signer_id` integer,
	`signer_name` text,
	`acting_for` text,
	`sign_opinion` text,
	`signed_on` text,
	`number_year` integer,
	`number_seq` integer,
	`number_text` text,
	`checked_by` text,
	`issued_on` text,
	`copies` integer,
	`distribution` text,
	`dispatched_on` text,
	`first_copy_number` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`drafting_department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`signer_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outgoing_number_idx` ON `outgoing_documents` (`series`,`number_year`,`number_seq`);--> statement-breakpoint
CREATE INDEX `outgoing_created_idx` ON `outgoing_documents` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `outgoing_status_idx` ON `outgoing_documents` (`status`);--> statement-breakpoint
CREATE TABLE `proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`number` text NOT NULL,
	`title` text NOT NULL,
	`proposer` text NOT NULL,
	`leader_post_id` integer,
	`department_id` integer,
	`deadline` text NOT NULL,
	`reply` text,
	`replied_on` text,
	`satisfaction` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`leader_post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `proposals_number_idx` ON `proposals` (`kind`,`year`,`number`);--> statement-breakpoint
CREATE INDEX `proposals_deadline_idx` ON `proposals` (`deadline`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outgoing_id` integer NOT NULL,
	`step` text NOT NULL,
	`reviewer` text NOT NULL,
	`opinion` text NOT NULL,
	`reviewed_on` text NOT NULL,
	FOREIGN KEY (`outgoing_id`) REFERENCES `outgoing_documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `reviews_outgoing_idx` ON `reviews` (`outgoing_id`);--> statement-breakpoint
-- Chinese search (see src-main/documents/search.ts): overlapping character pairs of titles, numbers and senders,
-- space-separated; every character class but spaces is a token character, so 〔2 and 防汛 are tokens.
CREATE VIRTUAL TABLE `document_search` USING fts5(`grams`, `kind` UNINDEXED, `doc_id` UNINDEXED, tokenize = "unicode61 categories 'L* N* Co M* P* S*'");
