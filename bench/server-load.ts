/**
 * Server mode under load, from outside its process: start-up on the ten-year database to the first answered
 * register page, 20 signed-in clients calling register and search procedures over HTTP for 30 seconds without
 * pause (each sends its next call when the last is answered), and the server's resident memory afterwards.
 * The same load runs again on a server that shares no answers (--shared-answers 0), so the table shows what
 * sharing register pages and searches between PCs brings, and what every call costs computed afresh.
 */
import { performance } from 'node:perf_hooks'
import { buildIfStale, startBenchServer } from './server-process'
import { Client } from './http-client'
import { SEED_PASSWORD } from './seed-large'
import { latencyRow, summarise } from './measure'
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Part } from './run'
import type { Row } from './measure'
import type { BenchOffice } from './dataset'
import { DATABASE_FILE } from '../src-main/db/connection'
import { officeDay, DAY_SECONDS, ACCOUNT_WORDS, type DayFixture, type DayResult } from './office-day'
import { openBenchCore } from './in-process'
import { minutesMeeting } from './word'

const CLIENTS = 20
const SECONDS = Number(process.env.SANBAN_BENCH_LOAD_SECONDS ?? 30)
const STARTS = 5
/** Words the office searches for: two to four characters, from the generator's own subjects. */
const WORDS = ['防汛', '河长制', '乡村振兴', '土地', '安全生产', '资府发', '城市更新', '营商环境', '信访', '粮食安全', '招商引资', '审计整改',
  '养老', '供水', '消防', '地质灾害', '食品安全', '政府债务', '数字政府', '冬季供暖', '耕地保护', '住房保障', '民营经济', '科技创新']
const STATUSES = ['已办结', '承办中', '批示中'] as const

async function signedInClient(url: string, asked: Set<string>): Promise<Client> {
  const c = new Client(url)
  await c.post('auth.login', { username: 'kezhang', password: SEED_PASSWORD })
  c.asked = asked
  return c
}

/**
 * What an office's PCs ask for all day: the register's first page, a year and status of the ten (30 in all),
 * the register scrolled page by page, a search of 收文 and of 发文 (24 words each), in turn. `round` counts the
 * client's turns from its own starting place, so the 20 clients are not asking for the same thing in step.
 */
function calls(lastYear: number): ((c: Client, round: number) => Promise<unknown>)[] {
  let cursor: unknown = null
  const year = (i: number) => lastYear - (i % 10)
  return [
    (c) => c.post('registers.incoming', { limit: 50 }),
    (c, i) => c.post('registers.incoming', { year: year(i), status: STATUSES[i % STATUSES.length], limit: 50 }),
    async (c) => { cursor = (await c.ok<{ next: unknown }>('registers.incoming', { limit: 50, ...(cursor ? { after: cursor } : {}) })).next },
    (c, i) => c.post('registers.incoming', { text: WORDS[i % WORDS.length], limit: 50 }),
    (c, i) => c.post('registers.outgoing', { year: year(i + 5), limit: 50 }),
    (c, i) => c.post('registers.outgoing', { text: WORDS[(i + 7) % WORDS.length], limit: 50 }),
  ]
}

/** Each client sends its next call when the last is answered, or with `paceMs`, not before its next slot. */
async function load(url: string, year: number, paceMs = 0): Promise<{ samples: number[]; errors: number; seconds: number; distinct: number }> {
  const asked = new Set<string>()
  const clients = await Promise.all(Array.from({ length: CLIENTS }, () => signedInClient(url, asked)))
  const samples: number[] = []
  let errors = 0
  const end = performance.now() + SECONDS * 1000
  const t0 = performance.now()
  await Promise.all(clients.map(async (client, k) => {
    const mine = calls(year)
    for (let i = k; performance.now() < end; i++) {
      const slot = t0 + (i - k) * paceMs + (k * paceMs) / CLIENTS
      if (paceMs && slot > performance.now()) await new Promise((r) => setTimeout(r, slot - performance.now()))
      const t = performance.now()
      try { await mine[(i - k) % mine.length](client, Math.floor((i - k) / mine.length) + 5 * k) } catch { errors++ }
      samples.push(performance.now() - t)
    }
  }))
  for (const c of clients) c.close()
  return { samples, errors, seconds: (performance.now() - t0) / 1000, distinct: asked.size }
}

export const serverPart: Part = async (office, log) => {
  buildIfStale()
  const starts: number[] = []
  const searches: number[] = []
  for (let i = 0; i < STARTS; i++) {
    const s = await startBenchServer(office)
    starts.push(s.startupMs)
    await s.stop()
    const q = await startBenchServer(office, [], { name: 'registers.incoming', input: { text: WORDS[i % WORDS.length], limit: 50 } })
    searches.push(q.firstCallMs)
    await q.stop()
  }
  const startup = summarise(starts)
  const firstSearch = summarise(searches)
  log(`启动 ${STARTS} 次：${starts.map((t) => t.toFixed(0)).join('、')} ms；打开后第一次检索：${searches.map((t) => t.toFixed(0)).join('、')} ms`)
  const year = Number(office.today.slice(0, 4))
  const measure = async (url: string, label: string) => {
    log(`${label}……`)
    const run = await load(url, year, 0)
    const t = summarise(run.samples)
    const perSecond = run.samples.length / run.seconds
    log(`  共 ${run.samples.length.toLocaleString()} 次调用（其中不同的 ${run.distinct.toLocaleString()} 种），${perSecond.toFixed(0)} 次/秒，错误 ${run.errors}`)
    return { t, errors: run.errors, perSecond }
  }
  const saturatedLabel = `HTTP 负载：${CLIENTS} 个客户端（同一科长账户）不停顿调用 ${SECONDS} 秒，只读（登记簿与检索）`
  const server = await startBenchServer(office)
  let saturated: Row
  try {
    const { t, errors, perSecond } = await measure(server.url, saturatedLabel)
    saturated = { ...latencyRow(`${saturatedLabel}，共用结果：开`, t, { p95: 20 }), met: t.p95 <= 20 && errors === 0, target: `p95 ≤ 20 ms，无错误（${errors} 个错误，${perSecond.toFixed(0)} 次/秒）` }
  } finally {
    await server.stop()
  }
  // The same load on a server that computes every call: what sharing brings, printed for reference.
  const alone = await startBenchServer(office, ['--shared-answers', '0'])
  let unshared: Row
  try {
    const { t, errors, perSecond } = await measure(alone.url, `${saturatedLabel}，不共用结果`)
    unshared = { ...latencyRow(`${saturatedLabel}，不共用结果（--shared-answers 0）`, t, {}), target: `参考（${errors} 个错误，${perSecond.toFixed(0)} 次/秒）`, met: undefined }
  } finally {
    await alone.stop()
  }
  return [
    { ...latencyRow('服务器模式启动到第一个答复（十年加密数据；启动进程、打开并解密数据库、登录、第一页收文登记簿）', startup, {}), target: '≤ 1000 ms（p95）', met: startup.p95 <= 1000 },
    { ...latencyRow('服务器打开加密数据库后的第一次检索（收文，首页+总数；页缓存为空，文件在系统缓存中）', firstSearch, {}), target: '参考', met: undefined },
    saturated,
    unshared,
  ]
}

/** A latency row of the office's day, its checks in the target's words. */
function dayRow(label: string, what: 'reads' | 'writes', day: DayResult, limit: number | undefined): Row {
  const t = day[what]
  const errors = what === 'reads' ? day.readErrors : day.writeErrors
  const checks = `${errors} 个错误，过时页 ${day.stale}、越密级 ${day.aboveClearance}（查 ${day.checkedPages.toLocaleString()} 页）`
  const clean = errors === 0 && day.stale === 0 && day.aboveClearance === 0
  return {
    ...latencyRow(label, t, {}),
    target: limit === undefined ? `参考（${checks}）` : `p95 ≤ ${limit} ms，无错误、无过时页、无越密级（${checks}）`,
    met: limit === undefined ? undefined : t.p95 <= limit && clean,
  }
}

function logDay(log: (line: string) => void, day: DayResult): void {
  log(`  读 ${day.reads.samples.length.toLocaleString()} 次（p95 ${day.reads.p95.toFixed(1)} ms），写 ${day.writes.samples.length} 次（p95 ${day.writes.p95.toFixed(1)} ms），${day.seconds.toFixed(0)} 秒；` +
    `错误 读 ${day.readErrors}、写 ${day.writeErrors}；过时页 ${day.stale}，越密级 ${day.aboveClearance}，核对首页 ${day.checkedPages}`)
  const each = [...day.byName].map(([n, ms]) => { const t = summarise(ms); return `${n} ${ms.length} 次 p95 ${t.p95.toFixed(1)}` })
  log(`  各功能：${each.join('；')}`)
  for (const e of day.firstErrors) log(`  错误：${e}`)
}

const OFFICE_PACE: [number, number] = [1000, 2000]
const TEN_TIMES: [number, number] = [100, 200]
const DAY = `${ACCOUNT_WORDS}，各每 250 ms 读一次（登记簿、检索、首页、会议）`

/** The office's day on a copy of the ten years (its writes never reach the data the other rows read). */
export const officeDayPart: Part = async (office, log) => {
  buildIfStale()
  const copy = copyOffice(office, log)
  try {
    const f = await dayFixture(copy, office.today)
    const rows: Row[] = []
    const alone = await startBenchServer(copy, ['--shared-answers', '0'])
    try {
      log('办公日，不共用结果（--shared-answers 0）……')
      const day = await officeDay(alone.url, f, OFFICE_PACE)
      logDay(log, day)
      rows.push(dayRow(`办公日：读（${DAY}；写每 1–2 s 一次；不共用结果）`, 'reads', day, undefined), dayRow(`办公日：写（签收、初审、拟办、送批、批示、出席、值班记录，每 1–2 s 一次，${DAY_SECONDS} 秒；不共用结果）`, 'writes', day, undefined))
    } finally { await alone.stop() }

    const server = await startBenchServer(copy)
    try {
      log('办公日，共用结果（默认）……')
      const day = await officeDay(server.url, f, OFFICE_PACE)
      logDay(log, day)
      const rss = server.rssMb()
      log(`办公日后内存 ${rss.toFixed(0)} MB`)
      rows.push(dayRow(`办公日：读（${DAY}；写每 1–2 s 一次；共用结果：开）`, 'reads', day, 20), dayRow('办公日：写（签收、初审、拟办、送批、批示、出席、值班记录，每 1–2 s 一次；共用结果：开）', 'writes', day, 50))
      rows.push({ operation: `办公日后服务器常驻内存（RSS；共用结果：开，${DAY_SECONDS} 秒）`, figure: `${rss.toFixed(0)} MB`, target: '≤ 250 MB', met: rss <= 250 })

      log('办公日，写入快十倍……')
      const busy = await officeDay(server.url, f, TEN_TIMES)
      logDay(log, busy)
      rows.push(dayRow(`办公日（写快十倍）：读（${DAY}，${DAY_SECONDS} 秒；共用结果：开）`, 'reads', busy, undefined), dayRow(`办公日（写快十倍）：写，每 0.1–0.2 s 一次（${DAY_SECONDS} 秒；共用结果：开）`, 'writes', busy, undefined))

      rows.push(...await backupDuringDay(server.url, f, day, log))
      log(`全部办公日之后内存 ${server.rssMb().toFixed(0)} MB（峰值 ${server.peakRssMb().toFixed(0)} MB）`)
    } finally { await server.stop() }
    return rows
  } finally {
    rmSync(copy.dataDir, { recursive: true, force: true })
  }
}

/** A backup of the ten years (系统管理员's 立即备份) while the office works at its pace; the day lasts until it is done. */
async function backupDuringDay(url: string, f: DayFixture, quiet: DayResult, log: (line: string) => void): Promise<Row[]> {
  log('办公日中立即备份……')
  const admin = new Client(url)
  await admin.post('auth.login', { username: 'admin', password: SEED_PASSWORD })
  const t = performance.now()
  const finished = (async () => {
    await admin.post('backup.start', {})
    for (;;) {
      await new Promise((r) => setTimeout(r, 200))
      const { running, last } = await admin.ok<{ running: unknown; last: { ok?: boolean; message?: string } | null }>('backup.status', {})
      if (!running) return { seconds: (performance.now() - t) / 1000, last }
    }
  })()
  const day = await officeDay(url, f, OFFICE_PACE, { until: finished, seconds: 10 })
  const { seconds, last } = await finished
  admin.close()
  logDay(log, day)
  log(`  备份用时 ${seconds.toFixed(1)} s：${JSON.stringify(last).slice(0, 300)}`)
  const within = (what: 'reads' | 'writes') => 2 * quiet[what].p95
  const row = (what: 'reads' | 'writes', label: string): Row => {
    const base = dayRow(label, what, day, undefined)
    const limit = within(what)
    const clean = (what === 'reads' ? day.readErrors : day.writeErrors) === 0 && day.stale === 0 && day.aboveClearance === 0
    return { ...base, target: `p95 ≤ 无备份时的 2 倍（${limit.toFixed(1)} ms），${base.target.replace(/^参考/, '')}`, met: day[what].p95 <= limit && clean }
  }
  return [
    { operation: '办公日中备份十年数据（立即备份：复制、完整性检查、校验值）', figure: `${seconds.toFixed(1)} s`, target: '≤ 120 s', met: seconds <= 120 && !!last && !/失败/.test(JSON.stringify(last)) },
    row('reads', `备份期间：读（${DAY}；写每 1–2 s 一次；共用结果：开）`),
    row('writes', `备份期间：写（每 1–2 s 一次，同时 ${DAY}；共用结果：开）`),
  ]
}

/** The ten years copied beside them (a plain file copy while no server has them open). */
function copyOffice(office: BenchOffice, log: (line: string) => void): BenchOffice {
  const dataDir = `${office.dataDir}-day`
  rmSync(dataDir, { recursive: true, force: true })
  mkdirSync(dataDir, { recursive: true })
  for (const f of readdirSync(office.dataDir)) if (!statSync(join(office.dataDir, f)).isDirectory()) copyFileSync(join(office.dataDir, f), join(dataDir, f))
  log(`办公日在十年数据的副本上进行：${dataDir}`)
  return { ...office, dataDir, file: join(dataDir, DATABASE_FILE) }
}

/** What the writes and the meeting page use, found in the data before the day (and a 常务会议 scheduled for its 出席). */
async function dayFixture(office: BenchOffice, today: string): Promise<DayFixture> {
  const { core, as, close } = openBenchCore(office)
  try {
    const sqlite = core.conn.sqlite
    const one = <T>(q: string) => { const r = sqlite.prepare(q).get() as T | undefined; if (!r) throw new Error(`基准数据里找不到：${q}`); return r }
    const leader = one<{ id: number }>("SELECT holder_id AS id FROM posts WHERE title = '副市长' AND holder_id IS NOT NULL ORDER BY id LIMIT 1")
    const sender = one<{ id: number }>("SELECT id FROM departments ORDER BY name = '市财政局' DESC, id LIMIT 1")
    const type = one<{ id: number }>("SELECT id FROM meeting_types WHERE kind = '常务会议' ORDER BY id LIMIT 1")
    // Every meeting of the ten years is held and its 纪要 signed: the office records 出席 for the next one.
    const kezhang = as('kezhang')
    const date = new Date(Date.parse(`${today}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10)
    const { meeting } = await kezhang<{ meeting: { id: number } }>('meetings.schedule', { typeId: type.id, date, halfDay: '上午', startTime: '09:00', place: '市政府第一会议室' })
    const sheet = await kezhang<{ members: { personId?: number; id?: number; name: string }[] }>('attendance.get', { meetingId: meeting.id })
    const member = sheet.members[0]
    const personId = member.personId ?? member.id
    if (!personId) throw new Error(`出席表里没有组成人员：${JSON.stringify(sheet).slice(0, 200)}`)
    return { leaderId: leader.id, senderId: sender.id, meetingId: minutesMeeting(core.conn.db).meetingId, attendee: { meetingId: meeting.id, personId, role: '组成人员' }, year: Number(today.slice(0, 4)) }
  } finally { close() }
}
