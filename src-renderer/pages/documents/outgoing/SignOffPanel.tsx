import { useEffect, useMemo, useState } from 'react'
import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import { useMutation, useQuery } from '../../../api/client'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { ErrorAlert } from '../../../components/Feedback'
import { RuleBadge } from '../../../components/RuleBadge'
import { Section } from '../../../components/Section'
import { DATE_PROPS, formatDate, todayIso } from '../../../lib/format'
import { useSignerOptions } from '../../org/useSignerOptions'
import type { Outgoing } from './model'

/**
 * 签发 (R-D4, R-D5, X-1): who must sign on the chosen day (with acting, R-P2/R-P3), the signer, a clear
 * opinion and the real date. Any other leader may be chosen: the server then refuses, quoting the rule.
 */
export function SignOffPanel({ doc, blockedBy, onChanged }: { doc: Outgoing; blockedBy: string | null; onChanged: (d: Outgoing) => void }) {
  const [date, setDate] = useState<string | null>(todayIso())
  const [signerId, setSignerId] = useState<string | null>(null)
  const [opinion, setOpinion] = useState('同意。')
  const [confirming, setConfirming] = useState(false)
  const signed = doc.signed
  const answer = useQuery('documents.requiredSigner', !signed && date ? { id: doc.id, date } : null,
    [doc.id, date, signed, doc.signKind, doc.draftingDepartmentId, doc.countyDirective])
  const sign = useMutation('documents.signOff')

  const required = useMemo(() => (answer.data?.ok ? answer.data.signers : []), [answer.data])
  const firstRequired = required[0] ? String(required[0].personId) : null
  useEffect(() => { if (firstRequired) setSignerId(firstRequired) }, [firstRequired])

  const labelled = useMemo(() => required.map((s) => ({ personId: s.personId, label: s.actingFor ? `${s.name}（代${s.role}${s.actingFor}）` : `${s.name}（${s.role}）` })), [required])
  const options = useSignerOptions(labelled)

  if (signed) {
    return (
      <Section title="签发">
        <Group gap={6} wrap="wrap" role="note" aria-label="签发情况">
          <RuleBadge rule="R-D4" />
          <Text size="sm">
            {`${signed.name ?? ''}${signed.actingFor ? `（代${signed.actingFor}）` : ''}于${formatDate(signed.on)}签发，签发意见：“${signed.opinion ?? ''}”`}
          </Text>
        </Group>
      </Section>
    )
  }

  const chosen = options.flatMap((g) => g.items).find((o) => o.value === signerId)
  async function confirm() {
    if (!date || !signerId) return
    setConfirming(false)
    const d = await sign.mutate({ id: doc.id, signerId: Number(signerId), opinion: opinion.trim(), date })
    if (d) onChanged(d)
  }

  const text = answer.data?.text ?? doc.requiredSignerText
  const ok = answer.data ? answer.data.ok : doc.requiredSigner.ok
  const actingRules = [...new Set(required.map((s) => s.actingRule).filter((r): r is NonNullable<typeof r> => !!r))]
  const reviewing = doc.status === '拟稿' || doc.status === '核稿中'
  const cannot = blockedBy
    ?? (reviewing ? `核稿尚未完成，下一步应由${doc.nextReviewStep ?? '办公室负责人'}核稿，核稿后才能签发。` : null)
  const lastReview = doc.reviews.at(-1)?.reviewedOn

  return (
    <Section title="签发" description="领导签发时签署明确的意见、姓名和完整的日期；圈阅视为同意。签发后才能编发文字号（X-1），文稿不能再修改。">
      <Stack gap="sm">
        <Group gap={6} wrap="nowrap" align="center" aria-label="应由谁签发" role="note">
          <RuleBadge rule="R-D4" />
          {actingRules.map((r) => <RuleBadge key={r} rule={r} color="orange" />)}
          {doc.countyDirective && <RuleBadge rule="R-D5" />}
          <Text size="sm" fw={500} c={ok ? undefined : 'red.8'}>{text}</Text>
        </Group>
        {answer.data?.ok && (
          <Text size="xs" c="dimmed">{answer.data.ruleText}{required.some((s) => s.actingFor) ? ` ${required.filter((s) => s.actingFor).map((s) => s.reason).join('；')}。` : ''}</Text>
        )}
        {doc.countyDirectiveProblem && (
          <Alert color="red" variant="light" py="xs">
            <Group gap={6} wrap="nowrap" align="flex-start"><RuleBadge rule="R-D5" color="red" /><Text size="sm">{doc.countyDirectiveProblem}</Text></Group>
          </Alert>
        )}
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select label="签发人" data={options} value={signerId} onChange={setSignerId} w={320} allowDeselect={false} searchable
            nothingFoundMessage="没有这位领导" />
          <TextInput label="签发意见" value={opinion} onChange={(e) => setOpinion(e.currentTarget.value)} w={260} maxLength={500}
            description="圈阅的，记为“同意”" inputWrapperOrder={['label', 'input', 'description', 'error']} />
          <DatePickerInput label="签发日期" value={date} onChange={setDate} {...DATE_PROPS} w={170} minDate={lastReview} maxDate={todayIso()}
            description="领导实际签发的日期" inputWrapperOrder={['label', 'input', 'description', 'error']} />
        </Group>
        {cannot && <Alert color="yellow" variant="light" py="xs">{cannot}</Alert>}
        <ErrorAlert error={sign.error ?? answer.error} onClose={sign.error ? sign.reset : undefined} />
        <Group>
          <Button onClick={() => { sign.reset(); setConfirming(true) }} disabled={!!cannot || !signerId || !date || !opinion.trim()} loading={sign.busy}>签发</Button>
        </Group>
      </Stack>
      <ConfirmDialog opened={confirming} title="签发公文" confirmLabel="确认签发" onConfirm={confirm} onCancel={() => setConfirming(false)} busy={sign.busy}>
        <Text size="sm">
          {`由${chosen?.label ?? ''}于${formatDate(date)}签发《${doc.title}》，签发意见：“${opinion.trim()}”。签发后文稿不能再修改，随后编发文字号。`}
        </Text>
      </ConfirmDialog>
    </Section>
  )
}
