/**
 * `npm run bench -- --only 安装包` (issue 19): the x64 offline archive (npm run dist), unpacked, started with
 * its own start script and nothing of this machine's Node, timed from starting the script to the first
 * answer of /health (the database open and the server serving). The first start makes a new office
 * (key, migrations, demo organisation); the later ones open it, as every start after installing does.
 */
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { bareEnv, cleanUp, officeFolder, unpack } from '../test/dist/bundle'
import { ADMIN_PASSWORD } from '../test/helpers/server'
import { latencyRow, summarise, type Row } from './measure'
import type { OwnPart } from './run'

const freePort = () => new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address() as { port: number }; s.close(() => resolve(port)) })
})

async function answered(url: string): Promise<boolean> {
  try { return (await fetch(url)).status === 200 } catch { return false }
}

/** Milliseconds from starting the script to /health answering 200; the server is stopped afterwards. */
async function timeStart(top: string, env: NodeJS.ProcessEnv): Promise<number> {
  const port = await freePort()
  const t = performance.now()
  const child = spawn('/bin/bash', [join(top, 'sanban'), '--port', String(port), '--admin-password', ADMIN_PASSWORD], { env, stdio: 'ignore' })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  try {
    while (!(await answered(`http://127.0.0.1:${port}/health`))) {
      if (child.exitCode !== null) throw new Error(`安装包中的三办没有启动（退出码 ${child.exitCode}）`)
      await sleep(5)
    }
    return performance.now() - t
  } finally {
    child.kill('SIGTERM')
    await exited
  }
}

export const distStartPart: OwnPart = async (log) => {
  const top = unpack('x64', officeFolder())
  const env = bareEnv('x64')
  const first = await timeStart(top, env)
  log(`首次启动（新建办公室）：${first.toFixed(0)} ms`)
  const samples: number[] = []
  for (let i = 0; i < 10; i++) samples.push(await timeStart(top, env))
  cleanUp()
  const rows: Row[] = [
    latencyRow('离线安装包（x64）启动到首个应答（已有数据，10 次）', summarise(samples), { p95: 2000 }),
    { operation: '离线安装包（x64）首次启动到首个应答（新建办公室）', figure: `${first.toFixed(0)} ms`, target: '参考', met: undefined },
  ]
  return rows
}
