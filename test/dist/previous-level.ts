/**
 * An office as the previous release left it, for the upgrade test (test/dist/upgrade.test.ts): the database
 * migrated up to the migration before the newest (test/db/harness.ts), the three administrators and the demo's
 * business accounts, one 收文 written with that level's columns, encrypted with a new key file.
 * Run as `node --import tsx test/dist/previous-level.ts <数据目录> <密钥文件> <收文标题>`.
 * (The server of these sources cannot write it: its demo organisation needs the newest tables.)
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { openConnection } from '../../src-main/db/connection'
import { encryptPlainDatabase } from '../../src-main/db/cipher'
import { generateKey, writeKeyFile } from '../../src-main/db/key'
import { migrateDatabase } from '../../src-main/db/migrate'
import { ensureInitialAccounts } from '../../src-main/auth/accounts'
import { systemClock } from '../../src-main/system/clock'
import { journal, migrationsUpTo } from '../db/harness'
import { ADMIN_PASSWORD } from '../helpers/server'

const [dataDir, keyFile, title] = process.argv.slice(2)
const file = join(dataDir, 'sanban.sqlite')
mkdirSync(dataDir, { recursive: true })
const { sqlite, db } = openConnection(file)
migrateDatabase(sqlite, migrationsUpTo(journal().at(-2)!.idx), join(dataDir, 'backups'))
ensureInitialAccounts(db, systemClock(), { password: ADMIN_PASSWORD, demo: true })
sqlite.prepare(`INSERT INTO incoming_documents (year, seq, received_at, sender, title, doc_type, classification, urgency, copies, arrival, status, created_at)
  VALUES (2026, 1, '2026-12-01 09:10', '市财政局', ?, '请示', '无', '无', 1, '机要交通', '已登记', '2026-12-01T01:10:00Z')`).run(title)
sqlite.close()
const key = generateKey()
writeKeyFile(keyFile, key)
encryptPlainDatabase(file, key)
console.log(JSON.stringify({ level: journal().at(-2)!.tag }))
