/**
 * Real processes to kill (issue 6, crash safety): the server as the office starts it (server/cli.ts,
 * run from the TypeScript sources through tsx), and a bare migration run. SIGKILL gives the process
 * no chance to clean up, which is what a power cut or a killed task does.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { ADMIN_PASSWORD } from './server'

export const ROOT = resolve(__dirname, '../..')

export interface Child {
  process: ChildProcess
  /** Resolves with the first stdout line matching `pattern` (its first group), rejects if the process ends first. */
  waitFor(pattern: RegExp): Promise<string>
  /** SIGKILL, and wait until the process is gone. */
  kill(): Promise<void>
}

/**
 * Node itself with tsx as a loader, not tsx's CLI: the CLI runs the script in a second process and
 * a SIGKILL to the first would leave the one holding the database running.
 */
function child(args: string[], env: NodeJS.ProcessEnv = {}): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] })
  const lines: string[] = []
  const waiters: { pattern: RegExp; done: (s: string) => void }[] = []
  let stderr = ''
  proc.stderr!.on('data', (d: Buffer) => { stderr += d.toString() })
  createInterface({ input: proc.stdout! }).on('line', (line) => {
    lines.push(line)
    for (const w of [...waiters]) {
      const m = w.pattern.exec(line)
      if (m) { waiters.splice(waiters.indexOf(w), 1); w.done(m[1] ?? line) }
    }
  })
  const exited = new Promise<void>((done) => proc.once('exit', () => done()))
  return {
    process: proc,
    waitFor: (pattern) => new Promise((done, fail) => {
      const seen = lines.map((l) => pattern.exec(l)).find(Boolean)
      if (seen) return done(seen[1] ?? seen[0])
      waiters.push({ pattern, done })
      void exited.then(() => fail(new Error(`进程已退出（${proc.exitCode ?? proc.signalCode}），未等到 ${pattern}：${stderr.slice(-2000)}`)))
    }),
    kill: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL')
      await exited
    },
  }
}

/** `npm start`'s server on a free port over `dataDir`, encrypted with `keyFile`; resolves once it listens. */
export async function serverProcess(dataDir: string, keyFile: string): Promise<{ child: Child; url: string }> {
  const c = child(['src-main/server/cli.ts', '--data', dataDir, '--port', '0', '--key-file', keyFile, '--admin-password', ADMIN_PASSWORD])
  const url = await c.waitFor(/请用浏览器打开：(http:\/\/[^/\s]+)/)
  return { child: c, url }
}

/** A process that opens `file` and migrates it when told to (migration-child.ts). */
export async function migrationProcess(file: string, backupDir: string): Promise<{ child: Child; go(): void }> {
  const c = child([join(__dirname, 'migration-child.ts')], { SANBAN_FILE: file, SANBAN_BACKUPS: backupDir })
  await c.waitFor(/^(ready)$/)
  return { child: c, go: () => c.process.stdin!.write('go\n') }
}
