ALTER TABLE `chases` ADD `method` text;--> statement-breakpoint
ALTER TABLE `chases` ADD `contact` text;--> statement-breakpoint
ALTER TABLE `chases` ADD `answer` text;--> statement-breakpoint
ALTER TABLE `chases` ADD `promised_on` text;--> statement-breakpoint
ALTER TABLE `incoming_documents` ADD `voided_on` text;--> statement-breakpoint
ALTER TABLE `incoming_documents` ADD `voided_by` text;--> statement-breakpoint
ALTER TABLE `incoming_documents` ADD `void_reason` text;--> statement-breakpoint
ALTER TABLE `outgoing_documents` ADD `voided_on` text;--> statement-breakpoint
ALTER TABLE `outgoing_documents` ADD `voided_by` text;--> statement-breakpoint
ALTER TABLE `outgoing_documents` ADD `void_reason` text;--> statement-breakpoint
ALTER TABLE `outgoing_documents` ADD `reply_to_id` integer;--> statement-breakpoint
CREATE INDEX `outgoing_reply_idx` ON `outgoing_documents` (`reply_to_id`);