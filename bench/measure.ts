/**
 * Timing and the one table `npm run bench` prints. Each bench part returns rows; a row is one
 * operation with its median and p95 (ms), or a single figure (throughput, memory, DOM rows), the
 * target it is held to, and optionally the comparison measured in the same run.
 */
import { performance } from 'node:perf_hooks'

export interface Row {
  /** 操作 */
  operation: string
  median?: number
  p95?: number
  /** A figure that is not a latency: “1,234 次/秒”, “143 MB”. */
  figure?: string
  /** The same operation done the way the target is measured against; ratio = its median / ours. */
  comparison?: { name: string; median: number }
  /** 目标, in words: “中位数 ≤ 2 ms”; for a figure printed for reference, what it is. */
  target: string
  /** Undefined for a figure printed for reference, held to no target. */
  met: boolean | undefined
}

export interface Timings { median: number; p95: number; samples: number[] }

/** The value below which `p` of the sorted samples fall (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]
}

export function summarise(samples: number[]): Timings {
  const sorted = [...samples].sort((a, b) => a - b)
  return { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), samples: sorted }
}

/** Runs `fn` `warmup` times unmeasured (caches warm and code compiled, as in an office that has been working), then `runs` times. */
export function time(fn: () => unknown, runs = 50, warmup = 30): Timings {
  for (let i = 0; i < warmup; i++) fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    samples.push(performance.now() - t)
  }
  return summarise(samples)
}

export async function timeAsync(fn: () => Promise<unknown>, runs = 30, warmup = 30): Promise<Timings> {
  for (let i = 0; i < warmup; i++) await fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    samples.push(performance.now() - t)
  }
  return summarise(samples)
}

/** A latency row held to ‘median ≤ m’ and/or ‘p95 ≤ p’. */
export function latencyRow(operation: string, t: Timings, limits: { median?: number; p95?: number; faster?: number }, comparison?: { name: string; median: number }): Row {
  const parts: string[] = []
  let met = true
  if (limits.median !== undefined) { parts.push(`中位数 ≤ ${limits.median} ms`); met &&= t.median <= limits.median }
  if (limits.p95 !== undefined) { parts.push(`p95 ≤ ${limits.p95} ms`); met &&= t.p95 <= limits.p95 }
  if (limits.faster !== undefined && comparison) { parts.push(`快 ≥ ${limits.faster}×`); met &&= comparison.median / t.median >= limits.faster }
  return { operation, median: t.median, p95: t.p95, comparison, target: parts.join('，'), met }
}

// ---- printing

/** Columns as a terminal shows them: a Chinese character takes two. */
function width(s: string): number {
  let w = 0
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return w
}
const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)))
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - width(s))) + s

export const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '' : v < 10 ? `${v.toFixed(2)} ms` : `${v.toFixed(1)} ms`)
const ratio = (r: Row) => (r.comparison && r.median ? `${(r.comparison.median / r.median).toFixed(r.comparison.median / r.median >= 10 ? 0 : 1)}×` : '')

const HEAD = ['操作', '中位数', 'p95', '对比（同一次测得）', '对比中位数', '倍数', '目标', '达标']
function cells(r: Row): string[] {
  return [r.operation, r.figure ?? ms(r.median), r.figure ? '' : ms(r.p95), r.comparison?.name ?? '', ms(r.comparison?.median), ratio(r), r.target, r.met === undefined ? '—' : r.met ? '是' : '否']
}
const RIGHT = new Set([1, 2, 4, 5])

export function textTable(rows: Row[]): string {
  const all = [HEAD, ...rows.map(cells)]
  const widths = HEAD.map((_, i) => Math.max(...all.map((c) => width(c[i]))))
  const line = (c: string[]) => c.map((v, i) => (RIGHT.has(i) ? padStart(v, widths[i]) : padEnd(v, widths[i]))).join('  ').trimEnd()
  return [line(HEAD), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(0).map((r) => line(cells(r)))].join('\n')
}

export function markdownTable(rows: Row[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|')
  return [`| ${HEAD.join(' | ')} |`, `|${HEAD.map((_, i) => (RIGHT.has(i) ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`)].join('\n')
}
