import { Grid, ScrollArea, Table, Text } from '@mantine/core'
import { useQuery } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import { Loading } from '../../components/Loading'
import { Section } from '../../components/Section'
import { DownloadButton } from '../../components/DownloadButton'
import type { StatId } from '../../../src-main/common/stats'
import type { StatTable } from '../../../src-main/stats/rules'
import { StatChart } from './StatChart'

function Figures({ table }: { table: StatTable }) {
  if (!table.rows.length) return <Text c="dimmed" size="sm">本期间没有可统计的记录。</Text>
  return (
    <ScrollArea type="auto">
      <Table striped withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing={8} fz="sm" aria-label={table.title}>
        <Table.Thead><Table.Tr>{table.columns.map((c, i) => <Table.Th key={c} ta={i ? 'right' : undefined} style={{ whiteSpace: 'nowrap' }}>{c}</Table.Th>)}</Table.Tr></Table.Thead>
        <Table.Tbody>
          {table.rows.map((r) => (
            <Table.Tr key={String(r[0])} fw={r[0] === '合计' ? 600 : undefined}>
              {r.map((v, i) => <Table.Td key={table.columns[i]} ta={i ? 'right' : undefined} style={{ whiteSpace: 'nowrap' }}>{v}</Table.Td>)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  )
}

/** One statistic: its chart with its table beside it, what it counts, and its Excel export. Asked for on its own. */
export function StatSection({ id, period }: { id: StatId; period: { from: string; to: string } }) {
  const input = { period, table: id }
  const answer = useQuery('stats.table', input)
  const table = answer.data
  return (
    <Section title={table?.title ?? '正在统计…'} description={table?.note}
      actions={table && <DownloadButton name="stats.export" input={input} label="导出Excel" />}>
      <ErrorAlert error={answer.error} />
      {!table ? <Loading label="正在统计…" /> : (
        <Grid gap="lg" align="flex-start">
          {table.chart && table.rows.length > 0 && <Grid.Col span={{ base: 12, lg: 5 }}><StatChart table={table} /></Grid.Col>}
          <Grid.Col span={{ base: 12, lg: table.chart && table.rows.length > 0 ? 7 : 12 }}><Figures table={table} /></Grid.Col>
        </Grid>
      )}
    </Section>
  )
}
