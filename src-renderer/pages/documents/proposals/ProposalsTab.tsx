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
import { DownloadButton } from '../../../components/DownloadButton'
import { ProposalCounts } from './ProposalCounts'

export type ProposalRow = OutputOf<'proposals.list'>[number]
type Kind = (typeof PROPOSAL_KINDS)[number]

function Timing({ p }: { p: ProposalRow }) {
  if (p.status === '已答复') return <Badge size="sm" variant="light" color="gray">已答复{p.satisfaction ? `（${p.satisfaction}）` : ''}</Badge>
  return p.timing ? <TimingBadge timing={p.timing} /> : null
}

/** 牵头市领导: who held the post on the day; a default one (the 主办's 分管 leader) says so. */
function Leader({ p }: { p: ProposalRow }) {
  if (!p.leader) return <Text size="sm" c="dimmed">主办单位未设分管领导</Text>
  return (
    <>
      <Text size="sm">{p.leader.holderName ?? '（空缺）'}</Text>
      <Text size="xs" c="dimmed">{p.leader.title}{p.leader.byDefault ? '（分管，默认）' : ''}</Text>
    </>
  )
}

/** 人大代表建议和政协提案 (R-D8, 第五十九条): counts by state, the leading leader, 主办 and 会办, the deadline, the reply, Excel. */
export function ProposalsTab() {
  const [year, setYear] = useState<string | null>(String(thisYear()))
  const [kind, setKind] = useState<string | null>(null)
  const [overdueOnly, setOverdueOnly] = useState(false)
  const [text, setText] = useState('')
  const [editing, setEditing] = useState<{ row: ProposalRow | null } | null>(null)
  const [replying, setReplying] = useState<ProposalRow | null>(null)
  const chosen = { year: year ? Number(year) : undefined, kind: (kind ?? undefined) as Kind | undefined, text: text || undefined }
  const list = useQuery('proposals.list', { ...chosen, overdueOnly })
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
        <Group ml="auto" gap="xs">
          <DownloadButton name="proposals.exportXlsx" input={{ ...chosen, overdueOnly }} label="导出Excel" />
          <Can do="proposals.save"><Button onClick={() => setEditing({ row: null })}>登记建议提案</Button></Can>
        </Group>
      </Group>
      <ProposalCounts filter={chosen} />
      <ErrorAlert error={list.error} />
      <Table striped highlightOnHover aria-label="建议提案" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={140}>编号</Table.Th><Table.Th>标题</Table.Th><Table.Th w={120}>提出人</Table.Th><Table.Th w={150}>牵头市领导</Table.Th>
            <Table.Th w={180}>主办／会办单位</Table.Th><Table.Th w={120}>办理时限</Table.Th><Table.Th w={120}>状态</Table.Th><Table.Th w={1}>操作</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td><Text size="xs" c="dimmed">{p.kind}</Text><Text size="sm">{proposalNumberText(p.year, p.number)}</Text></Table.Td>
              <Table.Td><Text size="sm" lineClamp={2}>{p.title}</Text>{p.reply && <Text size="xs" c="dimmed" lineClamp={1}>答复：{p.reply}</Text>}</Table.Td>
              <Table.Td><Text size="sm" lineClamp={2}>{p.proposer}</Text></Table.Td>
              <Table.Td><Leader p={p} /></Table.Td>
              <Table.Td><Text size="sm">{p.departmentName}<Text span size="xs" c="dimmed">（主办）</Text></Text>
                {p.coDepartments.length > 0 && <Text size="xs" c="dimmed">会办：{p.coDepartments.map((d) => d.name).join('、')}</Text>}</Table.Td>
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
