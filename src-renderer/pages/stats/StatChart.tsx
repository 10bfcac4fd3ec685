import { BarChart } from '@mantine/charts'
import type { StatTable } from '../../../src-main/stats/rules'

/** Neighbours in a stack differ in hue and lightness: twelve 文种 stay told apart. */
const COLORS = ['blue.6', 'orange.6', 'teal.6', 'red.6', 'grape.4', 'lime.6', 'cyan.4', 'pink.7', 'yellow.5', 'indigo.9', 'gray.5', 'green.9', 'orange.3', 'blue.2', 'red.9']

/**
 * 2025年3月 under a bar is too wide for thirteen of them: the month alone (the period above says the year), with the
 * year's last two digits only where a month recurs (a period across the new year).
 */
function monthLabels(months: string[]): string[] {
  const short = months.map((m) => m.replace(/^\d{4}年/, ''))
  return months.map((m, i) => (short.indexOf(short[i]!) !== short.lastIndexOf(short[i]!) ? m.slice(2) : short[i]!))
}

/** Bars of the chart's columns, one group a row of the table (合计 left out: it would dwarf the rest). */
export function StatChart({ table }: { table: StatTable }) {
  const { chart } = table
  if (!chart) return null
  const rows = table.rows.filter((r) => r[0] !== '合计')
  const byMonth = table.columns[0] === '月份'
  const label = byMonth ? monthLabels(rows.map((r) => String(r[0]))) : rows.map((r) => String(r[0]))
  const data = rows.map((r, i) => Object.fromEntries([
    ['label', label[i]],
    ...chart.series.map((s) => { const v = r[table.columns.indexOf(s)]; return [s, typeof v === 'number' ? v : 0] }),
  ]))
  const series = chart.series.map((name, i) => ({ name, color: COLORS[i % COLORS.length]! }))
  // Months read across; names of units and people are long, so they stand one a line down the side.
  const longest = Math.max(...rows.map((r) => String(r[0]).length), 2)
  return byMonth
    ? <BarChart h={300} data={data} dataKey="label" series={series} type={chart.stacked ? 'stacked' : 'default'} withLegend
        legendProps={{ verticalAlign: 'bottom' }} tickLine="y" xAxisProps={{ interval: 0 }} />
    : <BarChart h={Math.max(160, rows.length * (chart.stacked ? 26 : 14 * series.length + 10) + 70)} data={data} dataKey="label" series={series}
        type={chart.stacked ? 'stacked' : 'default'} orientation="vertical" withLegend legendProps={{ verticalAlign: 'bottom' }}
        yAxisProps={{ width: Math.min(220, longest * 13 + 12), interval: 0 }} gridAxis="x" />
}
