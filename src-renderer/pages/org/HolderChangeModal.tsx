import { useState } from 'react'
import { Text, TextInput } from '@mantine/core'
import { useMutation } from '../../api/client'
import { FormModal, fieldError } from '../../components/FormModal'
import { OfficeDateInput } from '../../components/OfficeDateInput'
import { PersonSelect } from '../../components/PersonSelect'
import { formatDate, todayIso } from '../../lib/format'
import { ORG_CHANGES, postTitle, type OrgOverview, type Post } from './model'

/**
 * 任职变更 (R-P1 turnover): from the date on, the post is held by someone else or vacant. The days before keep their
 * holder, so past minutes, 批示, signatures and rosters still name who held the post then.
 */
export function HolderChangeModal({ org, post, onClose, onSaved }: { org: OrgOverview; post: Post; onClose: () => void; onSaved: () => void }) {
  const today = todayIso()
  const [personId, setPersonId] = useState<number | null>(null)
  const [fromDate, setFromDate] = useState<string | null>(today)
  const [reason, setReason] = useState('')
  const change = useMutation('org.changeHolder', { invalidates: ORG_CHANGES })

  async function submit() {
    const done = await change.mutate({ postId: post.id, personId, fromDate: fromDate ?? '', reason })
    if (done !== undefined) onSaved()
  }

  return (
    <FormModal opened title={`任职变更：${postTitle(post)}`} onClose={onClose} onSubmit={submit} busy={change.busy} error={change.error}
      submitLabel="登记变更" fields={['personId', 'fromDate', 'reason']}>
      <Text size="sm">现任：{post.holderName ?? '（空缺）'}。登记后，生效日期以前的会议、纪要、批示和签发仍记为原任职人员。</Text>
      <PersonSelect org={org} scope="all" label="新任职人员" value={personId} onChange={setPersonId} clearable exclude={post.holderId ? [post.holderId] : []}
        placeholder="不选则自生效日期起空缺" error={fieldError(change.error, 'personId')} data-autofocus />
      <OfficeDateInput label="生效日期" required value={fromDate} onChange={setFromDate} maxDate={today}
        description={`到任或离任的当天，最晚为今天（${formatDate(today)}）`} error={fieldError(change.error, 'fromDate')} />
      <TextInput label="任职依据" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={200}
        placeholder="如 市人大常委会第十次会议任命" error={fieldError(change.error, 'reason')} />
    </FormModal>
  )
}
