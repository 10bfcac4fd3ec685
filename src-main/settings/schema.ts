import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Office settings as JSON values, validated by the settings service's zod schema. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})
