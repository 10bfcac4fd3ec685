/**
 * `npm run bench`: the registers on ten years of an office's documents (300,000 收文, 50,000 发文).
 * Builds a throwaway database in a temp folder (migrated like the real one, with the demo organisation),
 * indexes every document for Chinese search exactly as indexForSearch does, and prints the time of the
 * queries a user waits for (median of several runs). Not part of `npm test`.
 *
 *   npm run bench                 # full size
 *   npm run bench -- --small      # 30,000 / 5,000, for a quick look
 *   npm run bench -- --keep       # leave the database behind (its path is printed)
 */
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import { openConnection } from '../src-main/db/connection'
import { migrateDatabase } from '../src-main/db/migrate'
import { loadDemoOrganisation } from '../src-main/org/demo'
import { gramsOf } from '../src-main/documents/search'
import { addDays } from '../src-main/calendar/dates'
import { incomingNumberText, incomingRegister, incomingRegisterAll, outgoingRegister, incomingPageSql, outgoingPageSql, type IncomingFilter, type OutgoingFilter, type Viewer } from '../src-main/documents/registers'
import { incomingRegisterXlsx } from '../src-main/documents/registers-xlsx'
import { randomSource, SENDERS, SERIES, TYPE_WEIGHTS, documentTitle, officeTime } from './office-data'

const small = process.argv.includes('--small')
const keep = process.argv.includes('--keep')
const N_IN = small ? 30_000 : 300_000
const N_OUT = small ? 5_000 : 50_000
const TODAY = '2026-06-15'
const FIRST = '2016-06-16'
const DAYS = 3652
const RUNS = 7

const random = randomSource(20260615)
const { rnd, pick, chance, weighted } = random

// ---- timing
function median(fn: () => unknown, runs = RUNS): { ms: number; result: unknown } {
  const times: number[] = []
  let result: unknown
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    result = fn()
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return { ms: times[Math.floor(times.length / 2)], result }
}
const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1)).padStart(8) + ' ms'

// ---- build
const root = resolve(__dirname, '..')
const dir = mkdtempSync(join(tmpdir(), 'sanban-bench-'))
const file = join(dir, 'sanban.sqlite')
const { sqlite, db } = openConnection(file)
migrateDatabase(sqlite, join(root, 'drizzle'), join(dir, 'backups'))
sqlite.transaction(() => loadDemoOrganisation(db))()

const departments = (sqlite.prepare("SELECT id, name FROM departments WHERE kind IN ('市政府部门', '县区')").all() as { id: number; name: string }[])
const leaders = (sqlite.prepare("SELECT p.id, p.name, po.title FROM posts po JOIN people p ON p.id = po.holder_id WHERE po.kind IN ('市长', '副市长', '秘书长', '副秘书长')").all() as { id: number; name: string; title: string }[])

console.log(`三办 登记簿基准：${N_IN.toLocaleString()} 件收文，${N_OUT.toLocaleString()} 件发文，${leaders.length} 位领导，${departments.length} 个单位`)
console.log(`数据库：${file}`)

const insIn = sqlite.prepare(`INSERT INTO incoming_documents (id, year, seq, received_at, sender, sender_number, title, doc_type, classification, secrecy_period, urgency, copies, pages, arrival, status, proposal, route, deadline, closed_on, registered_by, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '机要交通', ?, ?, ?, ?, ?, '王秘书', ?)`)
const insIns = sqlite.prepare('INSERT INTO instructions (document_id, turn, leader_id, leader_title, kind, opinion, sent_on, instructed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
const insAsg = sqlite.prepare('INSERT INTO assignments (document_id, department_id, role, assigned_on, working_days, deadline, feedback, feedback_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
const insOut = sqlite.prepare(`INSERT INTO outgoing_documents (id, doc_type, sign_kind, series, title, addressee, classification, urgency, drafting_department_id, drafter, status, signer_id, signer_name, signed_on, number_year, number_seq, number_text, issued_on, copies, created_at)
  VALUES (?, ?, '一般', ?, ?, ?, ?, ?, ?, '李科员', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
const insFts = sqlite.prepare('INSERT INTO document_search (grams, kind, doc_id) VALUES (?, ?, ?)')

const title = (docType: string) => documentTitle(random, docType)
const at = officeTime

const t0 = performance.now()
const seqByYear = new Map<number, number>()
const senderSeq = new Map<string, number>()
let instructionRows = 0, assignmentRows = 0
const BATCH = 10_000
for (let start = 0; start < N_IN; start += BATCH) {
  sqlite.transaction(() => {
    for (let i = start; i < Math.min(N_IN, start + BATCH); i++) {
      const id = i + 1
      const day = addDays(FIRST, Math.floor((i / N_IN) * DAYS))
      const received = at(day, Math.floor(rnd() * 540))
      const year = Number(day.slice(0, 4))
      const seq = (seqByYear.get(year) ?? 0) + 1
      seqByYear.set(year, seq)
      const [sender, code] = pick(SENDERS)
      const sn = (senderSeq.get(`${code}${year}`) ?? 0) + 1
      senderSeq.set(`${code}${year}`, sn)
      const senderNumber = `${code}〔${year}〕${sn}号`
      const docType = weighted(TYPE_WEIGHTS)
      const t = title(docType)
      const classification = chance(0.03) ? pick(['秘密', '机密']) : '无'
      const urgency = chance(0.08) ? pick(['加急', '特急']) : '无'
      const age = Math.round((new Date(`${TODAY}T00:00:00Z`).getTime() - new Date(`${day}T00:00:00Z`).getTime()) / 86_400_000)
      const limitDays = urgency === '无' ? 15 : 5
      const deadline = addDays(day, limitDays + 6)
      // Old documents are closed (a few returned, a few forgotten open); recent ones spread over the states.
      let status: string
      if (age > 60) status = chance(0.02) ? '已退回' : chance(0.003) ? '承办中' : '已办结'
      else status = weighted([['已登记', 5], ['已拟办', 5], ['批示中', 15], ['承办中', 40], ['已办结', 33], ['已退回', 2]] as const)
      const closedOn = status === '已办结' ? addDays(day, 3 + Math.floor(rnd() * 20)) : null
      insIn.run(id, year, seq, received, sender, senderNumber, t, docType, classification, classification === '无' ? null : '1年', urgency,
        1 + Math.floor(rnd() * 3), 2 + Math.floor(rnd() * 10), status, status === '已登记' || status === '已退回' ? null : `拟请${pick(leaders).title}阅示。`,
        '分管副市长', deadline, closedOn, received)
      insFts.run(gramsOf([t, senderNumber, sender, incomingNumberText(year, seq)]), '收文', id)
      if (status !== '已登记' && status !== '已退回' && status !== '已拟办') {
        const n = chance(0.3) ? 2 : 1
        for (let k = 0; k < n; k++) {
          const l = pick(leaders)
          const pending = status === '批示中' && k === n - 1
          insIns.run(id, k + 1, l.id, l.title, '批示', pending ? null : '请相关单位认真研究办理。', day, pending ? null : addDays(day, 1 + k))
          instructionRows++
        }
      }
      if (status === '承办中' || status === '已办结') {
        const n = chance(0.25) ? 2 : 1
        for (let k = 0; k < n; k++) {
          const done = status === '已办结' || chance(0.4)
          const aDeadline = addDays(day, limitDays + 4)
          insAsg.run(id, pick(departments).id, k === 0 ? '主办' : '协办', addDays(day, 2), limitDays, aDeadline, done ? '已办理完毕。' : null, done ? addDays(day, 10) : null)
          assignmentRows++
        }
      }
    }
  })()
}
const tIn = performance.now() - t0

const t1 = performance.now()
const outSeq = new Map<string, number>()
sqlite.transaction(() => {
  for (let i = 0; i < N_OUT; i++) {
    const id = i + 1
    const day = addDays(FIRST, Math.floor((i / N_OUT) * DAYS))
    const created = new Date(`${at(day, Math.floor(rnd() * 540)).replace(' ', 'T')}:00+08:00`).toISOString()
    const series = weighted(SERIES)
    const docType = series.endsWith('函') ? '函' : weighted(TYPE_WEIGHTS.filter(([t]) => t !== '函'))
    const age = Math.round((new Date(`${TODAY}T00:00:00Z`).getTime() - new Date(`${day}T00:00:00Z`).getTime()) / 86_400_000)
    const status = age > 30 ? '已印发' : weighted([['拟稿', 2], ['核稿中', 3], ['待签发', 2], ['已签发', 1], ['已编号', 1], ['已印发', 6]] as const)
    const signed = ['已签发', '已编号', '已印发'].includes(status)
    const numbered = status === '已编号' || status === '已印发'
    const signedOn = signed ? addDays(day, 3) : null
    const year = Number((signedOn ?? day).slice(0, 4))
    const seq = numbered ? (outSeq.get(`${series}${year}`) ?? 0) + 1 : null
    if (seq) outSeq.set(`${series}${year}`, seq)
    const numberText = seq ? `${series}〔${year}〕${seq}号` : null
    const signer = signed ? pick(leaders) : null
    const t = title(docType)
    const dept = pick(departments)
    insOut.run(id, docType, series, t, '各县（区）人民政府，市级有关部门', chance(0.02) ? '秘密' : '无', chance(0.05) ? '加急' : '无', dept.id,
      status, signer?.id ?? null, signer?.name ?? null, signedOn, seq ? year : null, seq, numberText, status === '已印发' ? addDays(day, 4) : null,
      status === '已印发' ? 20 + Math.floor(rnd() * 80) : null, created)
    insFts.run(gramsOf([t, numberText, dept.name]), '发文', id)
  }
})()
const tOut = performance.now() - t1
sqlite.pragma('wal_checkpoint(TRUNCATE)')
const size = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0)

console.log('\n写入')
console.log(`  收文 ${N_IN.toLocaleString()} 件（含批示 ${instructionRows.toLocaleString()} 条、承办 ${assignmentRows.toLocaleString()} 条、检索索引）${fmt(tIn)}`)
console.log(`  发文 ${N_OUT.toLocaleString()} 件（含检索索引）${fmt(tOut)}`)
console.log(`  数据库大小 ${(size / 1024 / 1024).toFixed(1)} MB`)

// ---- queries
const topSender = (sqlite.prepare('SELECT sender FROM incoming_documents GROUP BY sender ORDER BY count(*) DESC LIMIT 1').get() as { sender: string }).sender
const someLeader = leaders[0]
const someDept = departments[3]
const NO_TOTAL = { at: '9999', id: Number.MAX_SAFE_INTEGER }
/** A 机密 reader sees everything; a case may name a lower clearance to time the clearance condition. */
type Case = (IncomingFilter | OutgoingFilter) & Partial<Viewer>
const seen = <F extends object>(f: F): F & Viewer => ({ clearance: '机密', ...f })
function explain(kind: '收文' | '发文', f: Case): string {
  const q = kind === '收文' ? incomingPageSql(seen(f as IncomingFilter), TODAY, null, 51) : outgoingPageSql(seen(f as OutgoingFilter), null, 51)
  return db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${q}`).map((r) => r.detail).join(' | ')
}

const cases: [string, '收文' | '发文', Case][] = [
  ['收文 首页（不筛选）', '收文', {}],
  ['收文 首页（内部人员，不含涉密）', '收文', { clearance: '内部' }],
  ['收文 年度2023+已办结', '收文', { year: 2023, status: '已办结' }],
  ['收文 年度2018', '收文', { year: 2018 }],
  ['收文 状态 承办中', '收文', { status: '承办中' }],
  ['收文 状态 已退回', '收文', { status: '已退回' }],
  ['收文 只看逾期', '收文', { overdueOnly: true }],
  [`收文 来文机关（${topSender}）`, '收文', { sender: topSender }],
  ['收文 文种 请示', '收文', { docType: '请示' }],
  ['收文 密级 机密', '收文', { classification: '机密' }],
  [`收文 批示领导（${someLeader.name}）`, '收文', { leaderId: someLeader.id }],
  [`收文 承办单位（${someDept.name}）`, '收文', { departmentId: someDept.id }],
  ['收文 检索 防汛', '收文', { text: '防汛' }],
  ['收文 检索 土地', '收文', { text: '土地' }],
  ['收文 检索 字号片段 〔2019〕12', '收文', { text: '〔2019〕12' }],
  ['收文 检索 资自然资〔2021〕', '收文', { text: '资自然资〔2021〕' }],
  ['收文 检索 防汛+年度2024', '收文', { text: '防汛', year: 2024 }],
  ['收文 检索 防汛（内部人员）', '收文', { text: '防汛', clearance: '内部' }],
  ['发文 首页（不筛选）', '发文', {}],
  ['发文 首页（内部人员，不含涉密）', '发文', { clearance: '内部' }],
  ['发文 年度2020', '发文', { year: 2020 }],
  ['发文 代字 资府发', '发文', { series: '资府发' }],
  [`发文 签发人（${someLeader.name}）`, '发文', { signerId: someLeader.id }],
  ['发文 检索 土地', '发文', { text: '土地' }],
]

console.log(`\n查询（每页50行，${RUNS}次取中位数；“首页”含总数 count，“不含总数”是只取行的时间）`)
console.log('  ' + '条件'.padEnd(34) + '首页+总数'.padStart(10) + '不含总数'.padStart(10) + '   行数/总数')
for (const [label, kind, f] of cases) {
  const withTotal = median(() => (kind === '收文' ? incomingRegister(db, TODAY, { ...seen(f as IncomingFilter), limit: 50 }) : outgoingRegister(db, { ...seen(f as OutgoingFilter), limit: 50 })))
  const rowsOnly = median(() => (kind === '收文' ? incomingRegister(db, TODAY, { ...seen(f as IncomingFilter), limit: 50, after: NO_TOTAL }) : outgoingRegister(db, { ...seen(f as OutgoingFilter), limit: 50, after: NO_TOTAL })))
  const page = withTotal.result as { rows: unknown[]; total?: number }
  console.log(`  ${label.padEnd(34)}${fmt(withTotal.ms)}${fmt(rowsOnly.ms)}   ${page.rows.length}/${page.total}`)
  if (process.argv.includes('--plans')) console.log(`      ${explain(kind, f)}`)
}

// A deep page: the 4,000th page of 50 (row 200,000), reached by its cursor as the virtualised list does.
const deepCursor = sqlite.prepare('SELECT received_at AS at, id FROM incoming_documents ORDER BY received_at DESC, id DESC LIMIT 1 OFFSET 200000').get() as { at: string; id: number }
const deep = median(() => incomingRegister(db, TODAY, seen({ limit: 50, after: deepCursor })))
console.log(`  ${'收文 第4001页（keyset，第200,001行起）'.padEnd(34)}${''.padStart(10)}${fmt(deep.ms)}   ${(deep.result as { rows: unknown[] }).rows.length}`)
const deepOut = sqlite.prepare('SELECT created_at AS at, id FROM outgoing_documents ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET 40000').get() as { at: string; id: number }
const deepO = median(() => outgoingRegister(db, seen({ limit: 50, after: deepOut })))
console.log(`  ${'发文 第801页（keyset，第40,001行起）'.padEnd(34)}${''.padStart(10)}${fmt(deepO.ms)}   ${(deepO.result as { rows: unknown[] }).rows.length}`)
const walk = median(() => {
  let after: { at: string; id: number } | null = null
  for (let i = 0; i < 20; i++) after = incomingRegister(db, TODAY, seen({ limit: 200, after: after ?? NO_TOTAL })).next
  return after
}, 3)
console.log(`  ${'收文 连续翻20页×200行'.padEnd(34)}${''.padStart(10)}${fmt(walk.ms)}`)

async function exportOnce() {
  console.log('\n导出 Excel（一次）')
  const t = performance.now()
  const rows = incomingRegisterAll(db, TODAY, seen({ year: 2025 }))
  const tq = performance.now() - t
  const buf = await incomingRegisterXlsx('资阳市人民政府办公室收文登记簿（2025年）', '2025年', rows)
  console.log(`  收文 2025年 ${rows.length.toLocaleString()} 行：查询${fmt(tq)}，生成 xlsx ${fmt(performance.now() - t - tq)}，${(buf.length / 1024 / 1024).toFixed(1)} MB`)
}

exportOnce().then(() => {
sqlite.close()
if (keep) console.log(`\n保留数据库：${file}`)
else rmSync(dir, { recursive: true, force: true })
})
