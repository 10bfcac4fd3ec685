import { Group, Paper, Table, Text, Title } from '@mantine/core'
import { useQuery } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import { NOWRAP, type Contact } from './model'

/** 首页 card 今日值班: today's 带班领导 (holidays) and the office's 带班, 主班, 副班 from published rosters, with how to reach them. */
export function TodayDutyCard() {
  const today = useQuery('duty.today', {})
  const t = today.data
  if (today.error) return <ErrorAlert error={today.error} />
  if (!t) return null
  const rows: [string, (Contact & { roster: string }) | null][] = [
    ...(t.leader ? [['带班领导', t.leader] as [string, Contact & { roster: string }]] : []),
    ['办公室带班', t.lead], ['主班', t.main], ['副班', t.deputy],
  ]
  const none = !t.leader && !t.lead && !t.main && !t.deputy
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb="xs">
        <Title order={3}>今日值班</Title>
        <Text size="xs" c="dimmed">{(t.lead ?? t.leader)?.roster ?? ''}</Text>
      </Group>
      {none ? <Text size="sm" c="dimmed">今天没有已发布的值班安排，请在“值班”中生成并发布值班表。</Text> : (
        <Table striped withTableBorder aria-label="今日值班">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={130}>班次</Table.Th>
              <Table.Th w={110}>姓名</Table.Th>
              <Table.Th w={160}>办公电话</Table.Th>
              <Table.Th>手机</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(([role, p]) => (
              <Table.Tr key={role} data-role={role}>
                <Table.Td style={NOWRAP} fw={role === '带班领导' ? 600 : undefined}>{role}</Table.Td>
                <Table.Td style={NOWRAP}>{p?.name ?? <Text span size="sm" c="dimmed">未安排</Text>}</Table.Td>
                <Table.Td style={NOWRAP}>{p?.officePhone ?? ''}</Table.Td>
                <Table.Td style={NOWRAP}>{p?.mobile ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}
