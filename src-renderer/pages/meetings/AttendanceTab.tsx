import { useState } from 'react'
import { Alert, Group, List, Stack, Table, Text } from '@mantine/core'
import { useMutation, useQuery } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import { Loading } from '../../components/Loading'
import { RuleBadge } from '../../components/RuleBadge'
import { Section } from '../../components/Section'
import { MEETING_CHANGES, type MeetingTabProps } from './model'
import type { AttendanceRow, Sheet } from './attendance/model'
import { PersonRow } from './attendance/PersonRow'
import type { OrgOverview } from '../org/model'
import { QuorumPanel } from './attendance/QuorumPanel'
import { DownloadButton } from '../../components/DownloadButton'

/** One group of the sheet (组成人员, 邀请, 列席) as a table of people with their status. */
function PeopleTable({ label, rows, sheet, meetingId, editable, org, onSaved }: {
  label: string
  rows: AttendanceRow[]
  sheet: Sheet
  meetingId: number
  editable: boolean
  org: OrgOverview | undefined
  onSaved: () => void
}) {
  if (!rows.length) return null
  return (
    <Table withTableBorder verticalSpacing={6} aria-label={label}>
      <Table.Thead>
        <Table.Tr><Table.Th w={96}>姓名</Table.Th><Table.Th w={240}>职务</Table.Th><Table.Th w={250}>出席情况</Table.Th><Table.Th>说明</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <PersonRow key={`${r.role}-${r.personId}-${r.status}-${r.proposed}`} meetingId={meetingId} row={r} askee={sheet.askee} org={org} editable={editable} onSaved={onSaved} />
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** 出席 (R-M2, R-M4): members, invited and 列席 with their status, the quorum, and 标记会议已召开. */
export function AttendanceTab({ meeting }: MeetingTabProps) {
  const sheet = useQuery('attendance.get', { meetingId: meeting.id })
  const org = useQuery('org.overview', {})
  const rest = useMutation('attendance.markRestPresent', { invalidates: MEETING_CHANGES })
  const held = useMutation('meetings.markHeld', { invalidates: MEETING_CHANGES })
  const [notice, setNotice] = useState<string | null>(null)
  const editable = meeting.status === '筹备'
  const data = sheet.data

  const saved = () => { setNotice(null); held.reset() }
  async function restPresent() {
    held.reset()
    const r = await rest.mutate({ meetingId: meeting.id })
    if (r) { setNotice(r.recorded ? `已将其余${r.recorded}人登记为出席。` : '没有未登记的人员。') }
  }
  async function markHeld() {
    setNotice(null)
    if (await held.mutate({ id: meeting.id })) setNotice('会议已标记为已召开。')
  }

  if (!data) return sheet.error ? <ErrorAlert error={sheet.error} /> : <Loading />
  const table = (label: string, rows: AttendanceRow[]) => (
    <PeopleTable label={label} rows={rows} sheet={data} meetingId={meeting.id} editable={editable} org={org.data} onSaved={saved} />
  )
  const askee = data.askee
  return (
    <Stack gap="md">
      <QuorumPanel sheet={data} editable={editable} busy={rest.busy ? 'rest' : held.busy ? 'held' : null}
        heldError={held.error} onRestPresent={restPresent} onMarkHeld={markHeld} />
      {notice && <Alert color="green" variant="light" withCloseButton onClose={() => setNotice(null)} role="status" py="xs">{notice}</Alert>}
      <ErrorAlert error={rest.error} onClose={rest.reset} />
      <ErrorAlert error={sheet.error} />
      <Section title={`组成人员（${data.members.length}人）`}
        actions={<DownloadButton name="attendance.exportDocx" input={{ id: meeting.id }} label="出席情况(Word)" />}
        description={<Group gap={6} component="span" wrap="nowrap">
          <RuleBadge rule="R-M4" />
          <span>{`不能参加的，按第三十九条向${askee.askee === '市长' ? '市长' : '会议主持人'}请假${askee.name ? `（${askee.name}）` : ''}；记录事由、向谁请假和答复。`}</span>
        </Group>}>
        {data.members.length ? table('组成人员', data.members) : <Text size="sm" c="dimmed">本类会议不设组成人员。</Text>}
        {data.vacant.length > 0 && <Text size="sm" c="dimmed" mt="xs">空缺岗位：{data.vacant.join('、')}</Text>}
      </Section>
      {data.invited.length > 0 && (
        <Section title={`邀请参加（${data.invited.length}人）`}>{table('邀请', data.invited)}</Section>
      )}
      <Section title={`列席（${data.attending.length}人）`} description="按会议类别的设置和议题涉及的部门、县（区）带出；撤回的议题不再带出其单位。">
        {data.attending.length ? table('列席', data.attending) : <Text size="sm" c="dimmed">没有列席人员。</Text>}
        {data.unresolved.length > 0 && (
          <>
            <Text size="sm" fw={500} mt="sm">另请列席（组织机构中未录入具体人员）：</Text>
            <List size="sm" c="dimmed" aria-label="其他列席">{data.unresolved.map((u) => <List.Item key={u}>{u}</List.Item>)}</List>
          </>
        )}
      </Section>
    </Stack>
  )
}
