import { useMemo, useState } from 'react'
import { Checkbox, Group, Input, Select, Text, TextInput } from '@mantine/core'
import { useMutation } from '../../api/client'
import { FormModal, fieldError } from '../../components/FormModal'
import { PersonSelect } from '../../components/PersonSelect'
import { ORG_CHANGES, DEPARTMENT_KIND_LABEL, DEPARTMENT_KINDS, POST_KINDS, type OrgOverview, type Post, type PostKind } from './model'
import { cite } from '../../../src-main/common/rules'

export function departmentOptions(org: OrgOverview) {
  return DEPARTMENT_KINDS.map((k) => ({
    group: DEPARTMENT_KIND_LABEL[k],
    items: org.departments.filter((d) => d.kind === k).map((d) => ({ value: d.id, label: d.name })),
  })).filter((g) => g.items.length > 0)
}

/** 新增岗位 / 编辑岗位: title, kind, department, holder; 负责常务工作 for a 副市长 (R-P1). */
export function PostModal({ org, post, departmentId = null, defaultKind = '其他', onClose, onSaved }: {
  org: OrgOverview
  post: Post | null
  departmentId?: number | null
  defaultKind?: PostKind
  onClose: () => void
  onSaved: () => void
}) {
  const [title, setTitle] = useState(post?.title ?? '')
  const [kind, setKind] = useState<PostKind>(post?.kind ?? defaultKind)
  const [dept, setDept] = useState<number | null>(post ? post.departmentId : departmentId)
  const [holderId, setHolderId] = useState<number | null>(post?.holderId ?? null)
  const [isExecutive, setExecutive] = useState(post?.isExecutive ?? false)
  const save = useMutation('org.savePost', { invalidates: ORG_CHANGES })
  const departments = useMemo(() => departmentOptions(org), [org])

  async function submit() {
    const saved = await save.mutate({
      ...(post ? { id: post.id } : { holderId }), title, kind, departmentId: dept,
      isExecutive: kind === '副市长' ? isExecutive : false,
    })
    if (saved) onSaved()
  }

  return (
    <FormModal opened title={post ? `编辑岗位：${post.title}` : '新增岗位'} onClose={onClose} onSubmit={submit} busy={save.busy} error={save.error}
      fields={['title', 'kind', 'departmentId', 'holderId', 'isExecutive']}>
      <Group grow gap="sm" align="flex-start">
        <TextInput label="职务" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={fieldError(save.error, 'title')} data-autofocus maxLength={40} />
        <Select label="岗位类别" required data={POST_KINDS} value={kind} onChange={(v) => v && setKind(v as PostKind)} allowDeselect={false} error={fieldError(save.error, 'kind')} />
      </Group>
      <Select<number> label="所在单位" data={departments} value={dept} onChange={setDept} searchable clearable placeholder="无（市政府领导岗位不属于单位）"
        nothingFoundMessage="没有符合的单位" error={fieldError(save.error, 'departmentId')} />
      {post ? (
        // A holder changes from a date, with its basis (任职变更), so the days before keep who held the post then.
        <Input.Wrapper label="任职人员">
          <Text size="sm">{post.holderName ?? '（空缺）'}<Text span size="xs" c="dimmed">　更换任职人员请用“任职变更”，登记生效日期和依据</Text></Text>
        </Input.Wrapper>
      ) : (
        <PersonSelect org={org} scope="all" label="任职人员" value={holderId} onChange={setHolderId} clearable placeholder="空缺" error={fieldError(save.error, 'holderId')} />
      )}
      {kind === '副市长' && (
        <Checkbox label={`负责常务工作（常务副市长；市长外出时代行市长职责，${cite('R-P2')}）`} checked={isExecutive} onChange={(e) => setExecutive(e.currentTarget.checked)}
          error={fieldError(save.error, 'isExecutive')} />
      )}
    </FormModal>
  )
}
