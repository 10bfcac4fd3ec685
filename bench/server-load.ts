/**
 * Server mode under load, from outside its process: start-up on the ten-year database to the first answered
 * register page, 20 signed-in clients calling register and search procedures over HTTP for 30 seconds without
 * pause (each sends its next call when the last is answered), and the server's resident memory afterwards.
 * The same load runs again on a server that shares no answers (--shared-answers 0), so the table shows what
 * sharing register pages and searches between PCs brings, and what every call costs computed afresh.
 */
import { Agent, request } from 'node:http'
import { performance } from 'node:perf_hooks'
import { buildIfStale, startBenchServer } from './server-process'
import { SEED_PASSWORD } from './seed-large'
import { latencyRow, summarise } from './measure'
import type { Part } from './run'
import type { Row } from './measure'

const CLIENTS = 20
const SECONDS = Number(process.env.SANBAN_BENCH_LOAD_SECONDS ?? 30)
const STARTS = 5
const PACE_MS = 250
/** Words the office searches for: two to four characters, from the generator's own subjects. */
const WORDS = ['防汛', '河长制', '乡村振兴', '土地', '安全生产', '资府发', '城市更新', '营商环境', '信访', '粮食安全', '招商引资', '审计整改',
  '养老', '供水', '消防', '地质灾害', '食品安全', '政府债务', '数字政府', '冬季供暖', '耕地保护', '住房保障', '民营经济', '科技创新']
const STATUSES = ['已办结', '承办中', '批示中'] as const

/**
 * One office PC: its own keep-alive connection and session cookie. Deliberately lean (node:http; the reply read
 * to its end but decoded only when its content is used or on an error) because on this machine the 20 clients
 * share the server's two cores: what they spend is taken from the server being measured.
 */
class Client {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 })
  private readonly hostname: string
  private readonly port: string
  private cookie = ''
  /** Every call the load makes, to count how many were different. */
  asked: Set<string> | null = null
  constructor(private readonly url: string) {
    ({ hostname: this.hostname, port: this.port } = new URL(url))
  }

  post(name: string, input: unknown): Promise<Buffer> {
    const body = JSON.stringify(input)
    this.asked?.add(name + body)
    return new Promise((resolve, reject) => {
      const req = request({ hostname: this.hostname, port: this.port, path: `/rpc/${name}`, method: 'POST', agent: this.agent, headers: {
        'content-type': 'application/json', 'content-length': Buffer.byteLength(body), origin: this.url, ...(this.cookie ? { cookie: this.cookie } : {}),
      } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const set = res.headers['set-cookie']?.[0]
          if (set) this.cookie = set.split(';')[0]
          const reply = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)
          if (res.statusCode === 200) resolve(reply)
          else reject(new Error(`${name}：${res.statusCode} ${reply.toString('utf8', 0, 600)}`))
        })
      })
      req.on('error', reject)
      req.end(body)
    })
  }

  /** The reply's result, for the calls that use it (the next page's cursor). */
  async ok<T>(name: string, input: unknown): Promise<T> { return JSON.parse((await this.post(name, input)).toString('utf8')).result as T }
  close(): void { this.agent.destroy() }
}

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
  for (let i = 0; i < STARTS; i++) {
    const s = await startBenchServer(office)
    starts.push(s.startupMs)
    await s.stop()
  }
  const startup = summarise(starts)
  log(`启动 ${STARTS} 次：${starts.map((t) => t.toFixed(0)).join('、')} ms`)
  const year = Number(office.today.slice(0, 4))
  const measure = async (url: string, label: string, paceMs: number) => {
    log(`${label}……`)
    const run = await load(url, year, paceMs)
    const t = summarise(run.samples)
    const perSecond = run.samples.length / run.seconds
    log(`  共 ${run.samples.length.toLocaleString()} 次调用（其中不同的 ${run.distinct.toLocaleString()} 种），${perSecond.toFixed(0)} 次/秒，错误 ${run.errors}`)
    return { t, errors: run.errors, perSecond }
  }
  const held = (label: string, { t, errors, perSecond }: Awaited<ReturnType<typeof measure>>): Row =>
    ({ ...latencyRow(label, t, { p95: 20 }), met: t.p95 <= 20 && errors === 0, target: `p95 ≤ 20 ms，无错误（${errors} 个错误，${perSecond.toFixed(0)} 次/秒）` })

  const server = await startBenchServer(office)
  const saturatedLabel = `HTTP 负载：${CLIENTS} 个客户端不停顿调用 ${SECONDS} 秒（登记簿与检索）`
  let saturated: Row, paced: Row, rss: number
  try {
    saturated = held(saturatedLabel, await measure(server.url, saturatedLabel, 0))
    rss = server.rssMb()
    // An office's pace: each of 20 PCs asking for a page or a search every quarter second, 80 calls a second in all.
    const pacedLabel = `HTTP 负载：${CLIENTS} 个客户端各每 ${PACE_MS} ms 调用一次，${SECONDS} 秒`
    paced = held(pacedLabel, await measure(server.url, pacedLabel, PACE_MS))
    log(`负载后内存 ${rss.toFixed(0)} MB`)
  } finally {
    await server.stop()
  }
  // The same load on a server that computes every call: what sharing brings, printed for reference.
  const alone = await startBenchServer(office, ['--shared-answers', '0'])
  let unshared: Row
  try {
    const label = `${saturatedLabel}，不共用结果（--shared-answers 0）`
    const { t, errors, perSecond } = await measure(alone.url, label, 0)
    unshared = { ...latencyRow(label, t, {}), target: `参考（${errors} 个错误，${perSecond.toFixed(0)} 次/秒）`, met: undefined }
  } finally {
    await alone.stop()
  }
  return [
    { ...latencyRow('服务器模式启动（十年数据，到首个登记簿页）', startup, {}), target: '≤ 1000 ms（p95）', met: startup.p95 <= 1000 },
    saturated,
    unshared,
    paced,
    { operation: '不停顿负载后服务器常驻内存（RSS）', figure: `${rss.toFixed(0)} MB`, target: '≤ 200 MB', met: rss <= 200 },
  ]
}
