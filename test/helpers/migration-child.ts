/**
 * Run by test/helpers/crash.ts: opens SANBAN_FILE (unencrypted) and, when told "go" on stdin,
 * applies every migration in drizzle/ through the office's wrapper (backup first), then says "done".
 */
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { openConnection } from '../../src-main/db/connection'
import { migrateDatabase } from '../../src-main/db/migrate'

const { sqlite } = openConnection(process.env.SANBAN_FILE!)
console.log('ready')
createInterface({ input: process.stdin }).once('line', () => {
  migrateDatabase(sqlite, join(__dirname, '../../drizzle'), process.env.SANBAN_BACKUPS!)
  console.log('done')
})
