import { useEffect, useState } from 'react'
import { Select, Text, Textarea, TextInput } from '@mantine/core'
import { useMutation, useQuery } from '../../api/client'
import { FormModal, fieldError } from '../../components/FormModal'
import { isLeaderKind } from '../../../src-main/common/org'
import { FOLLOWUP_CHANGES } from './model'
import { OfficeDateInput } from '../../components/OfficeDateInput'

/** A 议定事项 of signed minutes to follow up; without it the item comes from a leader's instruction (领导批示). */
export interface DecisionSource { id: number; heading: string; text: string }

/** 立项督办 (R-S1): owner department, responsible leader and deadline, from a decision or an instruction. */
export function CreateFollowUpModal({ opened, decision, onClose, onCreated }: {
  opened: boolean
  decision?: DecisionSource | null
  onClose: () => void
  onCreated: () => void
}) {
  const org = useQuery('org.overview', {})
  const create = useMutation('followups.create', { invalidates: FOLLOWUP_CHANGES })
  const [sourceTitle, setSourceTitle] = useState('')
  const [task, setTask] = useState('')
  const [departmentId, setDepartmentId] = useState<string | null>(null)
  const [leaderPostId, setLeaderPostId] = useState<string | null>(null)
  const [deadline, setDeadline] = useState<string | null>(null)
  const { reset } = create
  useEffect(() => {
    if (!opened) return
    setSourceTitle(''); setTask(decision?.text ?? ''); setDepartmentId(null); setLeaderPostId(null); setDeadline(null); reset()
  }, [opened, decision, reset])

  // The leader defaults to the one whose portfolio covers the owner department (分管领导).
  const chooseDepartment = (v: string | null) => {
    setDepartmentId(v)
    const supervisor = org.data?.departments.find((d) => String(d.id) === v)?.supervisorPostId
    if (supervisor) setLeaderPostId(String(supervisor))
  }
  const submit = async () => {
    const ok = await create.mutate({
      decisionId: decision?.id ?? null, sourceTitle: decision ? null : sourceTitle, task,
      departmentId: Number(departmentId) || 0, leaderPostId: leaderPostId ? Number(leaderPostId) : null, deadline: deadline ?? '',
    })
    if (ok) onCreated()
  }
  const err = (f: string) => fieldError(create.error, f)
  const people = new Map((org.data?.people ?? []).map((p) => [p.id, p.name]))
  const leaders = (org.data?.posts ?? []).filter((p) => isLeaderKind(p.kind))
    .map((p) => ({ value: String(p.id), label: `${p.title}${p.holderId ? ` ${people.get(p.holderId) ?? ''}` : ''}` }))

  return (
    <FormModal opened={opened} title={decision ? '议定事项立项督办' : '领导批示立项督办'} onClose={onClose} onSubmit={submit}
      busy={create.busy} error={create.error} fields={['sourceTitle', 'task', 'departmentId', 'deadline']} submitLabel="立项" size="lg">
      {decision
        ? <Text size="sm">来源：纪要议定事项“{decision.heading}”</Text>
        : <TextInput label="来源（批示件标题）" required value={sourceTitle} onChange={(e) => setSourceTitle(e.currentTarget.value)} error={err('sourceTitle')}
            placeholder="如：张明远市长在《关于……的报告》上的批示" />}
      <Textarea label="督办事项" required autosize minRows={3} value={task} onChange={(e) => setTask(e.currentTarget.value)} error={err('task')} />
      <Select label="责任单位" required searchable data={(org.data?.departments ?? []).map((d) => ({ value: String(d.id), label: d.name }))}
        value={departmentId} onChange={chooseDepartment} error={err('departmentId')} />
      <Select label="督办领导" clearable data={leaders} value={leaderPostId} onChange={setLeaderPostId} description="默认为责任单位的分管领导" />
      <OfficeDateInput label="办结时限" required value={deadline} onChange={setDeadline} error={err('deadline')} placeholder="选择日期" />
    </FormModal>
  )
}
