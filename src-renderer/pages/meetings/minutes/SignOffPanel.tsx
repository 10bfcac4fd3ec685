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
import { ConsentPanel } from './ConsentPanel'
import type { Minutes } from './model'

/**
 * 签发 (R-M5, X-1): who must sign on the chosen day (with acting, R-P2/R-P3), the signer, the opinion
 * and the real date; the number is given by the server at sign-off. Any other leader may be chosen:
 * the server then refuses, quoting the rule.
 */
export function SignOffPanel({ minutes, blockedBy, onChanged }: {
  minutes: Minutes
  /** Why signing must wait (unsaved changes), if it must. */
  blockedBy: string | null
  onChanged: (m: Minutes) => void
}) {
  const [date, setDate] = useState<string | null>(todayIso())
  const [signerId, setSignerId] = useState<string | null>(null)
  const [opinion, setOpinion] = useState('同意印发。')
  const [confirming, setConfirming] = useState(false)
  const answer = useQuery('meetings.minutesSigner', date ? { meetingId: minutes.meetingId, date } : null, [minutes.meetingId, date, minutes.mayorConsent?.on])
  const sign = useMutation('meetings.signMinutes')

  const required = useMemo(() => (answer.data?.ok ? answer.data.signers : []), [answer.data])
  const firstRequired = required[0] ? String(required[0].personId) : null
  useEffect(() => { if (firstRequired) setSignerId(firstRequired) }, [firstRequired])

  const labelled = useMemo(() => required.map((s) => ({ personId: s.personId, label: s.actingFor ? `${s.name}（代${s.postTitle}${s.actingFor}）` : `${s.name}（${s.postTitle}）` })), [required])
  const options = useSignerOptions(labelled)

  const chosen = options.flatMap((g) => g.items).find((o) => o.value === signerId)
  async function confirm() {
    if (!date || !signerId) return
    setConfirming(false)
    const m = await sign.mutate({ meetingId: minutes.meetingId, signerPersonId: Number(signerId), opinion, date })
    if (m) onChanged(m)
  }

  const text = answer.data?.text ?? minutes.requiredSignerText
  const ok = answer.data ? answer.data.ok : minutes.requiredSigner.ok
  const acting = required.find((s) => s.actingRule)
  const cannot = blockedBy ?? (!minutes.saved ? '请先保存纪要草稿，再签发。' : null)

  return (
    <Section title="签发" description="纪要签发后按会议类别的编号序列编号（X-1），不能再修改。">
      <Stack gap="sm">
        <Group gap={6} wrap="nowrap" align="center" aria-label="应由谁签发" role="note">
          <RuleBadge rule="R-M5" />
          {acting?.actingRule && <RuleBadge rule={acting.actingRule} color="orange" />}
          <Text size="sm" fw={500} c={ok ? undefined : 'red.8'}>{text}</Text>
        </Group>
        {answer.data?.ok && <Text size="xs" c="dimmed">{answer.data.ruleText}{required.map((s) => s.reason).filter(Boolean).length ? ` ${required.map((s) => s.reason).join('；')}。` : ''}</Text>}
        {minutes.needsMayorConsent && <ConsentPanel minutes={minutes} onRecorded={onChanged} />}
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select label="签发人" data={options} value={signerId} onChange={setSignerId} w={320} allowDeselect={false} searchable
            nothingFoundMessage="没有这位领导" />
          <TextInput label="签发意见" value={opinion} onChange={(e) => setOpinion(e.currentTarget.value)} w={260} maxLength={500} />
          <DatePickerInput label="签发日期" value={date} onChange={setDate} {...DATE_PROPS} w={170}
            minDate={minutes.meetingDate} maxDate={todayIso()} description="领导实际签发的日期" />
        </Group>
        {cannot && <Alert color="yellow" variant="light" py="xs">{cannot}</Alert>}
        <ErrorAlert error={sign.error ?? answer.error} onClose={sign.error ? sign.reset : undefined} />
        <Group>
          <Button onClick={() => { sign.reset(); setConfirming(true) }} disabled={!!cannot || !signerId || !date || !opinion.trim()} loading={sign.busy}>签发</Button>
        </Group>
      </Stack>
      <ConfirmDialog opened={confirming} title="签发纪要" confirmLabel="确认签发" onConfirm={confirm} onCancel={() => setConfirming(false)} busy={sign.busy}>
        <Text size="sm">
          {`由${chosen?.label ?? ''}于${formatDate(date)}签发《${minutes.title}》，签发意见：“${opinion.trim()}”。签发后纪要即编号，不能再修改。`}
        </Text>
      </ConfirmDialog>
    </Section>
  )
}
