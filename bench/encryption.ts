/**
 * `npm run bench:encryption`: what encryption at rest costs. The same database is built twice,
 * unencrypted and encrypted (SQLCipher 4, raw 256-bit key), and the same work is timed on both:
 * a bulk insert of 收文 with their search index, the register's first and a deep page, a Chinese
 * search, opening, an online backup, and (encrypted only) changing the key. Queries are timed warm
 * (median of several runs on one connection) and cold (first run on a fresh connection: every page
 * is read, and decrypted, again). Not part of `npm test`.
 *
 *   npm run bench:encryption               # 100,000 收文
 *   npm run bench:encryption -- --small    # 20,000
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openConnection, type Connection } from '../src-main/db/connection'
import { migrateDatabase } from '../src-main/db/migrate'
import { backupDatabase } from '../src-main/db/backup'
import { changeDatabaseKey } from '../src-main/db/cipher'
import { generateKey } from '../src-main/db/key'
import { loadDemoOrganisation } from '../src-main/org/demo'
import { gramsOf } from '../src-main/documents/registers/search'
import { addDays } from '../src-main/common/dates'
import { incomingNumberText, incomingRegister } from '../src-main/documents/registers/service'

const N = process.argv.includes('--small') ? 20_000 : 100_000
const RUNS = 7
const TODAY = '2026-06-15'
const root = resolve(__dirname, '..')

const TOPICS = ['防汛抗旱', '森林防灭火', '安全生产', '土地征收', '耕地保护', '乡村振兴', '城市更新', '老旧小区改造', '生态环境保护', '义务教育',
  '养老服务体系', '招商引资', '营商环境', '数字政府', '财政预算', '审计整改', '信访工作', '食品安全', '消防安全', '粮食安全']
const LEADS = ['关于做好', '关于加强', '关于开展', '关于印发', '关于报送', '关于请求解决']
const SENDERS = ['四川省人民政府办公厅', '市发展和改革委员会', '市财政局', '市自然资源和规划局', '市应急管理局', '雁江区人民政府']

let seed = 20261125
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]

const time = (fn: () => unknown) => { const t = performance.now(); fn(); return performance.now() - t }
async function timeAsync(fn: () => Promise<unknown>) { const t = performance.now(); await fn(); return performance.now() - t }
function median(fn: () => unknown): number {
  const times = Array.from({ length: RUNS }, () => time(fn)).sort((a, b) => a - b)
  return times[Math.floor(RUNS / 2)]
}

function insertDocuments({ sqlite }: Connection): void {
  const ins = sqlite.prepare(`INSERT INTO incoming_documents (id, year, seq, received_at, sender, sender_number, title, doc_type, classification, urgency, copies, pages, arrival, status, route, registered_by, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, '通知', '无', '无', 1, 4, '机要交通', '已办结', '分管副市长', '王秘书', ?)`)
  const fts = sqlite.prepare('INSERT INTO document_search (grams, kind, doc_id) VALUES (?, ?, ?)')
  for (let start = 0; start < N; start += 10_000) {
    sqlite.transaction(() => {
      for (let id = start + 1; id <= Math.min(N, start + 10_000); id++) {
        const day = addDays('2016-06-16', Math.floor(((id - 1) / N) * 3650))
        const year = Number(day.slice(0, 4))
        const title = `${pick(LEADS)}${pick(TOPICS)}工作的通知`
        const sender = pick(SENDERS)
        const number = `资文〔${year}〕${id}号`
        ins.run(id, year, id, `${day} 09:00`, sender, number, title, `${day}T01:00:00Z`)
        fts.run(gramsOf([title, number, sender, incomingNumberText(year, id)]), '收文', id)
      }
    })()
  }
}

type Row = [string, number, number]
const rows: Row[] = []
/** The better of the rounds: the machine is shared, and the first round also warms up the JIT and the OS cache. */
const record = (label: string, mode: 0 | 1, ms: number) => {
  let row = rows.find((r) => r[0] === label)
  if (!row) rows.push((row = [label, NaN, NaN]))
  const i = mode === 0 ? 1 : 2
  row[i] = Number.isNaN(row[i]) ? ms : Math.min(row[i], ms)
}

const viewer = { clearance: '机密' as const, limit: 50 }
/** The cursor of the deep page is the 80th percentile row: found once, before timing, as the list keeps it. */
const deepCursor = (c: Connection) => c.sqlite.prepare('SELECT received_at AS at, id FROM incoming_documents ORDER BY received_at DESC, id DESC LIMIT 1 OFFSET ?')
  .get(Math.floor(N * 0.8)) as { at: string; id: number }
const queries: [string, (c: Connection) => () => unknown][] = [
  ['登记簿首页（含总数）', (c) => () => incomingRegister(c.db, TODAY, viewer)],
  [`登记簿深翻页（第${(Math.floor(N * 0.8) + 1).toLocaleString()}行起）`, (c) => {
    const after = deepCursor(c)
    return () => incomingRegister(c.db, TODAY, { ...viewer, after })
  }],
  ['检索“防汛”（含总数）', (c) => () => incomingRegister(c.db, TODAY, { ...viewer, text: '防汛' })],
]

async function run(mode: 0 | 1): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sanban-bench-enc-'))
  const file = join(dir, 'sanban.sqlite')
  const key = mode ? generateKey() : undefined
  try {
    const conn = openConnection(file, key)
    migrateDatabase(conn.sqlite, join(root, 'drizzle'), join(dir, 'backups'))
    conn.sqlite.transaction(() => loadDemoOrganisation(conn.db))()
    record(`写入 ${N.toLocaleString()} 件收文（含检索索引）`, mode, time(() => insertDocuments(conn)))
    conn.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    conn.sqlite.close()
    record('数据库大小（MB）', mode, statSync(file).size / 1024 / 1024)
    record('打开数据库（含密钥校验）', mode, median(() => openConnection(file, key).sqlite.close()))
    for (const [label, prepare] of queries) {
      const fresh = openConnection(file, key)
      const q = prepare(fresh)
      record(`${label} 冷`, mode, time(q))
      record(`${label} 热`, mode, median(q))
      fresh.sqlite.close()
    }
    const live = openConnection(file, key)
    record('在线备份', mode, await timeAsync(() => backupDatabase(live.sqlite, join(dir, 'backup.sqlite'))))
    live.sqlite.close()
    if (key) record('更换密钥（rekey）', mode, time(() => changeDatabaseKey(file, key, generateKey())))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  console.log(`三办 加密代价基准：${N.toLocaleString()} 件收文；查询每页50行，“热”为同一连接${RUNS}次取中位数，“冷”为新连接第一次；各项取两轮中较好的一次`)
  for (let round = 0; round < 2; round++) {
    await run(0)
    await run(1)
  }
  const fmt = (v: number) => (Number.isNaN(v) ? '—' : v < 10 ? v.toFixed(2) : v.toFixed(1)).padStart(10)
  console.log(`\n  ${'项目'.padEnd(30)}${'明文'.padStart(9)}${'加密'.padStart(9)}${'加密/明文'.padStart(8)}   （毫秒，大小为MB）`)
  for (const [label, plain, enc] of rows) {
    console.log(`  ${label.padEnd(30)}${fmt(plain)}${fmt(enc)}${Number.isNaN(plain) ? '' : (enc / plain).toFixed(2).padStart(10)}`)
  }
}

void main()
