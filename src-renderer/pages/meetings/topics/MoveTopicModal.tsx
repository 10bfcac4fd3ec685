import { useState } from 'react'
import { Select, Text, TextInput } from '@mantine/core'
import { ApiError, useMutation, useQuery } from '../../../api/client'
import { FormModal, fieldError } from '../../../components/FormModal'
import { formatDateWithWeekday } from '../../../lib/format'
import { MEETING_CHANGES, type Meeting } from '../model'
import type { Topic } from './model'
import { cite } from '../../../../src-main/common/rules'

/** A year after an ISO date, the longest period meetings.calendar answers. */
const yearAfter = (d: string) => `${Number(d.slice(0, 4)) + 1}${d.slice(4)}`

/** 调至以后的会议: a later meeting still in preparation, and why; the topic keeps its files and records the move. */
export function MoveTopicModal({ meeting, topic, onClose, onDone }: { meeting: Meeting; topic: Topic; onClose: () => void; onDone: (text: string) => void }) {
  const later = useQuery('meetings.calendar', { from: meeting.date, to: yearAfter(meeting.date) })
  const [toId, setToId] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState<ApiError | null>(null)
  const move = useMutation('topics.move', { invalidates: MEETING_CHANGES })
  const error = missing ?? move.error ?? later.error
  const options = (later.data?.meetings ?? [])
    .filter((m) => m.status === '筹备' && m.date > meeting.date && m.id !== meeting.id)
    .map((m) => ({ value: String(m.id), label: `${m.title}（${formatDateWithWeekday(m.date)}${m.halfDay}）` }))

  async function submit() {
    setMissing(toId ? null : new ApiError({ code: 'VALIDATION', field: 'toMeetingId', message: '请选择调至哪次会议' }))
    if (!toId) return
    const r = await move.mutate({ topicId: topic.id, toMeetingId: Number(toId), reason: reason.trim() || null })
    if (r) onDone(`已将“${topic.title}”调至${options.find((o) => o.value === toId)?.label ?? '以后的会议'}。`)
  }

  return (
    <FormModal opened size={620} title="调至以后的会议" onClose={onClose} onSubmit={submit} busy={move.busy} error={error}
      fields={['toMeetingId', 'reason']} submitLabel="调整">
      <Text size="sm">议题：{topic.title}</Text>
      <Select label="调至会议" required value={toId} onChange={setToId} data={options} data-autofocus
        placeholder={later.loading ? '正在查找…' : options.length ? '选择以后召开的会议' : '一年内没有筹备中的会议，请先在会议日历中安排'}
        error={fieldError(error, 'toMeetingId')} comboboxProps={{ withinPortal: true }} />
      <TextInput label="调整原因" value={reason} onChange={(e) => setReason(e.currentTarget.value)} placeholder="如 材料需补充完善" error={fieldError(error, 'reason')} />
      <Text size="xs" c="dimmed">议题的附件和报送记录随之调整；调入的会议仍按其议题截止日期核对（{cite('R-M3')}）。</Text>
    </FormModal>
  )
}
