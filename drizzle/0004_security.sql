ALTER TABLE `users` ADD `clearance` text DEFAULT '内部' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `failed_logins` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `locked_until` text;--> statement-breakpoint
ALTER TABLE `users` ADD `password_changed_at` text;--> statement-breakpoint
ALTER TABLE `users` ADD `approved_at` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `hash` text;--> statement-breakpoint
ALTER TABLE `topics` ADD `classification` text DEFAULT '无' NOT NULL;--> statement-breakpoint
CREATE INDEX `incoming_classification_idx` ON `incoming_documents` (`classification`);--> statement-breakpoint
CREATE INDEX `outgoing_classification_idx` ON `outgoing_documents` (`classification`);--> statement-breakpoint
UPDATE `users` SET `role` = '系统管理员' WHERE `role` = '管理员';--> statement-breakpoint
UPDATE `users` SET `approved_at` = `created_at`, `password_changed_at` = `created_at`;--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` WHEN OLD.`hash` IS NOT NULL BEGIN SELECT RAISE(ABORT, '审计日志不可修改'); END;--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` BEGIN SELECT RAISE(ABORT, '审计日志不可删除'); END;
