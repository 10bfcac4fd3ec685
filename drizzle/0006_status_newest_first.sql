DROP INDEX `outgoing_status_idx`;--> statement-breakpoint
CREATE INDEX `outgoing_status_created_idx` ON `outgoing_documents` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `incoming_status_received_idx` ON `incoming_documents` (`status`,`received_at`,`id`);