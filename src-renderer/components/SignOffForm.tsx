import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import type { ApiError } from '../api/client'
import { formatDate, todayIso } from '../lib/format'
import { useSignerOptions } from '../pages/org/useSignerOptions'
import { ConfirmDialog } from './ConfirmDialog'
import { ErrorAlert } from './Feedback'
import { RuleBadge } from './RuleBadge'
import { OfficeDateInput } from './OfficeDateInput'

/** Who the rule says must sign on the chosen day, as the server answered (acting included). */
export interface RequiredSigners {
  ok: boolean
  /** 应由X签发 / why nobody may sign yet. */
  text: string
  /** The article's sentence and the acting reasons, when ok. */
  detail: string | null
  signers: readonly { personId: number; label: string; actingRule: string | null }[]
}

/**
 * 签发 (R-M5, R-D4, X-1): the signer the rule names (others may be chosen, and the server refuses them
 * quoting the rule), a clear opinion and the real date, confirmed before it is final. The caller owns the
 * date, because who must sign depends on it.
 */
export function SignOffForm({ rule, alsoRules = [], required, date, onDateChange, minDate, defaultOpinion, opinionHint, cannot, error, onErrorClose, busy, confirmTitle, confirmText, onSign, children, may = true }: {
  rule: string
  /** Further rules the sign-off rests on (R-D5 for a directive to the counties). */
  alsoRules?: readonly string[]
  required: RequiredSigners
  date: string | null
  onDateChange: (d: string | null) => void
  minDate?: string | null
  defaultOpinion: string
  opinionHint?: string
  /** Why signing must wait, if it must. */
  cannot: string | null
  error: ApiError | null
  onErrorClose?: () => void
  busy: boolean
  confirmTitle: string
  confirmText: (signer: string, date: string, opinion: string) => string
  onSign: (signerId: number, opinion: string, date: string) => void
  /** Rule-specific notes between the signer line and the form (R-D5, the 市长's consent). */
  children?: ReactNode
  /** Whether this account may record the signature; a reader sees who must sign, not the form. */
  may?: boolean
}) {
  const [signerId, setSignerId] = useState<string | null>(null)
  const [opinion, setOpinion] = useState(defaultOpinion)
  const [confirming, setConfirming] = useState(false)
  const options = useSignerOptions(required.signers)
  const firstRequired = required.signers[0] ? String(required.signers[0].personId) : null
  useEffect(() => { if (firstRequired) setSignerId(firstRequired) }, [firstRequired])
  const actingRules = useMemo(() => [...new Set(required.signers.map((s) => s.actingRule).filter((r): r is string => !!r))], [required.signers])
  const chosen = options.flatMap((g) => g.items).find((o) => o.value === signerId)
  // The page already knows who must sign: another leader is refused here, before the confirm step, as the server would.
  const wrongSigner = required.ok && required.signers.length > 0 && !!signerId && !required.signers.some((s) => String(s.personId) === signerId)
    ? `${chosen?.label ?? '所选领导'}不是应签发人：${required.text}。` : null
  const hint = opinionHint ? { description: opinionHint, inputWrapperOrder: ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[] } : {}

  return (
    <Stack gap="sm">
      <Group gap={6} wrap="nowrap" align="center" aria-label="应由谁签发" role="note">
        <RuleBadge rule={rule} />
        {actingRules.map((r) => <RuleBadge key={r} rule={r} color="orange" />)}
        {alsoRules.map((r) => <RuleBadge key={r} rule={r} />)}
        <Text size="sm" fw={500} c={required.ok ? undefined : 'red.8'}>{required.text}</Text>
      </Group>
      {required.detail && <Text size="xs" c="dimmed">{required.detail}</Text>}
      {children}
      {may && <>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select label="签发人" data={options} value={signerId} onChange={setSignerId} w={320} allowDeselect={false} searchable nothingFoundMessage="没有这位领导" />
          <TextInput label="签发意见" value={opinion} onChange={(e) => setOpinion(e.currentTarget.value)} w={260} maxLength={500} {...hint} />
          <OfficeDateInput label="签发日期" value={date} onChange={onDateChange} w={170} minDate={minDate ?? undefined} maxDate={todayIso()}
            description="领导实际签发的日期" inputWrapperOrder={['label', 'input', 'description', 'error']} />
        </Group>
        {cannot && <Alert color="yellow" variant="light" py="xs">{cannot}</Alert>}
        {wrongSigner && <Alert color="red" variant="light" py="xs" role="alert">{wrongSigner}</Alert>}
        <ErrorAlert error={error} onClose={onErrorClose} />
        <Group>
          <Button onClick={() => { onErrorClose?.(); setConfirming(true) }} disabled={!!cannot || !!wrongSigner || !signerId || !date || !opinion.trim()} loading={busy}>签发</Button>
        </Group>
        <ConfirmDialog opened={confirming} title={confirmTitle} confirmLabel="确认签发" busy={busy} onCancel={() => setConfirming(false)}
          onConfirm={() => { setConfirming(false); if (signerId && date) onSign(Number(signerId), opinion.trim(), date) }}>
          <Text size="sm">{confirmText(chosen?.label ?? '', formatDate(date), opinion.trim())}</Text>
        </ConfirmDialog>
      </>}
    </Stack>
  )
}
