/**
 * The three administrators' accounts from a terminal on the server (三员, X-5): no one of them can
 * reset another's password in the app, so a forgotten password is reset here by whoever holds the
 * machine and the key file. Each use is written to the audit trail, where the 安全审计员 sees it.
 *   npm run account -- reset-password <用户名> [--data 目录] [--key-file 文件]
 *   npm run account -- unlock <用户名> [--data 目录] [--key-file 文件]
 * With Sanban stopped the tool opens the database itself, holding the data folder's lock; while a server
 * runs, it asks that server to do it (server/local-control.ts), since the folder has one owner.
 */
import { existsSync } from 'node:fs'
import { dirname } from 'node:path'
import { openConnection } from '../db/connection'
import { keyTarget } from './target'
import { readKeyFile } from '../db/key'
import { acquireDataLock, DataDirBusyError, type LockOwner } from '../system/data-lock'
import { askRunningServer } from './local-client'
import { runAccountCommand, type AccountCommand, type AccountCommandResult } from '../auth/account-commands'

type Outcome = Pick<AccountCommandResult, 'password' | 'awaitsConfirmation'>

function runOffline(command: AccountCommand, username: string, databaseFile: string, keyFile: string): Outcome {
  const conn = openConnection(databaseFile, readKeyFile(keyFile))
  try {
    return runAccountCommand(conn, command, username)
  } finally {
    conn.sqlite.close()
  }
}

const offlineOnly = (owner: LockOwner | null) => `本命令要在它运行时执行，须通过三办服务器；${owner ? '请先关闭它' : '请先停止它'}，再运行本命令。`

/** Offline under the folder's lock; through the server when a server holds it; refused otherwise (the desktop window). */
export async function accountCommand(command: AccountCommand, username: string, databaseFile: string, keyFile: string): Promise<Outcome> {
  const dataDir = dirname(databaseFile)
  if (!existsSync(databaseFile)) throw new Error(`找不到数据库 ${databaseFile}（请用 --data 指定数据目录）`)
  try {
    const lock = acquireDataLock(dataDir, { mode: 'cli', remedy: offlineOnly })
    try { return runOffline(command, username, databaseFile, keyFile) } finally { lock.release() }
  } catch (e) {
    const owner = e instanceof DataDirBusyError ? e.owner : null
    if (owner?.mode === 'server' && owner.port && owner.token) {
      const reply = await askRunningServer(owner, 'account', { command, username })
      return { password: reply.password ?? null, awaitsConfirmation: !!reply.awaitsConfirmation }
    }
    throw e
  }
}

async function main(): Promise<void> {
  const [command, username, ...rest] = process.argv.slice(2)
  if ((command !== 'reset-password' && command !== 'unlock') || !username) {
    console.log('用法：npm run account -- reset-password <用户名> [--data 目录] [--key-file 文件]\n      npm run account -- unlock <用户名> [--data 目录] [--key-file 文件]\n（三办服务器运行时，命令交给正在运行的服务器执行）')
    process.exitCode = command ? 1 : 0
    return
  }
  const { databaseFile, keyFile } = keyTarget(rest, process.env)
  const { password, awaitsConfirmation } = await accountCommand(command, username, databaseFile, keyFile)
  if (!password) return console.log(`已解除“${username}”的锁定（已记入审计日志）。`)
  const confirm = awaitsConfirmation ? '该账户须经安全保密管理员在“安全保密—人员密级”中确认后才能登录；' : ''
  console.log(`已重置“${username}”的密码，新的初始密码：${password}（${confirm}首次登录须修改；已记入审计日志）`)
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`三办账户：${e instanceof Error ? e.message : String(e)}`)
    process.exit(1)
  })
}
