/**
 * Which Sanban wrote this data: the install script of the offline bundle (scripts/dist/template/install.sh)
 * asks before it replaces a program, so that an older program is never installed over data a newer one has
 * migrated (it would refuse to start, and the office would be left without either). It opens
 * the database (reads only), takes the newest migration applied and compares it with this program's drizzle/.
 *   node data-level.js [--data 目录] [--key-file 文件]
 * Exit 0: no data yet, or data this program can open (the same level, or older: the first start migrates);
 * 3: the data is newer than this program; 2: it could not tell (message says why).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { isPlainDatabase, unlock } from '../db/cipher'
import { readKeyFile } from '../db/key'
import { lastAppliedAt, latestMigrationIn } from '../db/migrate'
import { appRoot } from '../system/paths'
import { keyTarget } from './target'

export type DataLevel =
  | { state: 'empty' }
  | { state: 'same' | 'older' | 'newer'; data: number; program: number }

export function dataLevel(databaseFile: string, keyFile: string, drizzleFolder: string): DataLevel {
  if (!existsSync(databaseFile)) return { state: 'empty' }
  const sqlite = new Database(databaseFile, { fileMustExist: true })
  try {
    if (!isPlainDatabase(databaseFile)) unlock(sqlite, readKeyFile(keyFile), databaseFile)
    const data = lastAppliedAt(sqlite) ?? 0
    const program = latestMigrationIn(drizzleFolder)
    return { state: data === program ? 'same' : data < program ? 'older' : 'newer', data, program }
  } finally { sqlite.close() }
}

function main(): void {
  const target = keyTarget(process.argv.slice(2), process.env)
  let level: DataLevel
  try {
    level = dataLevel(target.databaseFile, target.keyFile, join(appRoot(), 'drizzle'))
  } catch (e) {
    console.error(`无法判断数据 ${target.databaseFile} 的版本：${(e as Error).message}`)
    process.exit(2)
  }
  if (level.state === 'newer') {
    console.error(`数据 ${target.databaseFile} 已由较新版本的三办升级过，本版本不能使用它。请安装与数据相同或更新的版本；本次未作任何改动。`)
    process.exit(3)
  }
  console.log(JSON.stringify(level))
}

if (require.main === module) main()
