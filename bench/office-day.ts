/**
 * An office's day against server mode on the ten years (issue 20), not a quiet one: 20 PCs signed in as three
 * accounts of different clearances (科长 机密, 文秘 秘密, 查阅 内部) read registers, searches, the 首页 lists and a
 * meeting's page, each PC every quarter second, while the office writes: a 收文 is 签收ed, 初审ed, 拟办ed, sent to a
 * leader and its 批示 entered, an 出席 and a 值班记录 recorded, one write every 1–2 s (or ten times as often).
 *
 * Checked during the run, not assumed: every first page of the 收文登记簿 a reader gets counts every 收文 whose
 * 签收 had been acknowledged before the reader asked (never staler than the last acknowledged write), none whose
 * 签收 had not yet been sent, none above the reader's clearance, and no register row shows one above it.
 */
import { performance } from 'node:perf_hooks'
import { officeDate, officeMinute } from '../src-main/common/office-time'
import { canSee, type Classification, type Clearance } from '../src-main/common/classification'
import { Client } from './http-client'
import { SEED_PASSWORD } from './seed-large'
import { summarise, type Timings } from './measure'

const READ_PACE_MS = 250
export const DAY_SECONDS = Number(process.env.SANBAN_BENCH_LOAD_SECONDS ?? 30)
const ACCOUNTS: [string, Clearance, number][] = [['kezhang', '机密', 7], ['wenmi', '秘密', 7], ['chayue', '内部', 6]]
const WORDS = ['防汛', '河长制', '乡村振兴', '土地', '安全生产', '城市更新', '营商环境', '信访', '粮食安全', '招商引资', '养老', '供水']
const STATUSES = ['已办结', '承办中', '批示中'] as const
/** What the office 签收s in turn: most 非涉密, some 秘密 and 机密, so that clearances are tested by every round. */
const RECEIVED: Classification[] = ['无', '秘密', '无', '机密']

/** The ids the writes and the meeting page need, found in the office before the day starts. */
export interface DayFixture { leaderId: number; senderId: number; meetingId: number; attendee: { meetingId: number; personId: number; role: string }; year: number }

export interface DayResult {
  reads: Timings; writes: Timings
  readErrors: number; writeErrors: number
  /** Each procedure's calls, for the log: which of them the p95 comes from. */
  byName: Map<string, number[]>
  /** Register pages staler than the last acknowledged 签收, or counting what the reader may not see. */
  stale: number; aboveClearance: number; checkedPages: number
  seconds: number
  firstErrors: string[]
}

type RegisterPage = { total: number | null; rows: { classification: Classification }[] }

/** The office's count of 收文 each clearance sees, and the 签收s sent and acknowledged since it was taken. */
class Ledger {
  readonly base = new Map<Clearance, number>()
  private sent: Classification[] = []
  private acked: Classification[] = []
  send(c: Classification) { this.sent.push(c) }
  ack(c: Classification) { this.acked.push(c) }
  private count(list: Classification[], reader: Clearance) { return this.base.get(reader)! + list.filter((c) => canSee(reader, c)).length }
  /** The fewest a page asked for now may count, and (once answered) the most. */
  atLeast(reader: Clearance) { return this.count(this.acked, reader) }
  atMost(reader: Clearance) { return this.count(this.sent, reader) }
}

interface Reader { client: Client; clearance: Clearance }

/** A register page checked for rows above the reader's clearance, and (first page) its total against the ledger. */
function checker(result: DayResult, ledger: Ledger) {
  return (reader: Reader, reply: Buffer, atLeast: number | null) => {
    const page = JSON.parse(reply.toString('utf8')).result as RegisterPage
    if (page.rows.some((r) => !canSee(reader.clearance, r.classification))) result.aboveClearance++
    if (atLeast === null || page.total === null) return
    result.checkedPages++
    if (page.total < atLeast) result.stale++
    if (page.total > ledger.atMost(reader.clearance)) result.aboveClearance++
  }
}

/** The reads of one PC in turn: register pages, searches, the 首页 lists and a meeting's page. */
function reads(f: DayFixture, check: ReturnType<typeof checker>, ledger: Ledger): ((r: Reader, i: number) => Promise<unknown>)[] {
  const page = async (r: Reader, name: string, input: object, firstPage = false) => {
    const atLeast = firstPage ? ledger.atLeast(r.clearance) : null
    check(r, await r.client.post(name, { ...input, limit: 50 }), atLeast)
  }
  return [
    (r) => page(r, 'registers.incoming', {}, true),
    (r, i) => page(r, 'registers.incoming', { year: f.year - (i % 10), status: STATUSES[i % STATUSES.length] }),
    (r, i) => page(r, 'registers.incoming', { text: WORDS[i % WORDS.length] }),
    (r) => r.client.post('incoming.dueSoon', {}),
    (r, i) => page(r, 'registers.outgoing', { year: f.year - (i % 10) }),
    (r, i) => page(r, 'registers.outgoing', { text: WORDS[(i + 5) % WORDS.length] }),
    (r) => r.client.post('followups.list', { overdueOnly: true }),
    (r) => r.client.post('meetings.get', { id: f.meetingId }),
    (r) => r.client.post('topics.list', { meetingId: f.meetingId }),
    (r) => r.client.post('attendance.get', { meetingId: f.meetingId }),
  ]
}

/** One round of the office's writes: a 收文 from 签收 to 批示, an 出席, a 值班记录. */
function writes(f: DayFixture, ledger: Ledger, clerk: Client, chief: Client): ((round: number) => Promise<unknown>)[] {
  let doc = 0
  const today = () => officeDate(new Date())
  return [
    async (round) => {
      const classification = RECEIVED[round % RECEIVED.length]
      ledger.send(classification)
      const receivedAt = officeMinute(new Date(Date.now() - 60_000))
      const reply = await chief.ok<{ id: number }>('incoming.receive', {
        receivedAt, sender: '市财政局', senderDepartmentId: f.senderId, title: `关于第${round + 1}批城市维护资金安排的请示`, docType: '请示', arrival: '机要交通', files: [],
        classification, ...(classification === '无' ? {} : { secrecyPeriod: '1年' }),
      })
      ledger.ack(classification)
      doc = reply.id
    },
    () => chief.post('incoming.review', { id: doc, reviewedOn: today() }),
    () => chief.post('incoming.propose', { id: doc, proposal: '拟请分管副市长阅示。', proposedBy: '许文杰', proposedOn: today() }),
    () => chief.post('incoming.send', { id: doc, leaderIds: [f.leaderId], sentOn: today() }),
    () => chief.post('incoming.instruct', { id: doc, leaderId: f.leaderId, kind: '批示', opinion: '同意，请财政局抓紧办理。', instructedOn: today() }),
    // The next 常务会议: a member's 出席 confirmed again, as the office does while it gathers replies.
    () => clerk.post('attendance.record', { ...f.attendee, status: '出席' }),
    (round) => clerk.post('duty.addLog', { at: officeMinute(new Date()), callerUnit: '市应急管理局', callerName: '王强', content: `第${round + 1}次来电：通报今晚天气，请做好防范` }),
  ]
}

async function signedIn(url: string, username: string): Promise<Client> {
  const c = new Client(url)
  await c.post('auth.login', { username, password: SEED_PASSWORD })
  return c
}

const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - performance.now())))

/**
 * The day: readers and writers for `seconds`, or until `until` settles if it is given (a backup running meanwhile),
 * whichever is later. `writeEveryMs`: a write every [min, max] ms, drawn evenly.
 */
export async function officeDay(url: string, f: DayFixture, writeEveryMs: [number, number], options: { seconds?: number; until?: Promise<unknown> } = {}): Promise<DayResult> {
  const readers: Reader[] = []
  for (const [username, clearance, n] of ACCOUNTS) for (let i = 0; i < n; i++) readers.push({ client: await signedIn(url, username), clearance })
  const clerk = await signedIn(url, 'wenmi')
  const chief = await signedIn(url, 'kezhang')
  const ledger = new Ledger()
  for (const r of readers.slice(0)) {
    if (ledger.base.has(r.clearance)) continue
    ledger.base.set(r.clearance, (await r.client.ok<RegisterPage>('registers.incoming', { limit: 1 })).total!)
  }
  const result: DayResult = { reads: summarise([]), writes: summarise([]), readErrors: 0, writeErrors: 0, stale: 0, aboveClearance: 0, checkedPages: 0, seconds: 0, firstErrors: [], byName: new Map() }
  const failed = (e: unknown) => { if (result.firstErrors.length < 3) result.firstErrors.push(String((e as Error).message ?? e).slice(0, 300)) }
  const readSamples: number[] = []
  const writeSamples: number[] = []
  let done = false
  const t0 = performance.now()
  const minEnd = t0 + (options.seconds ?? DAY_SECONDS) * 1000
  // A failed backup is the caller's to report: the day still ends, on time.
  const stop = (options.until ?? Promise.resolve()).catch(() => undefined).then(async () => { await sleepUntil(minEnd); done = true })
  const plan = reads(f, checker(result, ledger), ledger)

  const reading = readers.map(async (r, k) => {
    for (let i = 0; !done; i++) {
      await sleepUntil(t0 + i * READ_PACE_MS + (k * READ_PACE_MS) / readers.length)
      const t = performance.now()
      try { await plan[(i + k) % plan.length](r, i + 3 * k) } catch (e) { result.readErrors++; failed(e) }
      readSamples.push(performance.now() - t)
    }
  })
  const writing = (async () => {
    const steps = writes(f, ledger, clerk, chief)
    let next = t0
    for (let n = 0; !done; n++) {
      next += writeEveryMs[0] + Math.random() * (writeEveryMs[1] - writeEveryMs[0])
      await sleepUntil(next)
      if (done) break
      const t = performance.now()
      try { await steps[n % steps.length](Math.floor(n / steps.length)) } catch (e) { result.writeErrors++; failed(e) }
      writeSamples.push(performance.now() - t)
    }
  })()
  await stop
  await Promise.all([...reading, writing])
  for (const c of [...readers.map((r) => r.client), clerk, chief]) { c.close(); for (const [n, ms] of c.spent) result.byName.set(n, (result.byName.get(n) ?? []).concat(ms)) }
  return { ...result, reads: summarise(readSamples), writes: summarise(writeSamples), seconds: (performance.now() - t0) / 1000 }
}

/** The readers, in words, for the rows' conditions. */
export const ACCOUNT_WORDS = `${ACCOUNTS.reduce((n, [, , k]) => n + k, 0)} 个客户端（${ACCOUNTS.map(([u, c, k]) => `${k} 个 ${u}（${c}）`).join('、')}）`
