CREATE TABLE `register_counts` (
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`status` text NOT NULL,
	`classification` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`kind`, `year`, `status`, `classification`)
);
--> statement-breakpoint
CREATE INDEX `assignments_pending_idx` ON `assignments` (`deadline`) WHERE feedback_on IS NULL;--> statement-breakpoint
INSERT INTO `register_counts` (`kind`, `year`, `status`, `classification`, `n`) SELECT '收文', d.`year`, d.`status`, d.`classification`, count(*) FROM `incoming_documents` d GROUP BY 2, 3, 4;--> statement-breakpoint
CREATE TRIGGER `incoming_counted_insert` AFTER INSERT ON `incoming_documents` BEGIN INSERT INTO `register_counts` (`kind`, `year`, `status`, `classification`, `n`) VALUES ('收文', NEW.`year`, NEW.`status`, NEW.`classification`, 1) ON CONFLICT DO UPDATE SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `incoming_counted_delete` AFTER DELETE ON `incoming_documents` BEGIN UPDATE `register_counts` SET `n` = `n` - 1 WHERE `kind` = '收文' AND `year` = OLD.`year` AND `status` = OLD.`status` AND `classification` = OLD.`classification`; END;--> statement-breakpoint
CREATE TRIGGER `incoming_counted_update` AFTER UPDATE OF `year`, `status`, `classification` ON `incoming_documents` WHEN OLD.`year` IS NOT NEW.`year` OR OLD.`status` IS NOT NEW.`status` OR OLD.`classification` IS NOT NEW.`classification` BEGIN UPDATE `register_counts` SET `n` = `n` - 1 WHERE `kind` = '收文' AND `year` = OLD.`year` AND `status` = OLD.`status` AND `classification` = OLD.`classification`; INSERT INTO `register_counts` (`kind`, `year`, `status`, `classification`, `n`) VALUES ('收文', NEW.`year`, NEW.`status`, NEW.`classification`, 1) ON CONFLICT DO UPDATE SET `n` = `n` + 1; END;--> statement-breakpoint
INSERT INTO `register_counts` (`kind`, `year`, `status`, `classification`, `n`) SELECT '发文', COALESCE(d.`number_year`, CAST(strftime('%Y', d.`created_at`, '+8 hours') AS INTEGER)), d.`status`, d.`classification`, count(*) FROM `outgoing_documents` d GROUP BY 2, 3, 4;--> statement-breakpoint
CREATE TRIGGER `outgoing_counted_insert` AFTER INSERT ON `outgoing_documents` BEGIN INSERT INTO `register_counts` (`kind`, `year`, `status`, `classification`, `n`) VALUES ('发文', COALESCE(NEW.`number_year`, CAST(strftime('%Y', NEW.`created_at`, '+8 hours') AS INTEGER)), NEW.`status`, NEW.`classification`, 1) ON CONFLICT DO UPDATE SET `n` = `n` + 1; END;--> statement-breakpoint
CREATE TRIGGER `outgoing_counted_delete` AFTER DELETE ON `outgoing_documents` BEGIN UPDATE `register_counts` SET `n` = `n` - 1 WHERE `kind` = '发文' AND `year` = COALESCE(OLD.`number_year`, CAST(strftime('%Y', OLD.`created_at`, '+8 hours') AS INTEGER)) AND `status` = OLD.`status` AND `classification` = OLD.`classification`; END;--> statement-breakpoint
CREATE TRIGGER `outgoing_counted_update` AFTER UPDATE OF `number_year`, `created_at`, `status`, `classification` ON `outgoing_documents` WHEN OLD.`number_year` IS NOT NEW.`number_year` OR OLD.`created_at` IS NOT NEW.`created_at` OR OLD.`status` IS NOT NEW.`status` OR OLD.`classification` IS NOT NEW.`classification` BEGIN UPDATE `register_counts` SET `n` = `n` - 1 WHERE `kind` = '发文' AND `year` = COALESCE(OLD.`number_year`, CAST(strftime('%Y', OLD.`created_at`, '+8 hours') AS INTEGER)) AND `status` = OLD.`status` AND `classification` = OLD.`classification`; INSERT INTO `register_counts` (`kind`, `year`, `status`, `classification`, `n`) VALUES ('发文', COALESCE(NEW.`number_year`, CAST(strftime('%Y', NEW.`created_at`, '+8 hours') AS INTEGER)), NEW.`status`, NEW.`classification`, 1) ON CONFLICT DO UPDATE SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TABLE `search_rebuild` AS
  SELECT (CAST(strftime('%s', substr(d.`received_at`, 1, 16)) AS INTEGER) / 60) * 16777216 + d.`id` AS `new_rowid`, s.`grams` || ' 密级' || d.`classification` AS `grams`, s.`kind`, s.`doc_id`
  FROM `document_search` s JOIN `incoming_documents` d ON d.`id` = s.`doc_id` WHERE s.`kind` = '收文'
  UNION ALL
  SELECT 4503599627370496 + CAST(strftime('%s', o.`created_at`) AS INTEGER) * 1048576 + o.`id`, s.`grams` || ' 密级' || o.`classification`, s.`kind`, s.`doc_id`
  FROM `document_search` s JOIN `outgoing_documents` o ON o.`id` = s.`doc_id` WHERE s.`kind` = '发文';--> statement-breakpoint
DELETE FROM `document_search`;--> statement-breakpoint
INSERT INTO `document_search` (`rowid`, `grams`, `kind`, `doc_id`) SELECT `new_rowid`, `grams`, `kind`, `doc_id` FROM `search_rebuild`;--> statement-breakpoint
DROP TABLE `search_rebuild`;
--> statement-breakpoint
CREATE TRIGGER `incoming_unsearched_delete` AFTER DELETE ON `incoming_documents` BEGIN DELETE FROM `document_search` WHERE rowid = (CAST(strftime('%s', substr(OLD.`received_at`, 1, 16)) AS INTEGER) / 60) * 16777216 + OLD.`id`; END;--> statement-breakpoint
CREATE TRIGGER `outgoing_unsearched_delete` AFTER DELETE ON `outgoing_documents` BEGIN DELETE FROM `document_search` WHERE rowid = 4503599627370496 + CAST(strftime('%s', OLD.`created_at`) AS INTEGER) * 1048576 + OLD.`id`; END;
