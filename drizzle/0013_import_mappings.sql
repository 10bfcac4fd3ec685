CREATE TABLE `import_mappings` (
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`mapping` text NOT NULL,
	`saved_by` text,
	`saved_at` text NOT NULL,
	PRIMARY KEY(`kind`, `source`)
);
