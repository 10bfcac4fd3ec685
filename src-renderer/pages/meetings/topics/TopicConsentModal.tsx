import { useState } from 'react'
import { Text, TextInput } from '@mantine/core'
import { ApiError, useMutation, useQuery } from '../../../api/client'
import { FormModal, fieldError } from '../../../components/FormModal'
import { formatDate, todayIso } from '../../../lib/format'
import { MEETING_CHANGES, type Meeting } from '../model'
import type { Topic } from './model'
import { OfficeDateInput } from '../../../components/OfficeDateInput'
import { cite } from '../../../../src-main/common/rules'

/**
 * 记录市长同意 for a topic already on the agenda (R-M3): late after the meeting was moved earlier, or delivered late.
 * The people offered are who answers for the 市长 on the chosen day — the 市长 in post, or the leader acting (R-P2).
 */
export function TopicConsentModal({ meeting, topic, onClose, onDone }: { meeting: Meeting; topic: Topic; onClose: () => void; onDone: () => void }) {
  const today = todayIso()
  const [on, setOn] = useState<string | null>(today < meeting.date ? today : meeting.date)
  const [note, setNote] = useState('')
  const leaders = useQuery('absences.leadersOn', on ? { date: on } : null)
  const org = useQuery('org.overview', {})
  const [missing, setMissing] = useState<ApiError | null>(null)
  const record = useMutation('topics.recordConsent', { invalidates: MEETING_CHANGES })
  const mayorPostId = org.data?.posts.find((p) => p.kind === '市长')?.id
  const mayor = leaders.data?.find((a) => a.postId === mayorPostId)
  const actor = mayor?.actorId ?? null
  const label = !mayor ? '' : mayor.actorId === mayor.holderId ? `${mayor.actorName}（市长）` : mayor.actorName ? `${mayor.actorName}（代行市长职责，代${mayor.holderName}）` : `当日无人代行市长职责：${mayor.reason}`
  const error = missing ?? record.error ?? leaders.error

  async function submit() {
    setMissing(on && actor ? null : new ApiError({ code: 'VALIDATION', field: 'on', message: on ? '当日没有可表示同意的市长或代行市长职责的领导' : '请选择同意日期' }))
    if (!on || !actor) return
    if (await record.mutate({ topicId: topic.id, personId: actor, on, note: note.trim() || null })) onDone()
  }

  return (
    <FormModal opened size={560} title="记录市长同意" onClose={onClose} onSubmit={submit} busy={record.busy} error={error} fields={['on', 'note']} submitLabel="记录同意">
      <Text size="sm">议题：{topic.title}（{formatDate(topic.deliveredOn)}送达，晚于报送截止日期）。按{cite('R-M3')}，逾期或临时增加的议题须经市长同意。</Text>
      <OfficeDateInput label="同意日期" required value={on} onChange={setOn} maxDate={today < meeting.date ? today : meeting.date} error={fieldError(error, 'on')} />
      <Text size="sm" aria-label="同意的领导">同意的领导：{label || '…'}</Text>
      <TextInput label="说明" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={200} placeholder="如 会议提前后经市长同意保留" error={fieldError(error, 'note')} />
    </FormModal>
  )
}
