import { useState } from 'react'
import { Badge, Button, Chip, Group, Input, SegmentedControl, Table, Text, TextInput } from '@mantine/core'
import { useMutation } from '../../../api/client'
import { ErrorAlert } from '../../../components/Feedback'
import { fieldError } from '../../../components/FormModal'
import { PersonSelect } from '../../../components/PersonSelect'
import type { OrgOverview } from '../../org/model'
import { STATUS_COLOR, type AttendanceRow, type AttendanceStatus, type LeaveAnswer, type Sheet } from './model'
import { LEAVE_ANSWERS, ATTENDANCE_STATES } from '../../../../src-main/common/meetings'
import { MEETING_CHANGES } from '../model'
import { cite } from '../../../../src-main/common/rules'

const NOWRAP = { whiteSpace: 'nowrap' } as const

/** What was recorded beyond the status: the leave (R-M4) or the substitute. */
function Details({ row }: { row: AttendanceRow }) {
  if (row.proposed) {
    return <Text size="sm" c="orange.8">{(row.leaveReason ?? '').replace(/（已登记外出）$/, '')}（领导外出已登记，待确认）</Text>
  }
  if (row.status === '请假') {
    return (
      <Text size="sm">
        {row.leaveReason}
        <Text span size="sm" c="dimmed">；向{row.askedName ?? '（未定）'}请假，{row.answer === '待答复' ? '待答复' : `答复：${row.answer}`}</Text>
        {row.askeeWrong && <Text span size="sm" c="orange.9">（{cite('R-M4')}：不是规定的请假对象{row.askeeException ? `；例外：${row.askeeException}` : '，未写明例外理由'}）</Text>}
      </Text>
    )
  }
  if (row.status === '代会') return <Text size="sm">代会：{row.substitute}</Text>
  return null
}

/**
 * One person on the sheet: 出席 and 缺席 are recorded with one click; 请假 asks for the reason, whom
 * they asked (R-M4: the 市长 or the chair) and the answer; 代会 asks for the substitute.
 */
export function PersonRow({ meetingId, row, askee, org, editable, correctionReason, onSaved }: {
  meetingId: number
  row: AttendanceRow
  askee: Sheet['askee']
  org: OrgOverview | undefined
  editable: boolean
  /** A held meeting's correction: sent with every change (issue 15). */
  correctionReason?: string
  onSaved: () => void
}) {
  const [editing, setEditing] = useState<'请假' | '代会' | null>(null)
  const [reason, setReason] = useState(row.leaveReason ?? '')
  const [askedId, setAskedId] = useState<number | null>(row.askedPersonId ?? askee.personId)
  const [answer, setAnswer] = useState<LeaveAnswer>((row.answer as LeaveAnswer | null) ?? '待答复')
  const [substitute, setSubstitute] = useState(row.substitute ?? '')
  const [exception, setException] = useState(row.askeeException ?? '')
  const record = useMutation('attendance.record', { invalidates: MEETING_CHANGES })
  // R-M4: asked of someone the rule does not name → warned here, and saved only with the exception's reason.
  const wrongAskee = askedId !== null && askee.acceptedIds.length > 0 && !askee.acceptedIds.includes(askedId)

  async function save(status: AttendanceStatus, extra: { leaveReason?: string; askedPersonId?: number | null; answer?: LeaveAnswer; substitute?: string; askeeException?: string } = {}) {
    const ok = await record.mutate({ meetingId, personId: row.personId, role: row.role, status, ...extra, ...(correctionReason ? { correctionReason } : {}) })
    if (ok) { setEditing(null); onSaved() }
  }
  function choose(v: string) {
    record.reset()
    if (v === '请假' || v === '代会') { setEditing(v); return }
    setEditing(null)
    void save(v as AttendanceStatus)
  }
  const saveLeave = () => save('请假', { leaveReason: reason.trim(), askedPersonId: askedId, answer, ...(wrongAskee ? { askeeException: exception.trim() } : {}) })
  const confirmProposed = () => save('请假', { leaveReason: row.leaveReason ?? '', askedPersonId: row.askedPersonId, answer: '待答复' })

  const chipValue = editing ?? (row.proposed ? '' : row.status ?? '')
  const err = record.error
  return (
    <>
      <Table.Tr data-person={row.name} aria-label={row.name}>
        <Table.Td style={NOWRAP} fw={500}>{row.name}</Table.Td>
        <Table.Td><Text size="sm">{row.postTitle}</Text>{row.why && row.why !== row.postTitle && <Text size="xs" c="dimmed">{row.why}</Text>}</Table.Td>
        <Table.Td style={NOWRAP}>
          {!editable ? (
            row.status && !row.proposed
              ? <Badge color={STATUS_COLOR[row.status]} variant="light" radius="sm">{row.status}</Badge>
              : <Text size="sm" c="dimmed">未登记</Text>
          ) : <Chip.Group multiple={false} value={chipValue} onChange={choose}>
            <Group gap={4} wrap="nowrap" role="radiogroup" aria-label={`${row.name}的出席情况`}>
              {ATTENDANCE_STATES.map((s) => (
                <Chip key={s} value={s} size="xs" radius="sm" color={STATUS_COLOR[s]} variant={chipValue === s ? 'filled' : 'outline'}
                  disabled={record.busy}>{s}</Chip>
              ))}
            </Group>
          </Chip.Group>}
        </Table.Td>
        <Table.Td>
          <Group gap="xs" wrap="nowrap" justify="space-between">
            <Details row={row} />
            {editable && row.proposed && !editing && (
              <Group gap={4} wrap="nowrap">
                <Button size="compact-xs" onClick={confirmProposed} loading={record.busy}>确认</Button>
                <Button size="compact-xs" variant="subtle" onClick={() => setEditing('请假')}>修改</Button>
              </Group>
            )}
            {editable && !row.proposed && !editing && (row.status === '请假' || row.status === '代会') && (
              <Button size="compact-xs" variant="subtle" onClick={() => setEditing(row.status as '请假' | '代会')}>修改</Button>
            )}
          </Group>
          {!editing && <ErrorAlert error={err} onClose={record.reset} />}
        </Table.Td>
      </Table.Tr>
      {editing && (
        <Table.Tr bg="gray.0">
          <Table.Td colSpan={4}>
            <form aria-label={`${row.name}${editing}`} noValidate onSubmit={(e) => { e.preventDefault(); void (editing === '请假' ? saveLeave() : save('代会', { substitute: substitute.trim() })) }}>
              {editing === '请假' ? (
                <>
                  <Group gap="sm" align="flex-start" wrap="nowrap">
                    <TextInput size="xs" label="请假事由" required w={260} value={reason} onChange={(e) => setReason(e.currentTarget.value)}
                      error={fieldError(err, 'leaveReason') ?? (err?.message.includes('请假事由') ? err.message : undefined)} data-autofocus autoFocus />
                    <PersonSelect size="xs" org={org} scope="leaders" label="向谁请假" w={220} value={askedId} onChange={setAskedId} />
                    <Input.Wrapper size="xs" label="答复">
                      <div><SegmentedControl size="xs" data={[...LEAVE_ANSWERS]} value={answer} onChange={(v) => setAnswer(v as LeaveAnswer)} /></div>
                    </Input.Wrapper>
                    <Group gap={4} mt={20} wrap="nowrap">
                      <Button size="xs" type="submit" loading={record.busy}>保存</Button>
                      <Button size="xs" variant="default" onClick={() => { setEditing(null); record.reset() }}>取消</Button>
                    </Group>
                  </Group>
                  <Text size="xs" c="dimmed" mt={4}>{askee.reason}{askee.name ? `（${askee.name}）` : ''}（{cite('R-M4')}）。</Text>
                  {wrongAskee && (
                    <Group gap="sm" align="flex-start" mt={4} wrap="nowrap">
                      <Text size="sm" c="orange.9" maw={420} role="alert">{cite('R-M4')}：所选的人不是规定的请假对象。请改为向{askee.name ?? '规定的领导'}请假；确属特殊情况的，写明例外理由。</Text>
                      <TextInput size="xs" label="例外说明" required w={300} value={exception} onChange={(e) => setException(e.currentTarget.value)} maxLength={200} />
                    </Group>
                  )}
                </>
              ) : (
                <Group gap="sm" align="flex-start" wrap="nowrap">
                  <TextInput size="xs" label="代会人员" required w={320} placeholder="如 市农业农村局局长 某某" value={substitute}
                    onChange={(e) => setSubstitute(e.currentTarget.value)} error={err?.message.includes('代会') ? err.message : undefined} autoFocus />
                  <Group gap={4} mt={20} wrap="nowrap">
                    <Button size="xs" type="submit" loading={record.busy}>保存</Button>
                    <Button size="xs" variant="default" onClick={() => { setEditing(null); record.reset() }}>取消</Button>
                  </Group>
                </Group>
              )}
              {err && !err.message.includes('请假事由') && !err.message.includes('代会') && <ErrorAlert error={err} />}
            </form>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  )
}
