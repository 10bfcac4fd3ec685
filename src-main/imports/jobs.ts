/**
 * An import between reading the file and confirming it: held in memory for its user (never written until 确认导入),
 * with its progress for the page's bar. Dropped after an hour, and a user keeps at most a few at once.
 */
import { randomBytes } from 'node:crypto'
import { AppError } from '../kernel/errors'
import type { IMPORT_PHASES, ImportKind } from '../common/imports'
import type { Cell, Mapping } from './rules'
import type { ParsedRow, Refusal } from './plan'

export interface Progress { phase: (typeof IMPORT_PHASES)[number]; done: number; total: number }

export interface Job {
  id: string
  userId: number
  kind: ImportKind
  fileName: string
  headers: string[]
  rows: Cell[][]
  rowNumbers: number[]
  progress: Progress
  /** Set by the dry run: the mapping it checked with, the rows it read and the ones it refused. */
  checked: { mapping: Mapping; records: ParsedRow<Record<string, unknown>>[]; refused: Refusal[] } | null
  expires: number
}

const LIFETIME_MS = 60 * 60_000
const PER_USER = 3
const jobs = new Map<string, Job>()

function sweep(now: number): void {
  for (const [id, j] of jobs) if (j.expires <= now) jobs.delete(id)
}

export function newJob(userId: number, kind: ImportKind, fileName: string, now = Date.now()): Job {
  sweep(now)
  const mine = [...jobs.values()].filter((j) => j.userId === userId).sort((a, b) => a.expires - b.expires)
  for (const old of mine.slice(0, Math.max(0, mine.length - PER_USER + 1))) jobs.delete(old.id)
  const job: Job = {
    id: randomBytes(12).toString('base64url'), userId, kind, fileName, headers: [], rows: [], rowNumbers: [],
    progress: { phase: '读取文件', done: 0, total: 0 }, checked: null, expires: now + LIFETIME_MS,
  }
  jobs.set(job.id, job)
  return job
}

/** The user's own import, or the refusal a stale page gets. */
export function jobOf(userId: number | undefined, id: string, now = Date.now()): Job {
  sweep(now)
  const job = jobs.get(id)
  if (!job || job.userId !== userId) throw new AppError('NOT_FOUND', '这次导入已失效（超过一小时、服务器已重启或已导入完毕），请重新选择文件')
  return job
}

export const dropJob = (id: string) => { jobs.delete(id) }
