import { useState } from 'react'
import { Alert, Button, Group, Stack, Table, Text, TextInput, Textarea } from '@mantine/core'
import { useMutation } from '../../../api/client'
import { ErrorAlert } from '../../../components/Feedback'
import { fieldError } from '../../../components/FormModal'
import { Section } from '../../../components/Section'
import { formatDate, todayIso } from '../../../lib/format'
import { OUTGOING_CHANGES, type Outgoing } from './model'
import { REVIEW_STEP_ROLES, REVIEW_STEPS } from '../../../../src-main/common/documents'
import { useCan, useSession } from '../../../lib/session'
import { OfficeDateInput } from '../../../components/OfficeDateInput'


/** 核稿: 部门负责人 → 办公室秘书 → 办公室负责人, each with opinion, name and the full date; the recorded ones listed. */
export function ReviewPanel({ doc, blockedBy, onChanged }: { doc: Outgoing; blockedBy: string | null; onChanged: () => void }) {
  const [reviewer, setReviewer] = useState('')
  const [opinion, setOpinion] = useState('')
  const [date, setDate] = useState<string | null>(todayIso())
  const review = useMutation('outgoing.review', { invalidates: OUTGOING_CHANGES })
  const step = doc.nextReviewStep
  const { user } = useSession()
  const may = useCan()('outgoing.review') && step !== null && REVIEW_STEP_ROLES[step].includes(user.role)
  const waiting = step !== null && (doc.status === '拟稿' || doc.status === '核稿中')
  const open = may && waiting
  const lastDate = doc.reviews.at(-1)?.reviewedOn

  async function submit() {
    if (!step || !date) return
    const d = await review.mutate({ id: doc.id, step, reviewer: reviewer.trim(), opinion: opinion.trim(), date })
    if (d) { setReviewer(''); setOpinion(''); onChanged() }
  }

  return (
    <Section title="核稿" description={`依次由${REVIEW_STEPS.join('、')}核稿，各自签署意见、姓名和日期。`}>
      <Stack gap="sm">
        <Table withTableBorder withColumnBorders verticalSpacing={6} aria-label="核稿记录" layout="fixed">
          <Table.Thead>
            <Table.Tr><Table.Th w={130}>核稿环节</Table.Th><Table.Th>核稿意见</Table.Th><Table.Th w={110}>核稿人</Table.Th><Table.Th w={140}>日期</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {REVIEW_STEPS.map((s) => {
              const r = doc.reviews.find((x) => x.step === s)
              return (
                <Table.Tr key={s}>
                  <Table.Td>{s}</Table.Td>
                  <Table.Td>{r ? r.opinion : <Text span size="sm" c="dimmed">{s === step ? '待核稿' : '尚未核稿'}</Text>}</Table.Td>
                  <Table.Td>{r?.reviewer ?? ''}</Table.Td>
                  <Table.Td>{r ? formatDate(r.reviewedOn) : ''}</Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
        {open && (
          <Stack gap="xs" role="group" aria-label="核稿意见">
            <Text size="sm" fw={600}>下一步：{step}核稿</Text>
            <Group gap="sm" align="flex-start" wrap="wrap">
              <TextInput label="核稿人" value={reviewer} onChange={(e) => setReviewer(e.currentTarget.value)} w={160} maxLength={40}
                error={fieldError(review.error, 'reviewer')} />
              <Textarea label="核稿意见" value={opinion} onChange={(e) => setOpinion(e.currentTarget.value)} w={420} autosize minRows={1} maxRows={4}
                maxLength={1000} placeholder="如：文稿已核，建议呈请领导签发。" error={fieldError(review.error, 'opinion')} />
              <OfficeDateInput label="核稿日期" value={date} onChange={setDate} w={170} maxDate={todayIso()} minDate={lastDate}
                error={fieldError(review.error, 'date')} />
            </Group>
            {blockedBy && <Alert color="yellow" variant="light" py="xs">{blockedBy}</Alert>}
            {review.error && !['reviewer', 'opinion', 'date'].some((f) => fieldError(review.error, f)) && <ErrorAlert error={review.error} onClose={review.reset} />}
            <Group>
              <Button onClick={submit} loading={review.busy} disabled={!!blockedBy || !reviewer.trim() || !opinion.trim() || !date}>{step}核稿</Button>
            </Group>
          </Stack>
        )}
        {!open && step === null && <Text size="sm" c="dimmed">核稿已完成。</Text>}
        {waiting && !may && step && <Text size="sm" c="dimmed">下一步：{step}核稿，由{REVIEW_STEP_ROLES[step].join('或')}登记核稿意见。</Text>}
      </Stack>
    </Section>
  )
}
