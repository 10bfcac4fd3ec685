CREATE TABLE `proposal_units` (
	`proposal_id` integer NOT NULL,
	`department_id` integer NOT NULL,
	PRIMARY KEY(`proposal_id`, `department_id`),
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `proposal_units_department_idx` ON `proposal_units` (`department_id`);--> statement-breakpoint
-- R-D8: numbers are kept bare (3-028), printed once as 2026年第3-028号; strip a typed 第…号 from earlier entries
-- (OR IGNORE: should both forms of one number exist, the other keeps its form rather than the migration failing).
UPDATE OR IGNORE `proposals` SET `number` = trim(`number`);--> statement-breakpoint
UPDATE OR IGNORE `proposals` SET `number` = trim(substr(`number`, 2)) WHERE `number` LIKE '第%';--> statement-breakpoint
UPDATE OR IGNORE `proposals` SET `number` = trim(substr(`number`, 1, length(`number`) - 1)) WHERE `number` LIKE '%号';
