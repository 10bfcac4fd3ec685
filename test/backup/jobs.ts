/** Waiting for a backup job the way the page does: polling backup.status. */
import { must, type RpcClient } from '../helpers/server'

type Api = RpcClient

export interface JobView { id: string; action: string; state: 'running' | 'done' | 'failed'; percent: number; phase: string; message: string | null }

/** The finished job `id` (started by `start`), with every progress percentage seen while it ran. */
export async function untilFinished(api: Api, id: string, timeoutMs = 60_000): Promise<JobView & { seen: number[] }> {
  const seen: number[] = []
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const { running, last } = await api.ok('backup.status')
    if (running?.id === id) seen.push(running.percent)
    else if (last?.id === id) return { ...last, seen }
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`备份任务 ${id} 未在 ${timeoutMs}ms 内完成`)
}

/** The name of the backup a finished job made, as backup.list shows it (the job's message names it). */
export async function backupMadeBy(api: Api, done: JobView): Promise<string> {
  const { backups } = await api.ok('backup.list')
  return must(backups.find((b) => done.message?.includes(b.name)), `任务消息“${done.message}”所说的备份`).name
}
