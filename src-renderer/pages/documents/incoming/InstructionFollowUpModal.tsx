import { useEffect, useState } from 'react'
import { Select, Text, Textarea } from '@mantine/core'
import { useMutation } from '../../../api/client'
import { FormModal, fieldError } from '../../../components/FormModal'
import { formatDate } from '../../../lib/format'
import { byRank, isLeaderPost, postTitle, principalPostOf, type OrgOverview } from '../../org/model'
import { departmentOptions } from './RegisterModal'
import { INCOMING_CHANGES, type Incoming, type Instruction } from './model'
import { OfficeDateInput } from '../../../components/OfficeDateInput'

/** 批示转督办 (R-S1): the 批示 becomes a follow-up item with an owner department, a leader and a deadline. */
export function InstructionFollowUpModal({ opened, instruction, doc, org, onClose, onCreated }: {
  opened: boolean
  instruction: Instruction | null
  doc: Incoming
  org: OrgOverview | undefined
  onClose: () => void
  onCreated: () => void
}) {
  const create = useMutation('followups.fromInstruction', { invalidates: INCOMING_CHANGES, success: '已立项督办。' })
  const [task, setTask] = useState('')
  const [departmentId, setDepartmentId] = useState<string | null>(null)
  const [leaderPostId, setLeaderPostId] = useState<string | null>(null)
  const [deadline, setDeadline] = useState<string | null>(null)
  const { reset } = create
  useEffect(() => {
    if (!opened || !instruction) return
    reset()
    setTask(instruction.opinion ?? '')
    const host = doc.assignments.find((a) => a.role === '主办')?.departmentId ?? doc.senderDepartmentId
    setDepartmentId(host ? String(host) : null)
    const post = org ? principalPostOf(org, instruction.leaderId) : undefined
    setLeaderPostId(post ? String(post.id) : null)
    setDeadline(doc.assignments[0]?.deadline ?? doc.deadline ?? null)
  }, [opened, instruction, doc, org, reset])

  async function submit() {
    if (!instruction) return
    const ok = await create.mutate({
      instructionId: instruction.id, task, departmentId: Number(departmentId) || 0,
      leaderPostId: leaderPostId ? Number(leaderPostId) : null, deadline: deadline ?? '',
    })
    if (ok) onCreated()
  }
  const err = (f: string) => fieldError(create.error, f)
  const leaders = (org?.posts ?? []).filter(isLeaderPost).sort(byRank)
    .map((p) => ({ value: String(p.id), label: `${postTitle(p)} ${p.holderName ?? '（空缺）'}` }))

  return (
    <FormModal opened={opened} title="领导批示立项督办" onClose={onClose} onSubmit={submit} busy={create.busy} error={create.error}
      fields={['task', 'departmentId', 'deadline']} submitLabel="立项" size="lg">
      {instruction && (
        <Text size="sm">来源：{instruction.leaderName}{instruction.leaderTitle ?? ''}在《{doc.title}》上的批示（{formatDate(instruction.instructedOn)}）</Text>
      )}
      <Textarea label="督办事项" required autosize minRows={3} value={task} onChange={(e) => setTask(e.currentTarget.value)} error={err('task')} />
      <Select label="责任单位" required searchable data={departmentOptions(org)} value={departmentId} onChange={setDepartmentId} error={err('departmentId')}
        comboboxProps={{ withinPortal: true }} maxDropdownHeight={300} />
      <Select label="督办领导" clearable data={leaders} value={leaderPostId} onChange={setLeaderPostId} description="默认为作出批示的领导" />
      <OfficeDateInput label="办结时限" required value={deadline} onChange={setDeadline} error={err('deadline')} placeholder="选择日期" />
    </FormModal>
  )
}
