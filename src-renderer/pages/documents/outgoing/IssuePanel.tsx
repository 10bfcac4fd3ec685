import { useState, type ReactNode } from 'react'
import { Badge, Button, Divider, Group, NumberInput, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { useMutation, type MutationState, type ProcedureName } from '../../../api/client'
import { ErrorAlert } from '../../../components/Feedback'
import { fieldError } from '../../../components/FormModal'
import { RuleBadge } from '../../../components/RuleBadge'
import { Section } from '../../../components/Section'
import { formatDate, todayIso } from '../../../lib/format'
import { OUTGOING_CHANGES, type Outgoing } from './model'
import { CLERKS, REVIEWERS } from '../../../../src-main/common/roles'
import { useCan } from '../../../lib/session'
import { OfficeDateInput } from '../../../components/OfficeDateInput'

/** One step of 编号 → 复核 → 印发 → 核发: done (its record), now (its form) or later (what it waits for). */
function Step({ title, rule, state, done, waiting, procedure, children }: {
  title: string; rule?: string; state: 'done' | 'now' | 'later'; done: ReactNode; waiting: string; procedure: ProcedureName; children: ReactNode
}) {
  const may = useCan()(procedure)
  const now = may ? children : <Text size="sm" c="dimmed">{`下一步：${title}，由${ROLES_OF[procedure] ?? CLERKS.join('或')}办理。`}</Text>
  return (
    <Stack gap={6} role="group" aria-label={title}>
      <Group gap={6}>
        <Text fw={600} size="sm" c={state === 'later' ? 'dimmed' : undefined}>{title}</Text>
        {rule && <RuleBadge rule={rule} />}
        {state === 'done' && <Badge size="xs" variant="light" color="green" radius="sm">已完成</Badge>}
      </Group>
      {state === 'done' ? done : state === 'now' ? now : <Text size="sm" c="dimmed">{waiting}</Text>}
    </Stack>
  )
}

/** Who acts on a step a reader only watches: 复核 is the 科长's (REVIEWERS), the rest 文秘 or 科长 (CLERKS). */
const ROLES_OF: Partial<Record<ProcedureName, string>> = { 'outgoing.check': REVIEWERS.join('或') }

const otherError = <N extends ProcedureName>(m: MutationState<N>, fields: string[]) =>
  m.error && !fields.some((f) => fieldError(m.error, f)) ? <ErrorAlert error={m.error} onClose={m.reset} /> : null

/** 编号 (X-1, R-D6) after sign-off, then 复核, 印发 (date, copies, distribution, 份号 for classified ones) and 核发 (X-2). */
export function IssuePanel({ doc }: { doc: Outgoing }) {
  const number = useMutation('outgoing.number', { invalidates: OUTGOING_CHANGES })
  const check = useMutation('outgoing.check', { invalidates: OUTGOING_CHANGES })
  const issue = useMutation('outgoing.issue', { invalidates: OUTGOING_CHANGES })
  const dispatch = useMutation('outgoing.dispatch', { invalidates: OUTGOING_CHANGES })
  const [checkedBy, setCheckedBy] = useState('')
  const [issuedOn, setIssuedOn] = useState<string | null>(todayIso())
  const [copies, setCopies] = useState<number | string>('')
  const [distribution, setDistribution] = useState(doc.addressee ? [doc.addressee, doc.cc].filter(Boolean).join('；') : '')
  const [firstCopy, setFirstCopy] = useState<number | string>(1)
  const [dispatchedOn, setDispatchedOn] = useState<string | null>(todayIso())
  const classified = doc.classification !== '无'

  const numbered = !!doc.numberText
  const stateOf = (done: boolean, now: boolean) => (done ? 'done' : now ? 'now' : 'later') as 'done' | 'now' | 'later'

  return (
    <Section title="编号、复核、印发、核发" description="发文字号在领导签发之后、印制之前编号，按机关代字和签发年度顺序取号，不跳号、不重号。">
      <Stack gap="md">
        <Step title="编号" procedure="outgoing.number" rule="X-1" state={stateOf(numbered, doc.status === '已签发')} waiting="领导签发后编号。"
          done={<Text size="lg" fw={600} aria-label="编定的发文字号" style={{ fontVariantNumeric: 'tabular-nums' }}>{doc.numberText}</Text>}>
          <Group gap="sm" align="center">
            <Button onClick={() => void (number.mutate({ id: doc.id }))} loading={number.busy}>编号</Button>
            <Text size="sm" c="dimmed">{`按“${doc.series}”序列和签发年度（${doc.signed?.on?.slice(0, 4) ?? ''}年）取下一个号`}</Text>
            <RuleBadge rule="R-D6" />
          </Group>
          {otherError(number, [])}
        </Step>
        <Divider />
        <Step title="复核" procedure="outgoing.check" state={stateOf(!!doc.checkedBy, numbered && !doc.checkedBy)} waiting="编号后复核。"
          done={<Text size="sm">复核人：{doc.checkedBy}</Text>}>
          <Group gap="sm" align="flex-end">
            <TextInput label="复核人" value={checkedBy} onChange={(e) => setCheckedBy(e.currentTarget.value)} w={180} maxLength={40}
              error={fieldError(check.error, 'checkedBy')} />
            <Button onClick={() => void (check.mutate({ id: doc.id, checkedBy: checkedBy.trim() }))} loading={check.busy}
              disabled={!checkedBy.trim()}>复核</Button>
          </Group>
          {otherError(check, ['checkedBy'])}
        </Step>
        <Divider />
        <Step title="印发" procedure="outgoing.issue" state={stateOf(!!doc.issued, numbered && !!doc.checkedBy && !doc.issued)} waiting="复核后印发。"
          done={doc.issued && (
            <Stack gap={2}>
              <Text size="sm">{`${formatDate(doc.issued.on)}印发，${doc.issued.copies ?? ''}份${doc.issued.copyNumbers ? `（份号${doc.issued.copyNumbers.from}—${doc.issued.copyNumbers.to}）` : ''}`}</Text>
              <Text size="sm" c="dimmed">分送：{doc.issued.distribution}</Text>
            </Stack>
          )}>
          <Group gap="sm" align="flex-start" wrap="wrap">
            <OfficeDateInput label="印发日期" value={issuedOn} onChange={setIssuedOn} w={170} maxDate={todayIso()} minDate={doc.signed?.on ?? undefined}
              error={fieldError(issue.error, 'issuedOn')} />
            <NumberInput label="份数" value={copies} onChange={setCopies} min={1} max={100000} allowDecimal={false} allowNegative={false} w={110}
              error={fieldError(issue.error, 'copies')} />
            {classified && (
              <NumberInput label="起始份号" value={firstCopy} onChange={setFirstCopy} min={1} max={999999} allowDecimal={false} allowNegative={false} w={120}
                description="涉密公文逐份编号" inputWrapperOrder={['label', 'input', 'description', 'error']} error={fieldError(issue.error, 'firstCopyNumber')} />
            )}
          </Group>
          <Textarea label="分送范围" value={distribution} onChange={(e) => setDistribution(e.currentTarget.value)} autosize minRows={2} maxRows={5}
            maxLength={2000} error={fieldError(issue.error, 'distribution')} />
          <Group>
            <Button loading={issue.busy} disabled={!issuedOn || copies === '' || !distribution.trim()}
              onClick={() => void (issue.mutate({
                id: doc.id, issuedOn: issuedOn!, copies: Number(copies), distribution: distribution.trim(),
                firstCopyNumber: classified && firstCopy !== '' ? Number(firstCopy) : null,
              }))}>印发</Button>
          </Group>
          {otherError(issue, ['issuedOn', 'copies', 'distribution', 'firstCopyNumber'])}
        </Step>
        <Divider />
        <Step title="核发" procedure="outgoing.dispatch" state={stateOf(!!doc.dispatchedOn, !!doc.issued && !doc.dispatchedOn)} waiting="印发后核发。"
          done={<Text size="sm">{formatDate(doc.dispatchedOn)}核发</Text>}>
          <Group gap="sm" align="flex-end">
            <OfficeDateInput label="核发日期" value={dispatchedOn} onChange={setDispatchedOn} w={170} maxDate={todayIso()}
              minDate={doc.issued?.on ?? undefined} error={fieldError(dispatch.error, 'dispatchedOn')} />
            <Button onClick={() => void (dispatch.mutate({ id: doc.id, dispatchedOn: dispatchedOn! }))} loading={dispatch.busy}
              disabled={!dispatchedOn}>核发</Button>
          </Group>
          {otherError(dispatch, ['dispatchedOn'])}
        </Step>
      </Stack>
    </Section>
  )
}
