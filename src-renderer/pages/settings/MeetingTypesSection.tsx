import { useState } from 'react'
import { Alert, Badge, Button, Table, Text } from '@mantine/core'
import { useQuery, type OutputOf } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import { Section } from '../../components/Section'
import { MeetingTypeDialog } from './MeetingTypeDialog'
import { cite } from '../../../src-main/common/rules'

export type MeetingTypeRow = OutputOf<'meetingTypes.list'>[number]

const cadence = (t: MeetingTypeRow) => (t.cadenceDays ? `约每${t.cadenceDays}天` : '按需')

/** 会议类别: members, 列席, chair, quorum, cadence, topic deadline and the minutes' series, as the working rules set them. */
export function MeetingTypesSection() {
  const types = useQuery('meetingTypes.list', {})
  const [editing, setEditing] = useState<MeetingTypeRow | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  return (
    <Section title="会议类别" description="按工作规则第三十七条至第四十三条预设；其他城市可在此修改组成人员、列席、周期、议题时限、请假对象、纪要签发和编号，无须改程序。">
      {notice && <Alert color="green" variant="light" withCloseButton onClose={() => setNotice(null)} mb="sm" py="xs">{notice}</Alert>}
      <ErrorAlert error={types.error} />
      <Table striped highlightOnHover aria-label="会议类别" style={{ whiteSpace: 'nowrap' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>名称</Table.Th><Table.Th>组成人员</Table.Th><Table.Th>到会要求</Table.Th><Table.Th>周期</Table.Th>
            <Table.Th>议题时限</Table.Th><Table.Th>请假对象</Table.Th><Table.Th>纪要签发</Table.Th><Table.Th>纪要编号</Table.Th><Table.Th w={1}>操作</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(types.data ?? []).map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>{t.name}{t.name !== t.kind && <Badge ml={6} size="xs" variant="light">{t.kind}</Badge>}</Table.Td>
              <Table.Td><Text size="sm" truncate maw={220}>{[...t.members.postKinds, ...(t.members.departmentHeads ? ['组成部门主要负责人'] : [])].join('、') || '—'}</Text></Table.Td>
              <Table.Td>{t.quorum === '过半数' ? `过半数（${cite('R-M2')}）` : '—'}</Table.Td>
              <Table.Td>{cadence(t)}</Table.Td>
              <Table.Td>{t.topicDeadlineWorkingDays ? `会前${t.topicDeadlineWorkingDays}个工作日` : '—'}</Table.Td>
              <Table.Td>{t.leaveAskee === '市长' ? '市长' : '会议主持人'}</Table.Td>
              <Table.Td>{t.minutesSigner}</Table.Td>
              <Table.Td>{t.numbering.replace('{年}', '年份').replace('{n}', 'N')}</Table.Td>
              <Table.Td><Button size="compact-xs" variant="default" onClick={() => { setNotice(null); setEditing(t) }}>修改</Button></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <MeetingTypeDialog type={editing} onClose={() => setEditing(null)}
        onSaved={(name) => { setEditing(null); setNotice(`已保存“${name}”的设置。`) }} />
    </Section>
  )
}
