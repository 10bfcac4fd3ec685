import { BarChart } from '@mantine/charts'
import type { StatTable } from '../../../src-main/stats/rules'

const COLORS = ['blue.6', 'orange.6', 'teal.6', 'red.6', 'grape.6', 'cyan.6', 'lime.7', 'pink.6', 'indigo.6', 'yellow.7', 'violet.6', 'green.7', 'gray.6', 'blue.3', 'orange.3']

/** Bars of the chart's columns, one group a row of the table (合计 left out: it would dwarf the rest). */
export function StatChart({ table }: { table: StatTable }) {
  const { chart } = table
  if (!chart) return null
  const rows = table.rows.filter((r) => r[0] !== '合计')
  const data = rows.map((r) => Object.fromEntries([
    ['label', String(r[0])],
    ...chart.series.map((s) => { const v = r[table.columns.indexOf(s)]; return [s, typeof v === 'number' ? v : 0] }),
  ]))
  const series = chart.series.map((name, i) => ({ name, color: COLORS[i % COLORS.length]! }))
  // Months read across; names of units and people are long, so they stand one a line down the side.
  const byMonth = table.columns[0] === '月份'
  const longest = Math.max(...rows.map((r) => String(r[0]).length), 2)
  return byMonth
    ? <BarChart h={300} data={data} dataKey="label" series={series} type={chart.stacked ? 'stacked' : 'default'} withLegend
        legendProps={{ verticalAlign: 'bottom' }} tickLine="y" xAxisProps={{ interval: 0, angle: rows.length > 6 ? -30 : 0, textAnchor: rows.length > 6 ? 'end' : 'middle', height: rows.length > 6 ? 50 : 30 }} />
    : <BarChart h={Math.max(160, rows.length * (chart.stacked ? 26 : 14 * series.length + 10) + 70)} data={data} dataKey="label" series={series}
        type={chart.stacked ? 'stacked' : 'default'} orientation="vertical" withLegend legendProps={{ verticalAlign: 'bottom' }}
        yAxisProps={{ width: Math.min(220, longest * 13 + 12), interval: 0 }} gridAxis="x" />
}
