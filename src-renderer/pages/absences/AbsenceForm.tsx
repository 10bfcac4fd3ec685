import { useEffect, useState } from 'react'
import { Alert, Group, Input, SegmentedControl, Text, TextInput, Textarea } from '@mantine/core'
import { api, ApiError, useMutation, type OutputOf } from '../../api/client'
import { FormModal, fieldError } from '../../components/FormModal'
import { RuleBadge } from '../../components/RuleBadge'
import { PeopleMultiSelect, PersonSelect } from '../../components/PersonSelect'
import { principalPostOf, type OrgOverview, type PostKind } from '../org/model'
import { ABSENCE_CHANGES, ABSENCE_KINDS, APPROVAL_STATES, periodText, type AbsenceKind, type AbsenceRow, type ActingAnswer, type ApprovalState } from './model'
import { OfficeDateInput } from '../../components/OfficeDateInput'
import { cite } from '../../../src-main/common/rules'

export type SaveResult = OutputOf<'absences.save'> & { personName: string; startDate: string; endDate: string; kind: AbsenceKind; isNew: boolean }

/** What 第七十六条 asks of each kind of post (R-P5), shown while the form is filled in. */
const REPORTING_HINT: Partial<Record<PostKind, string>> = {
  市长: `市长外出无须向上报告或审批（${cite('R-P5')}）；由常务副市长代行（${cite('R-P2')}），外出情况及代行人报办公室备案。`,
  副市长: `副市长离开本市应事先报告市长或常务副市长（常务副市长报告市长）；休假、因私须经市长批准；代行人报办公室备案（${cite('R-P5')}）。`,
  秘书长: `秘书长离开本市应事先报告市长或常务副市长；休假、因私须经市长批准；代行人报办公室备案（${cite('R-P5')}）。`,
  部门主要负责人: `部门主要负责人离开本市应向市长和分管副市长请假，抄送办公室（${cite('R-P5')}）。`,
  县区主要负责人: `县（区）主要负责人离开本市应向市长报告（${cite('R-P5')}）。`,
}


/** 登记外出 / 修改外出: the absence, whom it was reported to, the approval and who acts meanwhile. */
export function AbsenceForm({ org, absence, defaultMonth, onClose, onSaved }: {
  org: OrgOverview
  absence: AbsenceRow | null
  /** The month the calendars open on ('YYYY-MM'). */
  defaultMonth: string
  onClose: () => void
  onSaved: (result: SaveResult) => void
}) {
  const [personId, setPersonId] = useState<number | null>(absence?.personId ?? null)
  const [kind, setKind] = useState<AbsenceKind>(absence?.kind ?? '出差')
  const [startDate, setStart] = useState<string | null>(absence?.startDate ?? null)
  const [endDate, setEnd] = useState<string | null>(absence?.endDate ?? null)
  const [destination, setDestination] = useState(absence?.destination ?? '')
  const [reason, setReason] = useState(absence?.reason ?? '')
  const [reportedTo, setReportedTo] = useState<number[]>(absence?.reportedTo ?? [])
  const [approval, setApproval] = useState<ApprovalState>(absence?.approval ?? '待批')
  const [approvedById, setApprovedBy] = useState<number | null>(absence?.approvedById ?? null)
  const [approvedOn, setApprovedOn] = useState<string | null>(absence?.approvedOn ?? null)
  const [actingPersonId, setActing] = useState<number | null>(absence?.actingPersonId ?? null)
  // Once staff choose the acting person themselves (or it was filed before), the rules no longer overwrite it.
  const [actingChosen, setActingChosen] = useState(absence !== null)
  const [note, setNote] = useState(absence?.note ?? '')
  const [proposal, setProposal] = useState<ActingAnswer | null>(null)
  const save = useMutation('absences.save', { invalidates: ABSENCE_CHANGES })
  // Missing choices are caught here, in the form's words, before the server is asked.
  const [missing, setMissing] = useState<ApiError | null>(null)
  const error = missing ?? save.error

  // Who the rules would name (R-P2, R-P3) for the chosen person on the first day.
  useEffect(() => {
    if (!personId || !startDate) { setProposal(null); return }
    let live = true
    api.call('absences.proposeActing', { personId, kind, date: startDate }).then(
      (answer) => {
        if (!live) return
        setProposal(answer)
        if (!actingChosen) setActing(answer?.actorId ?? null)
      },
      () => { if (live) setProposal(null) },
    )
    return () => { live = false }
  }, [personId, kind, startDate, actingChosen])

  const post = personId ? principalPostOf(org, personId) : undefined
  const hint = post ? REPORTING_HINT[post.kind] : undefined
  // The 市长 reports to nobody above (R-P5): no 报告对象 or 审批 to fill in.
  const reportsUp = post?.kind !== '市长'
  const personName = org.people.find((p) => p.id === personId)?.name ?? ''

  async function submit() {
    const need = !personId ? ['personId', '请选择外出人员'] : !startDate ? ['startDate', '请选择开始日期'] : !endDate ? ['endDate', '请选择结束日期'] : null
    setMissing(need ? new ApiError({ code: 'VALIDATION', field: need[0], message: need[1] }) : null)
    if (need) return
    const result = await save.mutate({
      ...(absence ? { id: absence.id } : {}),
      personId: personId ?? 0,
      kind,
      startDate: startDate ?? '',
      endDate: endDate ?? '',
      destination, reason, reportedTo, approval,
      approvedById: approval === '待批' ? null : approvedById,
      approvedOn: approval === '待批' ? null : approvedOn,
      actingPersonId, note,
    })
    if (result) onSaved({ ...result, personName, startDate: startDate!, endDate: endDate!, kind, isNew: !absence })
  }

  return (
    <FormModal opened size={720} title={absence ? `修改外出：${absence.personName ?? ''}` : '登记外出'} onClose={onClose} onSubmit={submit}
      busy={save.busy} error={error} submitLabel={absence ? '保存' : '登记'}
      fields={['personId', 'kind', 'startDate', 'endDate', 'destination', 'reason', 'reportedTo', 'approval', 'approvedById', 'approvedOn', 'actingPersonId', 'note']}>
      <Group grow gap="sm" align="flex-start">
        <PersonSelect org={org} scope="absentees" label="外出人员" required value={personId} onChange={setPersonId}
          placeholder="输入姓名或职务查找" error={fieldError(error, 'personId')} data-autofocus openOnFocus={false} />
        <Input.Wrapper label="类别" required error={fieldError(error, 'kind')}>
          <SegmentedControl fullWidth data={ABSENCE_KINDS} value={kind} onChange={(v) => setKind(v as AbsenceKind)} size="sm" />
        </Input.Wrapper>
      </Group>
      <Group grow gap="sm" align="flex-start">
        <OfficeDateInput label="开始日期" required value={startDate}
          defaultDate={startDate ?? `${defaultMonth}-01`} placeholder="选择日期" error={fieldError(error, 'startDate')}
          onChange={(d) => { setStart(d); if (d && (!endDate || endDate < d)) setEnd(d) }} />
        <OfficeDateInput label="结束日期" required value={endDate}
          defaultDate={endDate ?? startDate ?? `${defaultMonth}-01`} minDate={startDate ?? undefined} placeholder="选择日期"
          error={fieldError(error, 'endDate')} onChange={setEnd} />
        <Input.Wrapper label="天数">
          <Text size="sm" pt={6} c="dimmed">{startDate && endDate && endDate >= startDate ? periodText(startDate, endDate) : '—'}</Text>
        </Input.Wrapper>
      </Group>
      <Group grow gap="sm" align="flex-start">
        <TextInput label="外出地点" value={destination} onChange={(e) => setDestination(e.currentTarget.value)} error={fieldError(error, 'destination')} placeholder="如 北京、德国法兰克福" />
        <TextInput label="事由" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError(error, 'reason')} placeholder="如 参加全省经济工作会议" />
      </Group>
      <div>
        {reportsUp && <PeopleMultiSelect org={org} scope="leaders" label="报告/请示对象" value={reportedTo} onChange={setReportedTo} exclude={personId ? [personId] : []}
          placeholder={reportedTo.length ? undefined : '向谁报告或请假'} error={fieldError(error, 'reportedTo')} />}
        {hint && <Text size="xs" c="dimmed" mt={4}>{hint}</Text>}
      </div>
      {reportsUp && <Group gap="sm" align="flex-start" grow>
        <Input.Wrapper label="审批" error={fieldError(error, 'approval')}>
          <SegmentedControl fullWidth data={APPROVAL_STATES} value={approval} onChange={(v) => setApproval(v as ApprovalState)} size="sm" />
        </Input.Wrapper>
        <PersonSelect org={org} scope="leaders" label="批准人" value={approvedById} onChange={setApprovedBy} clearable disabled={approval === '待批'}
          required={approval === '已批准'} placeholder={approval === '待批' ? '审批后填写' : '选择领导'} exclude={personId ? [personId] : []}
          error={fieldError(error, 'approvedById')} />
        <OfficeDateInput label="审批日期" value={approvedOn} onChange={setApprovedOn}
          disabled={approval === '待批'} clearable placeholder={approval === '待批' ? '—' : '不填为今天'} error={fieldError(error, 'approvedOn')} />
      </Group>}
      <div>
        <PersonSelect org={org} scope="all" label="代行人" value={actingPersonId} clearable exclude={personId ? [personId] : []}
          onChange={(v) => { setActing(v); setActingChosen(true) }} placeholder="外出期间代行其职责的领导"
          error={fieldError(error, 'actingPersonId')} />
        <ProposalLine proposal={proposal} chosen={actingPersonId} onUse={(id) => { setActing(id); setActingChosen(true) }} />
      </div>
      <Textarea label="备注" value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} maxRows={3} error={fieldError(error, 'note')} />
    </FormModal>
  )
}

/** "按规则：李建国 R-P2 …" under the acting field; a one-click way back to the rules' answer. */
function ProposalLine({ proposal, chosen, onUse }: { proposal: ActingAnswer | null; chosen: number | null; onUse: (id: number) => void }) {
  if (!proposal) return null
  const reason = proposal.reason
  if (!proposal.actorId) {
    return <Alert color="orange" variant="light" py={4} px="xs" mt={4}><Text size="xs">按规则：{reason}</Text></Alert>
  }
  const differs = chosen !== proposal.actorId
  return (
    <Group gap={6} mt={4} wrap="nowrap" align="flex-start" aria-label="按规则的代行人">
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>按规则：</Text>
      <Text size="xs" fw={600} style={{ whiteSpace: 'nowrap' }}>{proposal.actorName}</Text>
      {proposal.rule && <RuleBadge rule={proposal.rule} />}
      <Text size="xs" c="dimmed" lh={1.45}>
        {reason}
        {differs && <> <Text span size="xs" c="zhengwu.7" style={{ cursor: 'pointer', textDecoration: 'underline' }} role="button" tabIndex={0}
          onClick={() => onUse(proposal.actorId!)} onKeyDown={(e) => { if (e.key === 'Enter') onUse(proposal.actorId!) }}>改用此人</Text></>}
      </Text>
    </Group>
  )
}
