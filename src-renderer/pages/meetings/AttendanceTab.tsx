import { useState } from 'react'
import { Alert, Button, Group, List, Paper, Stack, Table, Text } from '@mantine/core'
import { api, useMutation, useQuery, type ApiError, type OutputOf } from '../../api/client'
import { useCan, useSession } from '../../lib/session'
import { HeldConfirm, ReasonField } from './CorrectionDialogs'
import { ErrorAlert } from '../../components/Feedback'
import { Loading } from '../../components/Loading'
import { RuleBadge } from '../../components/RuleBadge'
import { Section } from '../../components/Section'
import { MEETING_CHANGES, canCorrect, type MeetingTabProps } from './model'
import type { AttendanceRow, Sheet } from './attendance/model'
import { PersonRow } from './attendance/PersonRow'
import type { OrgOverview } from '../org/model'
import { QuorumPanel } from './attendance/QuorumPanel'
import { DownloadButton } from '../../components/DownloadButton'
import { cite } from '../../../src-main/common/rules'

/** One group of the sheet (组成人员, 邀请, 列席) as a table of people with their status. */
function PeopleTable({ label, rows, sheet, meetingId, editable, correctionReason, org, onSaved }: {
  label: string
  rows: AttendanceRow[]
  sheet: Sheet
  meetingId: number
  editable: boolean
  /** Set while a held meeting's attendance is being corrected (issue 15). */
  correctionReason?: string
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
          <PersonRow key={`${r.role}-${r.personId}-${r.status}-${r.proposed}-${r.askedPersonId}`} meetingId={meetingId} row={r} askee={sheet.askee} org={org} editable={editable}
            correctionReason={correctionReason} onSaved={onSaved} />
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
  const [confirming, setConfirming] = useState<OutputOf<'meetings.heldCheck'> | null>(null)
  const [checkError, setCheckError] = useState<ApiError | null>(null)
  const [correcting, setCorrecting] = useState(false)
  const [reason, setReason] = useState('')
  const can = useCan()
  const { user } = useSession()
  const correctable = canCorrect(meeting, user.role, can)
  // While preparing, the clerks record; once held, only a correction with its reason (issue 15).
  const editable = (meeting.status === '筹备' && can('attendance.record')) || (correctable && correcting && !!reason.trim())
  const data = sheet.data

  const saved = () => { setNotice(null); held.reset() }
  async function restPresent() {
    held.reset()
    const r = await rest.mutate({ meetingId: meeting.id })
    if (r) { setNotice(r.recorded ? `已将其余${r.recorded}人登记为出席。` : '没有未登记的人员。') }
  }
  /** First what would block the minutes (R-M4, R-M5, R-M7), shown for confirmation; then 已召开. */
  async function askHeld() {
    setNotice(null); held.reset(); setCheckError(null)
    let warnings: OutputOf<'meetings.heldCheck'>
    try { warnings = await api.call('meetings.heldCheck', { id: meeting.id }) } catch (e) { setCheckError(e as ApiError); return }
    // Nothing would block the minutes: no question to ask, the server's own checks (R-M2) still answer.
    if (warnings.length) setConfirming(warnings)
    else await markHeld()
  }
  async function markHeld() {
    if (await held.mutate({ id: meeting.id, acknowledged: true })) setNotice('会议已标记为已召开。')
    setConfirming(null)
  }

  if (!data) return sheet.error ? <ErrorAlert error={sheet.error} /> : <Loading />
  const table = (label: string, rows: AttendanceRow[]) => (
    <PeopleTable label={label} rows={rows} sheet={data} meetingId={meeting.id} editable={editable} org={org.data} onSaved={saved}
      correctionReason={meeting.status === '已召开' ? reason.trim() : undefined} />
  )
  const askee = data.askee
  return (
    <Stack gap="md">
      <QuorumPanel sheet={data} editable={meeting.status === '筹备' && can('meetings.markHeld')} busy={rest.busy ? 'rest' : held.busy ? 'held' : null}
        heldError={held.error} onRestPresent={restPresent} onMarkHeld={askHeld} />
      <ErrorAlert error={checkError} onClose={() => setCheckError(null)} />
      {confirming && <HeldConfirm warnings={confirming} busy={held.busy} onConfirm={markHeld} onClose={() => setConfirming(null)} />}
      {correctable && (
        <Paper withBorder radius="sm" p="sm" bg="yellow.0" aria-label="更正出席情况">
          {correcting
            ? <Stack gap={6}>
              <Text size="sm">会议已召开：更正出席、请假情况须写明理由，每项更正记入会议的更正记录和审计日志。填写理由后，即可在下表中逐人更正。</Text>
              <ReasonField value={reason} onChange={setReason} />
              <Group justify="flex-end"><Button size="xs" variant="default" onClick={() => { setCorrecting(false); setReason('') }}>结束更正</Button></Group>
            </Stack>
            : <Group justify="space-between">
              <Text size="sm">会议已召开，纪要尚未签发：出席、请假情况有误的，可以写明理由更正。</Text>
              <Button size="xs" variant="default" onClick={() => setCorrecting(true)}>更正出席情况</Button>
            </Group>}
        </Paper>
      )}
      {notice && <Alert color="green" variant="light" withCloseButton onClose={() => setNotice(null)} role="status" py="xs">{notice}</Alert>}
      <ErrorAlert error={rest.error} onClose={rest.reset} />
      <ErrorAlert error={sheet.error} />
      <Section title={`组成人员（${data.members.length}人）`}
        actions={<DownloadButton name="attendance.exportDocx" input={{ id: meeting.id }} label="出席情况(Word)" />}
        description={<Group gap={6} component="span" wrap="nowrap">
          <RuleBadge rule="R-M4" />
          <span>{`不能参加的，按${cite('R-M4')}向${askee.askee === '市长' ? '市长' : '会议主持人'}请假${askee.name ? `（${askee.name}）` : ''}；记录事由、向谁请假和答复。`}</span>
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
