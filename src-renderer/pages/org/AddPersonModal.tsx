import { useState } from 'react'
import { Group, Select, Text, TextInput } from '@mantine/core'
import { useMutation } from '../../api/client'
import { FormModal, fieldError } from '../../components/FormModal'
import { PersonFieldsInput, type PersonFields } from './PersonModal'
import { ORG_CHANGES, POST_KINDS, type Department, type PostKind } from './model'
import { cite } from '../../../src-main/common/rules'

const defaultKind = (d: Department): PostKind =>
  d.kind === '办公室内设' ? '工作人员' : '其他'

/** 添加人员: a new person and their post in the chosen department, in one step. */
export function AddPersonModal({ department, onClose, onSaved }: { department: Department; onClose: () => void; onSaved: (name: string) => void }) {
  const [fields, setFields] = useState<PersonFields>({ name: '', officePhone: '', mobile: '' })
  const [title, setTitle] = useState('')
  const [kind, setKind] = useState<PostKind>(defaultKind(department))
  const add = useMutation('org.addPersonToDepartment', { invalidates: ORG_CHANGES })

  async function submit() {
    const saved = await add.mutate({ departmentId: department.id, ...fields, title, kind })
    if (saved) onSaved(saved.person.name)
  }

  return (
    <FormModal opened title={`添加人员：${department.name}`} onClose={onClose} onSubmit={submit} busy={add.busy} error={add.error}
      fields={['name', 'officePhone', 'mobile', 'title', 'kind']}>
      <PersonFieldsInput value={fields} onChange={setFields} error={add.error} autoFocus />
      <Group grow gap="sm" align="flex-start">
        <TextInput label="职务" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={fieldError(add.error, 'title')} placeholder="如 副局长" maxLength={40} />
        <Select label="岗位类别" required data={POST_KINDS} value={kind} onChange={(v) => v && setKind(v as PostKind)} allowDeselect={false} error={fieldError(add.error, 'kind')} />
      </Group>
      <Text size="xs" c="dimmed">单位的局长、主任等主要负责人请选“部门主要负责人”（县区选“县区主要负责人”）：其离开本市须按{cite('R-P5')}请假。副职及其他人员选“其他”。</Text>
    </FormModal>
  )
}
