import { useState, type ChangeEvent } from 'react'
import { Group, TextInput, Textarea } from '@mantine/core'
import { useMutation } from '../../api/client'
import { FormModal, fieldError } from '../../components/FormModal'
import { ORG_CHANGES, type Person } from './model'

export interface PersonFields { name: string; officePhone: string; mobile: string }

/** 姓名, 办公电话, 手机: the same three fields wherever a person is entered. */
export function PersonFieldsInput({ value, onChange, error, autoFocus }: {
  value: PersonFields
  onChange: (v: PersonFields) => void
  error: Parameters<typeof fieldError>[0]
  autoFocus?: boolean
}) {
  const set = (k: keyof PersonFields) => (e: ChangeEvent<HTMLInputElement>) => onChange({ ...value, [k]: e.currentTarget.value })
  return (
    <>
      <TextInput label="姓名" required value={value.name} onChange={set('name')} error={fieldError(error, 'name')} data-autofocus={autoFocus || undefined} maxLength={20} />
      <Group grow gap="sm" align="flex-start">
        <TextInput label="办公电话" value={value.officePhone} onChange={set('officePhone')} error={fieldError(error, 'officePhone')} placeholder="如 028-26610000" />
        <TextInput label="手机" value={value.mobile} onChange={set('mobile')} error={fieldError(error, 'mobile')} placeholder="11位手机号" />
      </Group>
    </>
  )
}

/** 新增人员 / 编辑人员 (the person only; posts are edited on their own). */
export function PersonModal({ person, onClose, onSaved }: { person: Person | null; onClose: () => void; onSaved: () => void }) {
  const [fields, setFields] = useState<PersonFields>({ name: person?.name ?? '', officePhone: person?.officePhone ?? '', mobile: person?.mobile ?? '' })
  const [note, setNote] = useState(person?.note ?? '')
  const save = useMutation('org.savePerson', { invalidates: ORG_CHANGES })

  async function submit() {
    const saved = await save.mutate({ ...(person ? { id: person.id } : {}), ...fields, note })
    if (saved) onSaved()
  }

  return (
    <FormModal opened title={person ? `编辑人员：${person.name}` : '新增人员'} onClose={onClose} onSubmit={submit}
      busy={save.busy} error={save.error} fields={['name', 'officePhone', 'mobile', 'note']}>
      <PersonFieldsInput value={fields} onChange={setFields} error={save.error} autoFocus />
      <Textarea label="备注" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fieldError(save.error, 'note')} autosize minRows={2} maxRows={4} />
    </FormModal>
  )
}
