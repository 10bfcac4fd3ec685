import { useState } from 'react'
import { Button, Group, Modal, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { useMutation, type OutputOf } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import { RuleBadge } from '../../components/RuleBadge'
import { formatDate } from '../../lib/format'
import { MEETING_CHANGES, type Meeting } from './model'
import { OfficeDateInput } from '../../components/OfficeDateInput'

/** 更正理由: every correction of a held meeting says why (issue 15). */
export function ReasonField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <Textarea label="更正理由" required value={value} onChange={(e) => onChange(e.currentTarget.value)} maxLength={200} autosize minRows={2}
      placeholder="如 经核实，登记时漏填" error={error} data-autofocus />
  )
}

/** A dialog asking one reason, then doing the act: 返回 leaves without acting. */
function ReasonDialog({ title, intro, confirmLabel, busy, error, onConfirm, onClose, children }: {
  title: string; intro: string; confirmLabel: string; busy: boolean; error: Parameters<typeof ErrorAlert>[0]['error']
  onConfirm: (reason: string) => void; onClose: () => void; children?: React.ReactNode
}) {
  const [reason, setReason] = useState('')
  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>{title}</Text>} size="md">
      <Stack gap="sm">
        <Text size="sm">{intro}</Text>
        {children}
        <ReasonField value={reason} onChange={setReason} />
        <ErrorAlert error={error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose} disabled={busy}>返回</Button>
          <Button onClick={() => onConfirm(reason.trim())} loading={busy} disabled={!reason.trim()}>{confirmLabel}</Button>
        </Group>
      </Stack>
    </Modal>
  )
}

/** 重新打开: a held meeting back to 筹备, until its minutes are signed. */
export function ReopenDialog({ meeting, onClose, onDone }: { meeting: Meeting; onClose: () => void; onDone: () => void }) {
  const reopen = useMutation('meetings.reopen', { invalidates: MEETING_CHANGES })
  return (
    <ReasonDialog title="重新打开会议" confirmLabel="确认重新打开" busy={reopen.busy} error={reopen.error} onClose={onClose}
      intro={`“${meeting.title}”将恢复为“筹备”：可以修改、改期、登记出席后再标记为已召开；已保存的纪要草稿保留。`}
      onConfirm={async (reason) => { if (await reopen.mutate({ id: meeting.id, reason })) onDone() }} />
  )
}

/** 更正会前协商一致 (R-M5) after the meeting was held. */
export function AgreementDialog({ meeting, onClose, onDone }: {
  meeting: { meetingId: number; meetingDate: string; priorAgreement: { on: string; note: string | null } | null }; onClose: () => void; onDone: () => void
}) {
  const [on, setOn] = useState<string | null>(meeting.priorAgreement?.on ?? null)
  const [note, setNote] = useState(meeting.priorAgreement?.note ?? '')
  const correct = useMutation('meetings.correctAgreement', { invalidates: MEETING_CHANGES })
  return (
    <ReasonDialog title="更正会前协商一致" confirmLabel="保存更正" busy={correct.busy} error={correct.error} onClose={onClose}
      intro="按第四十二条，涉及资金、土地、规划、国有资产、人事编制的专题会议，须会前与相关领导协商一致。请登记协商的日期（会议当天或之前）和情况。"
      onConfirm={async (reason) => {
        if (await correct.mutate({ id: meeting.meetingId, priorAgreementOn: on, priorAgreementNote: note.trim() || null, reason })) onDone()
      }}>
      <Group grow gap="sm" align="flex-start">
        <OfficeDateInput label="会前协商一致日期" value={on} onChange={setOn} maxDate={meeting.meetingDate} defaultDate={meeting.meetingDate} placeholder="选择日期" />
        <TextInput label="协商情况" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} placeholder="与哪些领导、部门协商一致" />
      </Group>
    </ReasonDialog>
  )
}

type Correction = OutputOf<'meetings.get'>['corrections'][number]

/** The meeting's corrections: when, what, why and by whom. */
export function CorrectionsList({ corrections }: { corrections: Correction[] }) {
  if (!corrections.length) return null
  return (
    <Paper withBorder radius="sm" p="sm" aria-label="更正记录">
      <Text fw={600} size="sm" mb={4}>更正记录</Text>
      <Stack gap={2}>
        {corrections.map((c) => (
          <Text key={c.id} size="sm">
            <Text span c="dimmed" size="sm">{formatDate(c.at.slice(0, 10))}　</Text>
            {c.act}：{c.detail}（理由：{c.reason}；{c.by}）
          </Text>
        ))}
      </Stack>
    </Paper>
  )
}

type HeldWarning = OutputOf<'meetings.heldCheck'>[number]

/** Before 已召开: what will block the minutes, to read and confirm (issue 15). */
export function HeldConfirm({ warnings, busy, onConfirm, onClose }: { warnings: HeldWarning[]; busy: boolean; onConfirm: () => void; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>标记会议已召开</Text>} size="lg">
      <Stack gap="sm">
        {warnings.length
          ? <Text size="sm" c="red.8">以下问题会妨碍纪要签发。会议召开后，只能由设定的更正人员写明理由更正。确认仍标记为已召开？</Text>
          : <Text size="sm">没有发现妨碍纪要签发的问题。标记为已召开后，出席情况只能写明理由更正。</Text>}
        {warnings.map((w) => (
          <Group key={w.message} gap={6} wrap="nowrap" align="flex-start" data-warning={w.rule}>
            <RuleBadge rule={w.rule} color="red" />
            <Text size="sm" lh={1.5}>{w.message}</Text>
          </Group>
        ))}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose} disabled={busy}>返回</Button>
          <Button color={warnings.length ? 'red' : undefined} onClick={onConfirm} loading={busy}>{warnings.length ? '仍标记为已召开' : '确认已召开'}</Button>
        </Group>
      </Stack>
    </Modal>
  )
}
