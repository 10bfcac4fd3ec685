/**
 * `npm run bench`: ten years of an office on this PC (issue 7). Builds the seed:large database once
 * (bench/.data/, reused while the generator and schema are unchanged), measures what a user waits for
 * and prints one table: operation, median, p95, the comparison measured in the same run, the target.
 *
 *   npm run bench                  # the full ten years
 *   npm run bench -- --small       # a tenth of the size, for a quick look (targets still printed)
 *   npm run bench -- --only 检索   # only the parts whose name contains the word
 *   npm run bench -- --only 统计   # each 统计 figure for the last whole year, as 科长 and as 查阅 (issue 17)
 *   npm run bench -- --only 办公日 # only the office's day (issue 20: reads, writes, a backup meanwhile, on a copy of the ten years)
 *   npm run bench -- --only 攻击   # only the abuse row (issue 21; a small server of its own, no ten-year data)
 *   npm run bench -- --only 安装包 # only the offline archive's start (issue 19; needs npm run dist first)
 *   npm run bench -- --only 导入   # only the import of 30,000 收文 from one .xlsx (issue 18; a small office of its own)
 *   npm run bench -- --markdown    # the table also as Markdown (for the README)
 *   npm run bench -- --readme      # and write it, the machine and the data into README.md's 性能 section (a full run only)
 */
import { cpus, totalmem, platform, release } from 'node:os'
import { performance } from 'node:perf_hooks'
import { ensureBenchOffice, type BenchOffice } from './dataset'
import { markdownTable, textTable, type Row } from './measure'
import { dataLine, writeReadme } from './readme'

export type Part = (office: BenchOffice, log: (line: string) => void) => Promise<Row[]>
/** A part that starts a small office of its own: run alone (`--only`), the ten years are not built. */
export type OwnPart = (log: (line: string) => void) => Promise<Row[]>

/** Each part loads its module only when it runs, so `--only` starts quickly. */
const PARTS: [string, () => Promise<Part>][] = [
  ['登记簿', async () => (await import('./queries')).registerPart],
  ['检索', async () => (await import('./queries')).searchPart],
  ['首页', async () => (await import('./queries')).homePart],
  ['会议', async () => (await import('./queries')).meetingPart],
  ['值班', async () => (await import('./duty')).dutyPart],
  ['统计', async () => (await import('./stats')).statsPart],
  ['待办', async () => (await import('./todo')).todoPart],
  ['导出', async () => (await import('./export-load')).exportPart],
  ['Word 文件', async () => (await import('./word')).wordPart],
  ['服务器', async () => (await import('./server-load')).serverPart],
  ['办公日', async () => (await import('./server-load')).officeDayPart],
  ['浏览器', async () => (await import('./browser')).browserPart],
]
const OWN_PARTS: [string, () => Promise<OwnPart>][] = [
  ['攻击', async () => (await import('./abuse')).abusePart],
  ['安装包', async () => (await import('./dist-start')).distStartPart],
  ['导入', async () => (await import('./imports')).importPart],
]

const argument = (name: string) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : undefined }

function machine(): string {
  const cpu = cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? '未知处理器'
  return `${cpu}，${cpus().length} 核，内存 ${Math.round(totalmem() / 2 ** 30)} GiB，${platform()} ${release()}，Node ${process.versions.node}，SQLite ${sqliteVersion()}`
}
let sqliteVersion = () => ''

async function main(): Promise<void> {
  const scale = process.argv.includes('--small') ? 0.1 : Number(argument('--scale') ?? 1)
  const only = argument('--only')
  const log = (line: string) => console.log(line)
  const t = performance.now()
  const chosen = <T>(parts: [string, T][]) => parts.filter(([name]) => !only || name.includes(only))
  const office = chosen(PARTS).length ? ensureBenchOffice(scale, log) : null
  const { openConnection } = await import('../src-main/db/connection')
  sqliteVersion = () => { const c = openConnection(':memory:'); try { return String(c.sqlite.prepare('SELECT sqlite_version() AS v').pluck().get()) } finally { c.sqlite.close() } }
  const rows: Row[] = []
  for (const [name, load] of chosen(PARTS)) {
    log(`\n—— ${name}`)
    rows.push(...await (await load())(office!, log))
  }
  for (const [name, load] of chosen(OWN_PARTS)) {
    log(`\n—— ${name}`)
    rows.push(...await (await load())(log))
  }
  console.log(`\n三办 性能基准（${new Date().toISOString().slice(0, 10)}，共 ${((performance.now() - t) / 1000).toFixed(0)} s）`)
  console.log(`机器：${machine()}`)
  if (office) console.log(`${dataLine(office)}\n`)
  console.log(textTable(rows))
  const held = rows.filter((r) => r.met !== undefined)
  const missed = held.filter((r) => !r.met)
  console.log(`\n${held.length - missed.length}/${held.length} 项达标${missed.length ? `；未达标：${missed.map((r) => r.operation).join('、')}` : ''}`)
  if (process.argv.includes('--markdown')) console.log(`\n${markdownTable(rows)}`)
  if (process.argv.includes('--readme')) { writeReadme(rows, machine(), office); console.log('\n已写入 README.md 的“性能（十年数据）”一节。') }
}

main().catch((e) => { console.error(e); process.exit(1) })
