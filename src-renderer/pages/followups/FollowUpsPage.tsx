import { useState } from 'react'
import { Button, Group, Select, Switch, Table, Text } from '@mantine/core'
import { useQuery, type OutputOf } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import { PageHeader } from '../../components/PageHeader'
import { formatDate } from '../../lib/format'
import { FollowUpDrawer } from './FollowUpDrawer'
import { CreateFollowUpModal } from './CreateFollowUpModal'
import { UrgencyBadge } from './UrgencyBadge'
import { FOLLOW_UP_STATES } from '../../../src-main/common/followups'
import { Can } from '../../components/Can'
import { cite } from '../../../src-main/common/rules'

export type FollowUpItem = OutputOf<'followups.list'>[number]

/** 督办 (R-S1, 第五十八条): every decision and instruction followed to its outcome; overdue items first. */
export function FollowUpsPage() {
  const [status, setStatus] = useState<string | null>('办理中')
  const [overdueOnly, setOverdueOnly] = useState(false)
  const [departmentId, setDepartmentId] = useState<string | null>(null)
  const [open, setOpen] = useState<number | null>(null)
  const [creating, setCreating] = useState(false)
  const org = useQuery('org.overview', {})
  const filter = { status: (status ?? undefined) as FollowUpItem['status'] | undefined, overdueOnly, departmentId: departmentId ? Number(departmentId) : undefined }
  const list = useQuery('followups.list', filter)
  const items = list.data ?? []
  const overdue = items.filter((i) => i.urgency === '逾期').length

  return (
    <>
      <PageHeader title="督办" description={`会议议定事项和领导批示的督查督办：责任单位、办结时限、进展和办理结果，件件有着落、事事有回音（${cite('R-S1')}）。`} />
      <Group mb="sm" gap="sm" align="end">
        <Select label="状态" data={[...FOLLOW_UP_STATES]} value={status} onChange={setStatus} clearable placeholder="全部" w={120} />
        <Select label="责任单位" data={(org.data?.departments ?? []).map((d) => ({ value: String(d.id), label: d.name }))}
          value={departmentId} onChange={setDepartmentId} clearable searchable placeholder="全部" w={220} />
        <Switch label="只看逾期" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.currentTarget.checked)} mb={8} />
        <Can do="followups.create"><Button ml="auto" variant="default" onClick={() => setCreating(true)}>领导批示立项</Button></Can>
      </Group>
      {overdue > 0 && <Text c="red.8" fw={600} size="sm" mb="xs">逾期未办结{overdue}项，请督促责任单位。</Text>}
      <ErrorAlert error={list.error} />
      <Table striped highlightOnHover aria-label="督办事项" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={100}>时限</Table.Th><Table.Th>督办事项</Table.Th><Table.Th w="18%">来源</Table.Th><Table.Th w={120}>责任单位</Table.Th>
            <Table.Th w={130}>督办领导</Table.Th><Table.Th w={130}>办结时限</Table.Th><Table.Th w="16%">最近进展</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id} onClick={() => setOpen(i.id)} style={{ cursor: 'pointer' }}>
              <Table.Td><UrgencyBadge item={i} /></Table.Td>
              <Table.Td><Text size="sm" lineClamp={2}>{i.task}</Text></Table.Td>
              <Table.Td><Text size="xs" c="dimmed" lineClamp={2}>{i.source}：{i.sourceTitle}</Text></Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{i.departmentName}</Table.Td>
              <Table.Td>{i.leader ? <><Text size="sm">{i.leader.holderName ?? '（空缺）'}</Text><Text size="xs" c="dimmed">{i.leader.title}</Text></> : '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(i.deadline)}</Table.Td>
              <Table.Td><Text size="xs" lineClamp={2}>{i.lastReport ? `${formatDate(i.lastReport.reportedOn)}：${i.lastReport.content}` : '尚未报送进展'}</Text></Table.Td>
            </Table.Tr>
          ))}
          {!items.length && !list.loading && <Table.Tr><Table.Td colSpan={7}><Text c="dimmed" size="sm" ta="center" py="md">没有符合条件的督办事项</Text></Table.Td></Table.Tr>}
        </Table.Tbody>
      </Table>
      <FollowUpDrawer id={open} onClose={() => setOpen(null)} />
      <CreateFollowUpModal opened={creating} onClose={() => setCreating(false)} onCreated={() => setCreating(false)} />
    </>
  )
}
