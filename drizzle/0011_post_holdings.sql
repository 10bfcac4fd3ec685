CREATE TABLE `post_holdings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`from_date` text,
	`to_date` text,
	`reason` text,
	`end_reason` text,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `post_holdings_post_idx` ON `post_holdings` (`post_id`,`from_date`);--> statement-breakpoint
CREATE INDEX `post_holdings_person_idx` ON `post_holdings` (`person_id`);--> statement-breakpoint
ALTER TABLE `people` ADD `archived_on` text;--> statement-breakpoint
ALTER TABLE `people` ADD `archive_reason` text;--> statement-breakpoint
-- Today's holders carried over as holding since before the records began: history starts from here.
INSERT INTO `post_holdings` (`post_id`, `person_id`, `from_date`, `to_date`, `reason`)
  SELECT `id`, `holder_id`, NULL, NULL, '启用任职记录前的任职人' FROM `posts` WHERE `holder_id` IS NOT NULL;
