/** An office PC as the load bench drives it: server mode's HTTP API over one keep-alive connection. */
import { Agent, request } from 'node:http'
import { performance } from 'node:perf_hooks'

/**
 * One office PC: its own keep-alive connection and session cookie. Deliberately lean (node:http; the reply read
 * to its end but decoded only when its content is used or on an error) because on this machine the 20 clients
 * share the server's two cores: what they spend is taken from the server being measured.
 */
export class Client {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 })
  private readonly hostname: string
  private readonly port: string
  private cookie = ''
  /** Every call the load makes, to count how many were different. */
  asked: Set<string> | null = null
  /** Milliseconds of each answered call, by procedure. */
  readonly spent = new Map<string, number[]>()
  constructor(private readonly url: string) {
    ({ hostname: this.hostname, port: this.port } = new URL(url))
  }

  post(name: string, input: unknown): Promise<Buffer> {
    const body = JSON.stringify(input)
    this.asked?.add(name + body)
    const t = performance.now()
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
          let spent = this.spent.get(name)
          if (!spent) this.spent.set(name, (spent = []))
          spent.push(performance.now() - t)
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
