CREATE TABLE `outgoing_files` (
	`outgoing_id` integer NOT NULL,
	`file_id` integer NOT NULL,
	`kind` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`outgoing_id`, `file_id`),
	FOREIGN KEY (`outgoing_id`) REFERENCES `outgoing_documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`file_id`) REFERENCES `stored_files`(`id`) ON UPDATE no action ON DELETE restrict
);
