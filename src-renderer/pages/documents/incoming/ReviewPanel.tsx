import { useState } from 'react'
import { Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useMutation } from '../../../api/client'
import { fieldError } from '../../../components/FormModal'
import { RuleBadge } from '../../../components/RuleBadge'
import { Section } from '../../../components/Section'
import { formatDate, todayIso } from '../../../lib/format'
import { RuleRefusal } from './RuleRefusal'
import { INCOMING_CHANGES, type Incoming } from './model'
import { REVIEWERS } from '../../../../src-main/common/roles'
import { useCan } from '../../../lib/session'
import { OfficeDateInput } from '../../../components/OfficeDateInput'
import { cite } from '../../../../src-main/common/rules'

/** 初审: the document conforms and goes on to 拟办, or it is returned to the sender with the reasons. */
export function ReviewPanel({ doc }: { doc: Incoming }) {
  const may = useCan()('incoming.review')
  const review = useMutation('incoming.review', { invalidates: INCOMING_CHANGES })
  const giveBack = useMutation('incoming.return', { invalidates: INCOMING_CHANGES })
  const [on, setOn] = useState<string | null>(todayIso())
  const [note, setNote] = useState('')
  const [returning, setReturning] = useState(false)
  const [reason, setReason] = useState('')

  if (doc.status === '已退回') {
    return (
      <Section title="初审" description={<span>初审不合要求，已退回来文单位。<RuleBadge rule="X-2" /></span>}>
        <Text size="sm" c="red.8">{formatDate(doc.closedOn)}退回{doc.sender}：{doc.returnReason}</Text>
      </Section>
    )
  }
  if (doc.review || doc.status !== '已登记') return null
  if (!may) {
    return (
      <Section title="初审">
        <Text size="sm" c="dimmed">等待{REVIEWERS.join('或')}初审：符合要求的通过，进入拟办；不合要求的退回来文单位（{cite('X-2')}）。</Text>
      </Section>
    )
  }

  async function accept() {
    await review.mutate({ id: doc.id, reviewedOn: on ?? '', note: note.trim() || null })
  }
  async function refuse() {
    await giveBack.mutate({ id: doc.id, reason: reason.trim(), returnedOn: on ?? '' })
  }
  const error = review.error ?? giveBack.error
  return (
    <Section title="初审" description={`核对文件是否符合要求：符合的通过，进入拟办；不合要求的退回来文单位并说明理由（${cite('X-2')}）。`}>
      <Stack gap="sm" aria-label="初审">
        <Group gap="sm" align="flex-start" grow>
          <OfficeDateInput label={returning ? '退回日期' : '初审日期'} required value={on} onChange={setOn} maxDate={todayIso()}
            error={fieldError(error, 'reviewedOn') ?? fieldError(error, 'returnedOn')} style={{ maxWidth: 220 }} />
          {!returning && <TextInput label="初审意见" value={note} onChange={(e) => setNote(e.currentTarget.value)} placeholder="如 文件要素齐全，符合行文规则" />}
        </Group>
        {returning && (
          <Textarea label="退回理由" required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)}
            placeholder="如 请示事项未经单位主要负责人签发，请按规定报送" error={fieldError(error, 'reason')} />
        )}
        <RuleRefusal error={error && !fieldError(error, 'reason') ? error : null} />
        <Group gap="xs" justify="flex-end">
          {returning ? <>
            <Button variant="default" onClick={() => setReturning(false)}>取消退回</Button>
            <Button color="red" onClick={refuse} loading={giveBack.busy}>退回来文单位</Button>
          </> : <>
            <Button variant="default" color="red" onClick={() => setReturning(true)}>退回…</Button>
            <Button onClick={accept} loading={review.busy}>初审通过</Button>
          </>}
        </Group>
      </Stack>
    </Section>
  )
}
