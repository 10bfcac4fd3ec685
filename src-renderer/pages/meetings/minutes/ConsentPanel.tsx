import { useEffect, useState } from 'react'
import { Alert, Button, Group, Paper, Select, Stack, Text } from '@mantine/core'
import { useMutation, useQuery } from '../../../api/client'
import { ErrorAlert } from '../../../components/Feedback'
import { RuleBadge } from '../../../components/RuleBadge'
import { formatDate, todayIso } from '../../../lib/format'
import type { Minutes } from './model'
import { MEETING_CHANGES } from '../model'
import { AgreementDialog } from '../CorrectionDialogs'
import { OfficeDateInput } from '../../../components/OfficeDateInput'
import { cite } from '../../../../src-main/common/rules'

/**
 * R-M5 (第四十二条): a 专题会议 on 资金、土地、规划、国有资产、人事编制 needs the prior agreement of the
 * leaders concerned, and the 市长's consent (or that of the leader acting for the 市长, R-P2) before sign-off.
 */
export function ConsentPanel({ minutes, correctable, onRecorded }: {
  minutes: Minutes
  /** The designated role may correct the prior agreement of the held meeting (issue 15). */
  correctable: boolean
  onRecorded: (m: Minutes) => void
}) {
  const [correcting, setCorrecting] = useState(false)
  const [date, setDate] = useState<string | null>(todayIso())
  const [personId, setPersonId] = useState<string | null>(null)
  const leaders = useQuery('absences.leadersOn', date ? { date } : null)
  const org = useQuery('org.overview', {})
  const record = useMutation('minutes.recordConsent', { invalidates: MEETING_CHANGES, success: '已记录市长同意。' })
  const editable = minutes.canEdit

  // The 市长's post that day: its holder, and whoever acts for the 市长 when the holder is away.
  const mayorPostId = org.data?.posts.find((p) => p.kind === '市长')?.id
  const mayor = leaders.data?.find((a) => a.postId === mayorPostId)
  const options: { value: string; label: string }[] = []
  if (mayor?.actorId != null) {
    options.push({ value: String(mayor.actorId), label: mayor.actorId === mayor.holderId ? `${mayor.actorName}（市长）` : `${mayor.actorName}（代行市长职责，代${mayor.holderName}，${cite(mayor.rule ?? 'R-P2')}）` })
  }
  const first = options[0]?.value ?? null
  useEffect(() => { setPersonId(first) }, [first])

  async function submit() {
    if (!date || !personId) return
    const m = await record.mutate({ meetingId: minutes.meetingId, personId: Number(personId), date })
    if (m) onRecorded(m)
  }

  return (
    <Paper withBorder radius="sm" p="sm" bg="orange.0" role="group" aria-label="市长同意">
      <Group gap={6} mb={6}>
        <RuleBadge rule="R-M5" color="orange" />
        <Text fw={600} size="sm">市长同意</Text>
      </Group>
      <Stack gap={8}>
        <Text size="sm">本专题会议涉及{minutes.reservedMatters.join('、')}，按第四十二条须会前与相关领导协商一致，纪要须报市长同意后再签发。</Text>
        <Text size="sm">
          会前协商：{minutes.priorAgreement
            ? `${formatDate(minutes.priorAgreement.on)}${minutes.priorAgreement.note ? `，${minutes.priorAgreement.note}` : ''}`
            : <Text span c="red.8" size="sm">未登记{correctable ? '' : '（会议已召开：请由设定的更正人员写明理由更正会前协商情况，或重新打开会议）'}</Text>}
          {correctable && <Button size="compact-xs" variant="light" ml="xs" onClick={() => setCorrecting(true)}>更正会前协商</Button>}
        </Text>
        {correcting && <AgreementDialog meeting={minutes} onClose={() => setCorrecting(false)} onDone={() => setCorrecting(false)} />}
        {minutes.mayorConsent
          ? <Alert color="green" variant="light" py="xs">{`${minutes.mayorConsent.name ?? ''}已于${formatDate(minutes.mayorConsent.on)}同意签发本纪要。`}</Alert>
          : editable && (
            <>
              <Group gap="sm" align="flex-end" wrap="wrap">
                <OfficeDateInput label="同意日期" value={date} onChange={setDate} w={170} maxDate={todayIso()} minDate={minutes.meetingDate} />
                <Select label="同意人" data={options} value={personId} onChange={setPersonId} w={340} allowDeselect={false}
                  description={`当日在岗的市长；市长外出时为代行市长职责的领导（${cite('R-P2')}，与签发同一口径）`} />
                <Button variant="light" onClick={submit} loading={record.busy} disabled={!date || !personId || !minutes.saved}>记录市长同意</Button>
              </Group>
              {!minutes.saved && <Text size="xs" c="dimmed">请先保存纪要草稿，再记录市长同意。</Text>}
            </>
          )}
        <ErrorAlert error={record.error ?? leaders.error} onClose={record.error ? record.reset : undefined} />
      </Stack>
    </Paper>
  )
}
