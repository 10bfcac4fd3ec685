/**
 * 统计 as pure functions over plain rows (issue 17): percentiles, on-time shares, months of a period, a period's
 * share of an absence, and the table shape every figure takes (page, chart, Excel and the 月度通报 read the same one).
 */
import { addDays, daysBetween, monthStart, type IsoDate } from '../common/dates'
import { countWorkingDays, type HolidayCalendar } from '../calendar/rules'
import type { StatId } from './contract'

export type Cell = string | number
export interface StatTable {
  id: StatId
  title: string
  /** What is counted, from which date, and what clearance leaves out: under the table and in the Excel subtitle. */
  note: string
  /** The first column names the row (月份, 单位, 领导 …). */
  columns: string[]
  rows: Cell[][]
  /** The columns the chart draws; null: a table without a chart. */
  chart: { series: string[]; stacked?: boolean } | null
}

/** Nearest-rank percentile (p in 0..1) of numbers; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!
}

/** A share as a percentage to one decimal, or — when nothing was due. */
export const rateText = (part: number, whole: number): string => (whole ? `${(Math.round((part / whole) * 1000) / 10).toFixed(1)}%` : '—')

/** The months a period touches, as YYYY-MM. */
export function monthsOf(from: IsoDate, to: IsoDate): string[] {
  const out: string[] = []
  for (let m = monthStart(from); m <= to; m = monthStart(m, 1)) out.push(m.slice(0, 7))
  return out
}

/** 2026-03 → 2026年3月 */
export const monthText = (m: string): string => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`

/** Before any office record: working days are counted from here, so a step is the difference of two counts. */
const ORIGIN = '1990-01-01'

/**
 * Working days a step took, as deadlines count them (calendar/deadline.ts): the days strictly after `from` up to and
 * including `to`, so a step done the day it arrived took 0. Each date's count from ORIGIN is worked out once per call
 * (a year's steps share a few hundred dates but tens of thousands of pairs), and a step is the difference of two.
 */
export function workingDaysTaken(cal: HolidayCalendar): (from: IsoDate, to: IsoDate) => number {
  const upTo = new Map<string, number>()
  const counted = (d: IsoDate) => {
    let n = upTo.get(d)
    if (n === undefined) upTo.set(d, (n = countWorkingDays(cal, ORIGIN, d)))
    return n
  }
  return (from, to) => {
    if (to <= from) return 0
    return from < ORIGIN ? countWorkingDays(cal, addDays(from, 1), to) : counted(to) - counted(from)
  }
}

/** The part of [start, end] inside [from, to], in calendar days (0 when apart). */
export function daysWithin(start: IsoDate, end: IsoDate, from: IsoDate, to: IsoDate): number {
  const a = start > from ? start : from
  const b = end < to ? end : to
  return b < a ? 0 : daysBetween(a, b) + 1
}

/** Rows of [label, …counts] with a 合计 column and a 合计 row appended. */
export function withTotals(rows: readonly [string, ...number[]][]): Cell[][] {
  const body = rows.map((r) => [...r, r.slice(1).reduce<number>((s, v) => s + (v as number), 0)])
  const width = body[0]?.length ?? 0
  const total: Cell[] = ['合计', ...Array.from({ length: width - 1 }, (_, i) => body.reduce((s, r) => s + (r[i + 1] as number), 0))]
  return [...body, total]
}

/** Counts keyed `${row}|${column}` as a table: one row a label, one column a category, zero where none. */
export function pivot(counts: ReadonlyMap<string, number>, rowLabels: readonly string[], columns: readonly string[]): [string, ...number[]][] {
  return rowLabels.map((r) => [r, ...columns.map((c) => counts.get(`${r}|${c}`) ?? 0)] as [string, ...number[]])
}

/** Working days → how many took that long: what a summary row gives (a pair of dates and a count). */
export type Tally = Map<number, number>

export function addTo(tally: Tally, days: number, n: number): void {
  tally.set(days, (tally.get(days) ?? 0) + n)
}

/**
 * Count, mean (one decimal), nearest-rank p90 and longest of a tally, as table cells — the same figures as over the
 * list with each value repeated its count of times.
 */
export function durationCells(tally: Tally): Cell[] {
  const entries = [...tally].filter(([, n]) => n > 0).sort(([a], [b]) => a - b)
  const count = entries.reduce((s, [, n]) => s + n, 0)
  if (!count) return [0, '—', '—', '—']
  const sum = entries.reduce((s, [d, n]) => s + d * n, 0)
  const rank = Math.ceil(0.9 * count)
  let seen = 0
  const p90 = entries.find(([, n]) => (seen += n) >= rank)![0]
  return [count, Math.round((sum / count) * 10) / 10, p90, entries.at(-1)![0]]
}
