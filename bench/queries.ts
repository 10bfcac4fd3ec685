/**
 * What a user waits for on every page, timed through the router in this process (input checks, access,
 * clearance, the handler): register pages, Chinese search, the 首页 lists, opening a meeting. Each
 * comparison is the obvious alternative run in the same process on the same data: OFFSET paging, LIKE.
 */
import { sql, type SQL } from 'drizzle-orm'
import { incomingPageSql, outgoingPageSql, type IncomingFilter, type RegisterCursor } from '../src-main/documents/registers/service'
import { visibleSql } from '../src-main/security/clearance'
import type { Clearance } from '../src-main/common/classification'
import type { Db } from '../src-main/db/connection'
import { allRows, firstRow } from '../src-main/db/prepared'
import { openBenchCore, type BenchCore } from './in-process'
import { latencyRow, time, timeAsync, type Row } from './measure'
import type { Part } from './run'
import type { BenchOffice } from './dataset'
import { minutesMeeting } from './word'

const RUNS = 60
const PAGE = 50

/** Opens the office, runs `fn`, closes it whatever happens. */
async function withCore(office: BenchOffice, fn: (bench: BenchCore) => Promise<Row[]>): Promise<Row[]> {
  const bench = openBenchCore(office)
  try { return await fn(bench) } finally { bench.close() }
}

/** The comparisons get what the product gets: statements prepared once (allRows) and the same warm-up (issue 20). */
const rowsOf = (db: Db, q: SQL) => allRows(db, q).length
const SAME_WARMUP = 30

/** The cursor a virtualised list holds after scrolling to row `n` of a filtered register. */
function cursorAt(db: Db, table: 'incoming' | 'outgoing', where: SQL, n: number): RegisterCursor {
  const q = table === 'incoming'
    ? sql`SELECT received_at AS at, id FROM incoming_documents d WHERE ${where} ORDER BY received_at DESC, id DESC LIMIT 1 OFFSET ${n - 1}`
    : sql`SELECT created_at AS at, id FROM outgoing_documents o WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ${n - 1}`
  return db.get<RegisterCursor>(q)!
}

const REGISTER = { median: 2, p95: 5 }

export const registerPart: Part = (office) => withCore(office, async ({ core, as }) => {
  const db = core.conn.db
  const kezhang = as('kezhang')
  const chayue = as('chayue')
  const year = Number(office.today.slice(0, 4)) - 3
  const filtered = { year, status: '已办结' as const }
  const rows: Row[] = []
  const page = async (label: string, call: typeof kezhang, name: string, input: object) =>
    rows.push(latencyRow(label, await timeAsync(() => call(name, { ...input, limit: PAGE }), RUNS), REGISTER))
  /** A deep page by its cursor, against the same page reached by OFFSET (the rows alone, without the per-row details). */
  const deep = async (label: string, name: string, input: object, offsetSql: SQL, cursor: RegisterCursor, offset: number) => {
    const ours = await timeAsync(() => kezhang(name, { ...input, limit: PAGE, after: cursor }), RUNS)
    const theirs = time(() => rowsOf(db, sql`${offsetSql} OFFSET ${offset}`), 15, SAME_WARMUP)
    rows.push(latencyRow(label, ours, REGISTER, { name: `OFFSET ${offset.toLocaleString()} 取同一页`, median: theirs.median }))
  }

  await page('收文登记簿 首页+总数（不筛选）', kezhang, 'registers.incoming', {})
  await page(`收文登记簿 首页+总数（${year}年+已办结）`, kezhang, 'registers.incoming', filtered)
  await page(`收文登记簿 首页+总数（${year}年+已办结，内部人员）`, chayue, 'registers.incoming', filtered)
  const total = (await kezhang<{ total: number }>('registers.incoming', { ...filtered, limit: 1 })).total
  const inYear = Math.floor((total * 0.8) / PAGE) * PAGE
  const seen = (f: IncomingFilter) => ({ ...f, clearance: '机密' as Clearance })
  await deep(`收文登记簿 深页（${year}年+已办结，第${(inYear / PAGE + 1).toLocaleString()}页）`, 'registers.incoming', filtered,
    incomingPageSql(seen(filtered), office.today, null, PAGE + 1), cursorAt(db, 'incoming', sql`+d.year = ${year} AND +d.status = '已办结'`, inYear), inYear)
  const far = Math.floor((office.counts.incoming_documents * 2) / 3 / PAGE) * PAGE
  await deep(`收文登记簿 深页（不筛选，第${(far / PAGE + 1).toLocaleString()}页）`, 'registers.incoming', {},
    incomingPageSql(seen({}), office.today, null, PAGE + 1), cursorAt(db, 'incoming', sql`1`, far), far)

  const outFilter = { year, status: '已印发' as const }
  await page(`发文登记簿 首页+总数（${year}年+已印发）`, kezhang, 'registers.outgoing', outFilter)
  const outFar = Math.floor((office.counts.outgoing_documents * 2) / 3 / PAGE) * PAGE
  await deep(`发文登记簿 深页（不筛选，第${(outFar / PAGE + 1).toLocaleString()}页）`, 'registers.outgoing', {},
    outgoingPageSql({ clearance: '机密' }, null, PAGE + 1), cursorAt(db, 'outgoing', sql`1`, outFar), outFar)
  return rows
})

/** Two-, three- and four-character words an office searches for; 内部 readers see fewer documents. */
const WORDS = ['防汛', '河长制', '乡村振兴']

/** What a search would be without the bigram index: the same page and total by scanning titles, senders and numbers. */
function likeSearch(db: Db, word: string, clearance: Clearance): number {
  const pattern = `%${word}%`
  const seen = visibleSql(sql.raw('d.classification'), clearance) ?? sql`1`
  const where = sql`(d.title LIKE ${pattern} OR d.sender LIKE ${pattern} OR d.sender_number LIKE ${pattern}) AND ${seen}`
  const page = allRows(db, sql`SELECT d.id FROM incoming_documents d WHERE ${where} ORDER BY d.received_at DESC, d.id DESC LIMIT ${PAGE + 1}`)
  return page.length + firstRow<{ n: number }>(db, sql`SELECT count(*) AS n FROM incoming_documents d WHERE ${where}`)!.n
}

export const searchPart: Part = (office) => withCore(office, async ({ core, as }) => {
  const rows: Row[] = []
  for (const [user, clearance, who] of [['kezhang', '机密', ''], ['chayue', '内部', '，内部人员']] as const) {
    const call = as(user)
    for (const word of user === 'kezhang' ? WORDS : WORDS.slice(0, 1)) {
      const ours = await timeAsync(() => call('registers.incoming', { text: word, limit: PAGE }), RUNS)
      const { total } = await call<{ total: number }>('registers.incoming', { text: word, limit: 1 })
      const like = time(() => likeSearch(core.conn.db, word, clearance), 7, SAME_WARMUP)
      rows.push(latencyRow(`检索收文“${word}”（${[...word].length}字，首页+总数 ${total.toLocaleString()}${who}）`, ours, { p95: 5, faster: 20 }, { name: "LIKE '%…%' 扫描", median: like.median }))
    }
  }
  return rows
})

export const homePart: Part = (office) => withCore(office, async ({ as }) => {
  const call = as('kezhang')
  const limits = { p95: 10 }
  const n = (await call<{ total: number }>('incoming.dueSoon')).total
  return [
    latencyRow(`首页 公文到期提醒（共 ${n.toLocaleString()} 项，列出最紧迫的30项）`, await timeAsync(() => call('incoming.dueSoon'), RUNS), limits),
    latencyRow('首页 督办逾期事项', await timeAsync(() => call('followups.list', { overdueOnly: true }), RUNS), limits),
    latencyRow('收文登记簿 只看逾期（首页+总数）', await timeAsync(() => call('registers.incoming', { overdueOnly: true, limit: PAGE }), RUNS), limits),
  ]
})

export const meetingPart: Part = (office) => withCore(office, async ({ core, as }) => {
  const call = as('kezhang')
  const { meetingId, decisions } = minutesMeeting(core.conn.db)
  const open = () => Promise.all([
    call('meetings.get', { id: meetingId }), call('topics.list', { meetingId }), call('attendance.get', { meetingId }), call('minutes.get', { meetingId }),
  ])
  return [latencyRow(`打开会议（常务会议，${decisions}个议题，含出席与纪要）`, await timeAsync(open, RUNS), { p95: 5 })]
})
