import { useState } from 'react'
import { Badge, Button, Group, Select, Switch, Table, Text, TextInput } from '@mantine/core'
import { useQuery, type OutputOf } from '../../../api/client'
import { ErrorAlert } from '../../../components/Feedback'
import { formatDate, thisYear } from '../../../lib/format'
import { ProposalModal } from './ProposalModal'
import { ReplyModal } from './ReplyModal'
import { PROPOSAL_KINDS } from '../../../../src-main/common/documents'
import { Can } from '../../../components/Can'
import { proposalNumberText } from '../../../../src-main/common/documents'
import { TimingBadge } from '../../../components/TimingBadge'

export type ProposalRow = OutputOf<'proposals.list'>[number]
type Kind = (typeof PROPOSAL_KINDS)[number]

function Timing({ p }: { p: ProposalRow }) {
  if (p.status === '已答复') return <Badge size="sm" variant="light" color="gray">已答复{p.satisfaction ? `（${p.satisfaction}）` : ''}</Badge>
  return p.timing ? <TimingBadge timing={p.timing} /> : null
}

/** 人大代表建议和政协提案 (R-D8, 第五十九条): the leading leader, the handling department, the deadline, the reply. */
export function ProposalsTab() {
  const [year, setYear] = useState<string | null>(String(thisYear()))
  const [kind, setKind] = useState<string | null>(null)
  const [overdueOnly, setOverdueOnly] = useState(false)
  const [text, setText] = useState('')
  const [editing, setEditing] = useState<{ row: ProposalRow | null } | null>(null)
  const [replying, setReplying] = useState<ProposalRow | null>(null)
  const list = useQuery('proposals.list', { year: year ? Number(year) : undefined, kind: (kind ?? undefined) as Kind | undefined, overdueOnly, text: text || undefined })
  const rows = list.data ?? []
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear() + 1 - i))
  const done = () => { setEditing(null); setReplying(null) }

  return (
    <>
      <Group mb="sm" gap="sm" align="end">
        <Select label="年度" data={years} value={year} onChange={setYear} clearable placeholder="全部" w={110} />
        <Select label="类别" data={[...PROPOSAL_KINDS]} value={kind} onChange={setKind} clearable placeholder="全部" w={150} />
        <TextInput label="查找" placeholder="标题、编号、提出人" value={text} onChange={(e) => setText(e.currentTarget.value)} w={220} />
        <Switch label="只看逾期未答复" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.currentTarget.checked)} mb={8} />
        <Can do="proposals.save"><Button ml="auto" onClick={() => setEditing({ row: null })}>登记建议提案</Button></Can>
      </Group>
      <ErrorAlert error={list.error} />
      <Table striped highlightOnHover aria-label="建议提案" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>编号</Table.Th><Table.Th>标题</Table.Th><Table.Th w={150}>提出人</Table.Th><Table.Th w={140}>牵头市领导</Table.Th>
            <Table.Th w={140}>承办单位</Table.Th><Table.Th w={130}>办理时限</Table.Th><Table.Th w={130}>状态</Table.Th><Table.Th w={1}>操作</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td><Text size="xs" c="dimmed">{p.kind}</Text><Text size="sm">{proposalNumberText(p.year, p.number)}</Text></Table.Td>
              <Table.Td><Text size="sm" lineClamp={2}>{p.title}</Text>{p.reply && <Text size="xs" c="dimmed" lineClamp={1}>答复：{p.reply}</Text>}</Table.Td>
              <Table.Td><Text size="sm" lineClamp={2}>{p.proposer}</Text></Table.Td>
              <Table.Td>{p.leader ? <><Text size="sm">{p.leader.holderName ?? '（空缺）'}</Text><Text size="xs" c="dimmed">{p.leader.title}</Text></> : '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.departmentName}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(p.deadline)}</Table.Td>
              <Table.Td><Timing p={p} /></Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Can do="proposals.save"><Button size="compact-xs" variant="default" onClick={() => setEditing({ row: p })}>修改</Button></Can>
                  <Can do="proposals.reply"><Button size="compact-xs" variant="light" onClick={() => setReplying(p)}>{p.reply ? '改答复' : '答复'}</Button></Can>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
          {!rows.length && !list.loading && <Table.Tr><Table.Td colSpan={8}><Text c="dimmed" size="sm" ta="center" py="md">没有符合条件的建议提案</Text></Table.Td></Table.Tr>}
        </Table.Tbody>
      </Table>
      <ProposalModal opened={editing !== null} row={editing?.row ?? null} onClose={() => setEditing(null)} onSaved={done} />
      <ReplyModal row={replying} onClose={() => setReplying(null)} onSaved={done} />
    </>
  )
}
