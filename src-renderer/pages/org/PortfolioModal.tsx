import { useMemo, useState } from 'react'
import { MultiSelect, Text, Textarea } from '@mantine/core'
import { useMutation } from '../../api/client'
import { FormModal, fieldError } from '../../components/FormModal'
import { departmentOptions } from './PostModal'
import { ORG_CHANGES, type OrgOverview, type Post } from './model'

/** 分管: a leader's areas in words and the departments under the post (R-P1). */
export function PortfolioModal({ org, post, onClose, onSaved }: { org: OrgOverview; post: Post; onClose: () => void; onSaved: () => void }) {
  const [portfolio, setPortfolio] = useState(post.portfolio ?? '')
  const [departmentIds, setDepartmentIds] = useState<number[]>(post.departmentIds)
  const save = useMutation('org.setPortfolio', { invalidates: ORG_CHANGES })
  const options = useMemo(() => departmentOptions(org), [org])
  // Departments this post would take over from another leader, named so nobody is surprised.
  const takenOver = org.departments.filter((d) => departmentIds.includes(d.id) && d.supervisorPostId !== null && d.supervisorPostId !== post.id)

  async function submit() {
    if ((await save.mutate({ postId: post.id, portfolio, departmentIds })) !== undefined) onSaved()
  }

  return (
    <FormModal opened size="lg" title={`分管：${post.title} ${post.holderName ?? ''}`} onClose={onClose} onSubmit={submit} busy={save.busy} error={save.error}
      fields={['portfolio', 'departmentIds']}>
      <Textarea label="分管领域" value={portfolio} onChange={(e) => setPortfolio(e.currentTarget.value)} autosize minRows={2} maxRows={5}
        error={fieldError(save.error, 'portfolio')} placeholder="如：分管发展改革、财政、审计" data-autofocus />
      <MultiSelect<number> label="分管单位" data={options} value={departmentIds} onChange={setDepartmentIds} searchable clearable hidePickedOptions
        nothingFoundMessage="没有符合的单位" maxDropdownHeight={300} error={fieldError(save.error, 'departmentIds')} />
      {takenOver.length > 0 && (
        <Text size="xs" c="orange.8">保存后以下单位改由本岗位分管：{takenOver.map((d) => `${d.name}（原${d.supervisor ?? ''}）`).join('、')}</Text>
      )}
    </FormModal>
  )
}
