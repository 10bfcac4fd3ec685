import { useEffect, useState } from 'react'
import { MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, TextInput } from '@mantine/core'
import { useMutation, useQuery } from '../../../api/client'
import { FormModal, fieldError } from '../../../components/FormModal'
import { thisYear } from '../../../lib/format'
import type { ProposalRow } from './ProposalsTab'
import { isLeaderKind } from '../../../../src-main/common/org'
import { PROPOSAL_KINDS, bareProposalNumber, proposalNumberText } from '../../../../src-main/common/documents'
import { OfficeDateInput } from '../../../components/OfficeDateInput'

/** Hints under the field, so fields side by side stay level. */
const BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error']

/**
 * 登记 or 修改 a 人大代表建议 / 政协提案 (R-D8): number (typed any way, shown as it will print), title, proposer, one 主办
 * and any 会办 units, the leading leader — by default the 主办's 分管 leader, named under the field — and the deadline.
 */
export function ProposalModal({ opened, row, onClose, onSaved }: { opened: boolean; row: ProposalRow | null; onClose: () => void; onSaved: () => void }) {
  const org = useQuery('org.overview', {})
  const save = useMutation('proposals.save', { invalidates: ['proposals.list', 'proposals.counts'] })
  const [kind, setKind] = useState<ProposalRow['kind']>('人大代表建议')
  const [year, setYear] = useState<number>(thisYear())
  const [number, setNumber] = useState('')
  const [title, setTitle] = useState('')
  const [proposer, setProposer] = useState('')
  const [departmentId, setDepartmentId] = useState<string | null>(null)
  const [coDepartmentIds, setCoDepartmentIds] = useState<string[]>([])
  const [leaderPostId, setLeaderPostId] = useState<string | null>(null)
  const [deadline, setDeadline] = useState<string | null>(null)
  const { reset } = save
  useEffect(() => {
    if (!opened) return
    setKind(row?.kind ?? '人大代表建议'); setYear(row?.year ?? thisYear()); setNumber(row?.number ?? ''); setTitle(row?.title ?? '')
    setProposer(row?.proposer ?? ''); setDepartmentId(row?.departmentId ? String(row.departmentId) : null)
    setCoDepartmentIds((row?.coDepartments ?? []).map((d) => String(d.id)))
    // A leader taken by default stays “not chosen”, so it follows the 主办 if that changes.
    setLeaderPostId(row?.leader && !row.leader.byDefault ? String(row.leader.postId) : null); setDeadline(row?.deadline ?? null); reset()
  }, [opened, row, reset])

  const names = new Map((org.data?.people ?? []).map((p) => [p.id, p.name]))
  const leaders = (org.data?.posts ?? []).filter((p) => isLeaderKind(p.kind)).map((p) => ({ value: String(p.id), label: `${p.title} ${p.holderId ? names.get(p.holderId) ?? '' : '（空缺）'}` }))
  const departments = (org.data?.departments ?? []).map((d) => ({ value: String(d.id), label: d.name }))
  const host = (org.data?.departments ?? []).find((d) => String(d.id) === departmentId)
  const defaultLeader = !departmentId ? '不选则为主办单位的分管领导' : host?.supervisor ? `不选则为主办单位的分管领导：${host.supervisor}` : '主办单位未设分管领导，请选择'
  const bare = bareProposalNumber(number)
  const err = (f: string) => fieldError(save.error, f)
  const submit = async () => {
    const ok = await save.mutate({
      id: row?.id, kind, year, number, title, proposer, departmentId: Number(departmentId) || 0, coDepartmentIds: coDepartmentIds.map(Number),
      leaderPostId: leaderPostId ? Number(leaderPostId) : null, deadline: deadline ?? '',
    })
    if (ok) onSaved()
  }
  return (
    <FormModal opened={opened} title={row ? '修改建议提案' : '登记建议提案'} onClose={onClose} onSubmit={submit} busy={save.busy} error={save.error}
      fields={['number', 'title', 'proposer', 'departmentId', 'coDepartmentIds', 'deadline']} size="lg">
      <SegmentedControl data={[...PROPOSAL_KINDS]} value={kind} onChange={(v) => setKind(v as ProposalRow['kind'])} />
      <SimpleGrid cols={2} spacing="sm">
        <NumberInput label="年度" value={year} onChange={(v) => setYear(Number(v) || 0)} min={2000} max={2100} allowDecimal={false} required />
        <TextInput label="编号" placeholder="如 3-028" value={number} onChange={(e) => setNumber(e.currentTarget.value)} error={err('number')} required
          description={bare ? `将登记为：${proposalNumberText(year, bare)}` : '只填编号本身，“第…号”可写可不写'} inputWrapperOrder={BELOW} />
      </SimpleGrid>
      <TextInput label="标题" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={err('title')} required />
      <TextInput label="提出人" placeholder="代表（委员）姓名，联名的用顿号分隔" value={proposer} onChange={(e) => setProposer(e.currentTarget.value)} error={err('proposer')} required />
      <SimpleGrid cols={2} spacing="sm">
        <Select label="主办单位" searchable data={departments} value={departmentId} onChange={setDepartmentId} error={err('departmentId')} required />
        <Select label="牵头市领导" clearable data={leaders} value={leaderPostId} onChange={setLeaderPostId} description={defaultLeader}
          placeholder="默认" inputWrapperOrder={BELOW} />
      </SimpleGrid>
      <MultiSelect label="会办单位" searchable clearable data={departments.filter((d) => d.value !== departmentId)} value={coDepartmentIds}
        onChange={setCoDepartmentIds} error={err('coDepartmentIds')} placeholder={coDepartmentIds.length ? '' : '可选多个，没有则不选'} />
      <OfficeDateInput label="办理时限" value={deadline} onChange={setDeadline} error={err('deadline')} required placeholder="选择日期" w={220} />
    </FormModal>
  )
}
