import { useState } from 'react'
import { Group, Select, TextInput } from '@mantine/core'
import { useMutation } from '../../api/client'
import { FormModal, fieldError } from '../../components/FormModal'
import { ORG_CHANGES, DEPARTMENT_KIND_LABEL, DEPARTMENT_KINDS, leaderPosts, type Department, type DepartmentKind, type OrgOverview } from './model'

export function leaderPostOptions(org: OrgOverview, exclude: readonly number[] = []) {
  return leaderPosts(org).filter((p) => !exclude.includes(p.id)).map((p) => ({ value: p.id, label: `${p.title}　${p.holderName ?? '（空缺）'}` }))
}

/** 新增单位 / 编辑单位, with its 分管领导 (R-D3 routes documents by it). */
export function DepartmentModal({ org, department, onClose, onSaved }: { org: OrgOverview; department: Department | null; onClose: () => void; onSaved: (id: number) => void }) {
  const [name, setName] = useState(department?.name ?? '')
  const [kind, setKind] = useState<DepartmentKind>(department?.kind ?? '市政府部门')
  const [supervisorPostId, setSupervisor] = useState<number | null>(department?.supervisorPostId ?? null)
  const [phone, setPhone] = useState(department?.phone ?? '')
  const save = useMutation('org.saveDepartment', { invalidates: ORG_CHANGES })

  async function submit() {
    const saved = await save.mutate({ ...(department ? { id: department.id } : {}), name, kind, supervisorPostId, phone })
    if (saved) onSaved(saved.id)
  }

  return (
    <FormModal opened title={department ? `编辑单位：${department.name}` : '新增单位'} onClose={onClose} onSubmit={submit} busy={save.busy} error={save.error}
      fields={['name', 'kind', 'supervisorPostId', 'phone']}>
      <TextInput label="单位名称" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(save.error, 'name')} data-autofocus maxLength={40} />
      <Group grow gap="sm" align="flex-start">
        <Select label="单位类别" required data={DEPARTMENT_KINDS.map((k) => ({ value: k, label: DEPARTMENT_KIND_LABEL[k] }))} value={kind}
          onChange={(v) => v && setKind(v as DepartmentKind)} allowDeselect={false} error={fieldError(save.error, 'kind')} />
        <TextInput label="联系电话" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={fieldError(save.error, 'phone')} />
      </Group>
      <Select<number> label="分管领导" data={leaderPostOptions(org)} value={supervisorPostId} onChange={setSupervisor} clearable placeholder="未设置"
        error={fieldError(save.error, 'supervisorPostId')} />
    </FormModal>
  )
}
