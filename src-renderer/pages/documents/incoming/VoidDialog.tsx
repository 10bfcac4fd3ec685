import { useEffect, useState } from 'react'
import { Alert, Button, List, Stack, Text, Textarea } from '@mantine/core'
import { useMutation, useQuery, type Invalidation } from '../../../api/client'
import { FormModal, fieldError } from '../../../components/FormModal'
import { useCan, useSession } from '../../../lib/session'
import { formatDate } from '../../../lib/format'
import { voiderProblem } from '../../../../src-main/common/voiding'

type VoidKind = '收文' | '发文'
const CHECK = { 收文: 'incoming.voidCheck', 发文: 'outgoing.voidCheck' } as const
const VOID = { 收文: 'incoming.void', 发文: 'outgoing.void' } as const
/** Where a void shows: the page, its register and search, the due list and counts on 首页 and 待办. */
const SHOWN_IN: Record<VoidKind, readonly Invalidation[]> = {
  收文: ['incoming.*', 'registers.incoming', 'home.today', 'followups.*', 'todo.*'],
  发文: ['outgoing.*', 'incoming.get', 'registers.outgoing', 'home.today', 'todo.*'],
}

/** Whether the signed-in user may void this kind: a role the office designates (设置—公文作废人员) and the server allows. */
function useMayVoid(kind: VoidKind): boolean {
  const { user, settings } = useSession()
  const can = useCan()
  return !!settings && voiderProblem(user.role, settings.voidRoles) === null && can(VOID[kind])
}

/** 作废 beside a record's other actions, only for the designated roles and while it may be voided. */
export function VoidButton({ kind, voidable, onClick }: { kind: VoidKind; voidable: boolean; onClick: () => void }) {
  return useMayVoid(kind) && voidable ? <Button size="xs" variant="outline" color="red" onClick={onClick}>作废</Button> : null
}

/** The red line a voided record shows under its title: when, by whom, why. */
export function VoidedAlert({ voided }: { voided: { on: string | null; by: string | null; reason: string | null } | null }) {
  if (!voided) return null
  return (
    // No `title`: Mantine names the alert by its title, and the page names it 作废情况.
    <Alert color="red" variant="light" aria-label="作废情况" mt="sm">
      <Text size="sm"><Text span fw={700}>已作废</Text>　{voided.on ? formatDate(voided.on) : ''}{voided.by ? `由${voided.by}作废` : '作废'}：{voided.reason}。本件不再办理，编号保留不再使用。</Text>
    </Alert>
  )
}

/**
 * 作废 (issue 16): the reason, and before it what the act will stop (from the server's voidCheck); it cannot be undone,
 * which the last warning says. The server refuses an undesignated role and a state that cannot be voided in the same words.
 */
export function VoidDialog({ opened, kind, record, onClose }: {
  opened: boolean
  kind: VoidKind
  /** `label`: how the record is named in the title, e.g. 收〔2026〕12号 or the 发文's title. */
  record: { id: number; label: string }
  onClose: () => void
}) {
  const check = useQuery(CHECK[kind], opened ? { id: record.id } : null)
  const act = useMutation(VOID[kind] as 'incoming.void', { invalidates: SHOWN_IN[kind], success: `${record.label}已作废。` })
  const [reason, setReason] = useState('')
  const { reset } = act
  useEffect(() => { if (opened) { reset(); setReason('') } }, [opened, reset])

  async function submit() {
    if (await act.mutate({ id: record.id, reason: reason.trim() })) onClose()
  }
  const c = check.data
  return (
    <FormModal opened={opened} size={560} title={`作废：${record.label}`} onClose={onClose} onSubmit={submit}
      busy={act.busy} error={act.error ?? check.error} fields={['reason']} submitLabel="确认作废">
      <Stack gap="sm" aria-label="作废">
        {c && !c.voidable && <Alert color="red" variant="light">{c.reason}</Alert>}
        {c && c.voidable && (
          <Alert color="orange" variant="light" title="作废后：">
            <List size="sm" spacing={2}>{c.warnings.map((w) => <List.Item key={w}>{w}</List.Item>)}</List>
          </Alert>
        )}
        <Textarea label="作废理由" required autosize minRows={2} maxLength={500} value={reason} onChange={(e) => { setReason(e.currentTarget.value); if (act.error) reset() }}
          placeholder={kind === '收文' ? '如：与收〔2026〕12号重复登记' : '如：起草单位撤回，不再发文'} error={fieldError(act.error, 'reason')} />
        <Text size="xs" c="dimmed">作废记入审计日志，登记簿中本件保留并标为“已作废”。</Text>
      </Stack>
    </FormModal>
  )
}
