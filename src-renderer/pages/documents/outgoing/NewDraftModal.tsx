import { useEffect, useState } from 'react'
import { Select, Text, TextInput } from '@mantine/core'
import { ApiError, useMutation, useQuery } from '../../../api/client'
import { FormModal } from '../../../components/FormModal'
import { DraftFields } from './DraftFields'
import { OUTGOING_CHANGES, DRAFT_FIELDS, emptyDraft, fillTitle, fromTemplate, inputOf, type DraftState, type Outgoing } from './model'
import { DOCUMENT_TYPES } from '../../../../src-main/common/documents'
import { cite } from '../../../../src-main/common/rules'

/**
 * 拟稿: choose the 文种; its template fills the title pattern, 主送, the body skeleton, the series, the
 * sign-off category, the direction and the publicity; the drafter edits everything. No number yet.
 */
export function NewDraftModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (doc: Outgoing) => void }) {
  const templates = useQuery('outgoing.templates', opened ? {} : null)
  const [draft, setDraft] = useState<DraftState>(emptyDraft)
  const [subject, setSubject] = useState('')
  const [missing, setMissing] = useState<ApiError | null>(null)
  const create = useMutation('outgoing.draft', { invalidates: OUTGOING_CHANGES })

  const template = templates.data?.find((t) => t.docType === draft.docType)
  // A fresh form each time it opens, from the 通知 template.
  useEffect(() => {
    if (!opened) return
    setSubject(''); setMissing(null); create.reset()
    const t = templates.data?.find((x) => x.docType === '通知') ?? templates.data?.[0]
    setDraft(t ? fromTemplate(emptyDraft(), t, '') : emptyDraft())
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, templates.data])

  function chooseType(docType: DraftState['docType']) {
    setMissing(null)
    const t = templates.data?.find((x) => x.docType === docType)
    setDraft(t ? fromTemplate(draft, t, subject) : { ...draft, docType })
  }
  function changeSubject(s: string) {
    setSubject(s)
    setMissing(null)
    if (template) setDraft({ ...draft, title: fillTitle(template.titlePattern, s) })
  }

  async function submit() {
    const need: [string, string] | null = draft.title.includes('{事由}') || !draft.title.trim() ? ['title', '「标题」请填写事由，或直接修改标题']
      : !draft.series ? ['series', '请选择发文字号序列']
      : null
    setMissing(need ? new ApiError({ code: 'VALIDATION', field: need[0], message: need[1] }) : null)
    if (need) return
    const doc = await create.mutate(inputOf(draft))
    if (doc) onCreated(doc)
  }

  const options = [
    { group: '有拟稿模板', items: (templates.data ?? []).map((t) => ({ value: t.docType, label: t.docType })) },
    { group: '其他文种', items: DOCUMENT_TYPES.filter((d) => !templates.data?.some((t) => t.docType === d)) },
  ]
  return (
    <FormModal opened={opened} title="拟稿" onClose={onClose} onSubmit={submit} busy={create.busy} error={missing ?? create.error}
      fields={[...DRAFT_FIELDS]} submitLabel="保存草稿" size={960}>
      <Text size="sm" c="dimmed">
        选择文种后按模板填入标题格式、主送机关、正文框架和结束语，请逐项修改。拟稿时不编发文字号：领导签发后再编号（{cite('X-1')}）。
      </Text>
      <DraftFields draft={draft} error={missing ?? create.error} onChange={(p) => { setMissing(null); setDraft({ ...draft, ...p }) }}
        docTypeSlot={(
          <Select label="文种" data={options} value={draft.docType} allowDeselect={false}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            description={template ? `用于${template.purpose}` : '没有模板，请自行拟写'}
            onChange={(v) => v && chooseType(v as DraftState['docType'])} />
        )}
        subjectSlot={template?.titlePattern.includes('{事由}') ? (
          <TextInput label="事由" value={subject} onChange={(e) => changeSubject(e.currentTarget.value)} maxLength={150}
            description={`填入标题“${template.titlePattern.replaceAll('{事由}', '……')}”的省略处`} placeholder="如：做好2027年元旦春节期间有关工作" />
        ) : null} />
    </FormModal>
  )
}
