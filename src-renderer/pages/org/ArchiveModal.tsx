import { useState } from 'react'
import { Text, TextInput } from '@mantine/core'
import { useMutation } from '../../api/client'
import { FormModal, fieldError } from '../../components/FormModal'
import { OfficeDateInput } from '../../components/OfficeDateInput'
import { todayIso } from '../../lib/format'
import { ORG_CHANGES, type Person } from './model'

/**
 * 归档 (staff leaving, 换届): the person leaves from the date; the posts they hold fall vacant from then and they vanish
 * from the pickers, while every roster, absence, meeting and document that names them keeps the name.
 */
export function ArchiveModal({ person, posts, onClose, onSaved }: { person: Person; posts: readonly string[]; onClose: () => void; onSaved: () => void }) {
  const today = todayIso()
  const [date, setDate] = useState<string | null>(today)
  const [reason, setReason] = useState('')
  const archive = useMutation('org.archivePerson', { invalidates: ORG_CHANGES })

  async function submit() {
    if (await archive.mutate({ id: person.id, date: date ?? '', reason })) onSaved()
  }

  return (
    <FormModal opened title={`离任归档：${person.name}`} onClose={onClose} onSubmit={submit} busy={archive.busy} error={archive.error}
      submitLabel="归档" fields={['date', 'reason']}>
      <Text size="sm">
        归档后{person.name}不再出现在选择人员的列表中；已有的值班表、外出、会议和公文记录仍保留其姓名。
        {posts.length > 0 && `所任${posts.join('、')}自离任日期起空缺，可再用“任职变更”登记继任人员。`}
      </Text>
      <OfficeDateInput label="离任日期" required value={date} onChange={setDate} maxDate={today} error={fieldError(archive.error, 'date')} data-autofocus />
      <TextInput label="离任原因" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={200}
        placeholder="如 调离市政府办公室、退休" error={fieldError(archive.error, 'reason')} />
    </FormModal>
  )
}
