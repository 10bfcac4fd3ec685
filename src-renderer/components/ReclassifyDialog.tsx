import { useEffect, useState } from 'react'
import { Alert, Button, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { useMutation, useQuery, type Invalidation, type OutputOf } from '../api/client'
import { FormModal, fieldError } from './FormModal'
import { useSession } from '../lib/session'
import { PersonSelect } from './PersonSelect'
import { CLASSIFICATIONS, canSee, withinApproval, type Classification } from '../../src-main/common/classification'
import { loweringNotice, markingText, type ReclassifiedKind } from '../../src-main/common/reclassification'

/** The three procedures of 定密变更; they take the same input. */
type ReclassifyProcedure = 'incoming.reclassify' | 'outgoing.reclassify' | 'topics.reclassify'
const PROCEDURE: Record<ReclassifiedKind, ReclassifyProcedure> = { 收文: 'incoming.reclassify', 发文: 'outgoing.reclassify', 议题: 'topics.reclassify' }
/** Where the changed 密级 shows: the record's page and its register (or the meeting's agenda). */
const SHOWN_IN: Record<ReclassifiedKind, readonly Invalidation[]> = {
  收文: ['incoming.*', 'registers.incoming'], 发文: ['outgoing.*', 'registers.outgoing'], 议题: ['topics.*', 'meetings.get'],
}

const FIELDS = ['classification', 'secrecyPeriod', 'reason', 'approverId']

/** Whether the signed-in user's role is one the office designates for 定密变更 (设置—定密变更人员). */
export function useMayReclassify(): boolean {
  const { user, settings } = useSession()
  return !!settings?.reclassifyRoles.some((r) => r === user.role)
}

/** The 定密变更 button beside a record's 密级, only for the designated roles. */
export function ReclassifyButton({ onClick }: { onClick: () => void }) {
  return useMayReclassify() ? <Button size="compact-xs" variant="light" color="red" onClick={onClick}>定密变更</Button> : null
}

/**
 * 定密变更 (issue 14): the new 密级 (and 保密期限, for 收文 and 发文), the reason and the approving 市政府领导. Before a
 * lowering it says who will be able to read the record and its files. What the server refuses (no reason, no
 * approver, above the approved level or the user's clearance) is refused here by the same rules.
 */
export function ReclassifyDialog({ opened, kind, record, onClose, onDone }: {
  opened: boolean
  kind: ReclassifiedKind
  /** `label`: how the record is named in the title, e.g. 收〔2026〕12号. */
  record: { id: number; classification: Classification; secrecyPeriod?: string | null; label: string }
  onClose: () => void
  onDone: (result: OutputOf<ReclassifyProcedure>) => void
}) {
  const { user, settings } = useSession()
  const org = useQuery('org.overview', {})
  const change = useMutation(PROCEDURE[kind] as 'incoming.reclassify', { invalidates: SHOWN_IN[kind] })
  const hasPeriod = kind !== '议题'
  const [classification, setClassification] = useState<Classification>(record.classification)
  const [period, setPeriod] = useState('')
  const [reason, setReason] = useState('')
  const [approverId, setApproverId] = useState<number | null>(null)
  const { reset } = change

  useEffect(() => {
    if (!opened) return
    reset(); setClassification(record.classification); setPeriod(record.secrecyPeriod ?? ''); setReason(''); setApproverId(null)
  }, [opened, record, reset])

  const approved = settings?.approvedClassification ?? '机密'
  const levels = CLASSIFICATIONS.map((c) => {
    const blocked = !withinApproval(approved, c) ? '超出本系统批准的密级' : !canSee(user.clearance, c) ? '超出您的涉密等级' : null
    const label = c === '无' ? '非涉密' : c
    return { value: c, label: blocked ? `${label}（${blocked}）` : label, disabled: !!blocked }
  })
  const before = markingText({ classification: record.classification, period: record.secrecyPeriod ?? null })
  const warning = loweringNotice(record.classification, classification, kind)
  const err = (f: string) => fieldError(change.error, f)

  async function submit() {
    const done = await change.mutate({
      id: record.id, classification, secrecyPeriod: hasPeriod && classification !== '无' ? period.trim() || null : null,
      reason: reason.trim(), approverId: approverId ?? (undefined as unknown as number),
    })
    if (done) onDone(done)
  }

  return (
    <FormModal opened={opened} size={560} title={`定密变更：${record.label}`} onClose={onClose} onSubmit={submit}
      busy={change.busy} error={change.error} fields={FIELDS} submitLabel="确认变更">
      <Stack gap="sm" aria-label="定密变更">
        <Text size="sm">现密级：<Text span fw={600} c={record.classification === '无' ? undefined : 'red.8'}>{before}</Text></Text>
        <Group grow gap="sm" align="flex-start">
          <Select label="变更后密级" required data={levels} value={classification} allowDeselect={false} error={err('classification')}
            onChange={(v) => v && setClassification(v as Classification)} comboboxProps={{ withinPortal: true }} />
          {hasPeriod && (
            <TextInput label="变更后保密期限" value={classification === '无' ? '' : period} onChange={(e) => setPeriod(e.currentTarget.value)}
              disabled={classification === '无'} required={kind === '收文' && classification !== '无'} error={err('secrecyPeriod')}
              placeholder={classification === '无' ? '非涉密' : '如 1年、6个月、长期'} />
          )}
        </Group>
        <Textarea label="变更理由" required autosize minRows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)}
          error={err('reason')} placeholder="如 来文机关已通知解密；内容已在政府网站公开" />
        <PersonSelect org={org.data} scope="leaders" label="批准人" required value={approverId} onChange={setApproverId} error={err('approverId')}
          description="批准本次变更的市政府领导" comboboxProps={{ withinPortal: true }} />
        {warning && (
          <Alert color="orange" variant="light" py="xs" role="alert" title="降低密级">
            <Text size="sm" lh={1.5}>{warning}</Text>
          </Alert>
        )}
        <Text size="xs" c="dimmed">变更前后的密级、理由和批准人记入本{kind}的办理过程和审计日志。</Text>
      </Stack>
    </FormModal>
  )
}
