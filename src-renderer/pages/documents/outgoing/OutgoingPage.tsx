import { useEffect, useRef, useState } from 'react'
import { Alert, Anchor, Badge, Button, Group, Input, Paper, Stack, Stepper, Text, Title } from '@mantine/core'
import { useMutation, useQuery } from '../../../api/client'
import { ErrorAlert, Feedback } from '../../../components/Feedback'
import { fieldError } from '../../../components/FormModal'
import { Loading } from '../../../components/Loading'
import { RuleBadge } from '../../../components/RuleBadge'
import { Section } from '../../../components/Section'
import { formatDate, formatDateTime, todayIso } from '../../../lib/format'
import { hrefOf } from '../../../lib/route'
import { DraftFields } from './DraftFields'
import { Exports } from './Exports'
import { FilesPanel, attachmentList } from './FilesPanel'
import { IssuePanel } from './IssuePanel'
import { ReviewPanel } from './ReviewPanel'
import { SignOffPanel } from './SignOffPanel'
import { DRAFT_FIELDS, OUTGOING_CHANGES, STATUS_COLOR, STEPS, activeStep, draftOf, inputOf, sameDraft, statusText, type DraftState, type Outgoing } from './model'
import { classificationMark } from '../../../../src-main/common/classification'
import { ReclassifyButton, ReclassifyDialog } from '../../../components/ReclassifyDialog'
import { useCan } from '../../../lib/session'
import { VoidButton, VoidDialog, VoidedAlert } from '../incoming/VoidDialog'
import { ReplyLinkPanel } from './ReplyLinkPanel'
import { OUTGOING_VOIDABLE } from '../../../../src-main/common/documents'
import { ATTACHMENT_LABEL, attachmentTexts } from '../../../../src-main/common/attachment-note'

/** What each step of the bar says once done. */
function stepDescription(doc: Outgoing, i: number): string {
  switch (STEPS[i]) {
    case '拟稿': return [doc.drafter, formatDate(todayIso(new Date(doc.createdAt)))].filter(Boolean).join(' ')
    case '核稿': return doc.reviews.length ? `${doc.reviews.length}/3 ${formatDate(doc.reviews.at(-1)!.reviewedOn)}` : ''
    case '签发': return doc.signed ? `${doc.signed.name ?? ''} ${formatDate(doc.signed.on)}` : ''
    case '编号': return doc.numberText ?? ''
    case '复核': return doc.checkedBy ?? ''
    case '印发': return doc.issued ? `${formatDate(doc.issued.on)} ${doc.issued.copies ?? ''}份` : ''
    case '核发': return doc.dispatchedOn ? formatDate(doc.dispatchedOn) : ''
    default: return ''
  }
}

/** One 发文: its header and progress, the draft (editable until signed), 核稿, 签发, 编号, 复核, 印发 and 核发. */
export function OutgoingPage({ id }: { id: number }) {
  const query = useQuery('outgoing.get', { id })
  const [draft, setDraft] = useState<DraftState | null>(null)
  const save = useMutation('outgoing.updateDraft', { invalidates: OUTGOING_CHANGES, success: '文稿已保存。' })
  const can = useCan()
  const [reclassifying, setReclassifying] = useState(false)
  const [voiding, setVoiding] = useState(false)

  // The editor follows the latest document unless it holds unsaved changes (a signed one is no longer edited). Unsaved
  // changes are measured against the document the editor was filled from, so a change made elsewhere (an uploaded Word
  // body) is taken; a Word body always comes from the document, it is not edited here.
  const doc = query.data
  const baseRef = useRef<DraftState | null>(null)
  const draftRef = useRef(draft)
  draftRef.current = draft
  useEffect(() => {
    if (!doc) return
    const current = draftRef.current
    const dirtyNow = !!(current && baseRef.current && !sameDraft(baseRef.current, current))
    if (!dirtyNow || !doc.canEdit) setDraft(draftOf(doc))
    else if (doc.bodyFromFile) setDraft({ ...current!, body: doc.body })
    baseRef.current = draftOf(doc)
  }, [doc])

  if (!doc || !draft) return query.error ? <ErrorAlert error={query.error} /> : <Loading />

  const dirty = doc.canEdit && !sameDraft(draftOf(doc), draft)
  const status = statusText(doc.status, doc.dispatchedOn)
  const active = activeStep(doc)
  async function saveDraft() {
    // 密级 and 保密期限 are not the edit's to send: they change only by 定密变更.
    const { classification: _c, secrecyPeriod: _p, ...fields } = inputOf(draft!)
    const d = await save.mutate({ id: doc!.id, ...fields })
    if (d) setDraft(draftOf(d))
  }
  /** After a 定密变更 the editor keeps its unsaved text but takes the new 密级. */
  function reclassified(d: Outgoing) {
    setReclassifying(false)
    setDraft((x) => x && { ...x, classification: d.classification, secrecyPeriod: d.secrecyPeriod ?? '' })
  }
  const mark = classificationMark(doc.classification, doc.secrecyPeriod)
  const meta = [
    doc.docType, doc.issuer, mark ?? '', doc.urgency === '无' ? '' : doc.urgency,
    doc.draftingDepartmentName && `拟稿单位：${doc.draftingDepartmentName}`, doc.drafter && `拟稿人：${doc.drafter}`, doc.publicity,
  ].filter(Boolean).join('　')
  const unsaved = dirty ? '文稿有未保存的修改，请先保存，再继续办理。' : null

  return (
    <Stack gap="md">
      <Anchor href={hrefOf('documents/outgoing')} size="sm">← 返回发文登记簿</Anchor>
      <Paper withBorder radius="sm" p="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Group gap="xs" align="center">
              <Title order={2} size="h3">{doc.title}</Title>
              <Badge variant="light" radius="sm" color={STATUS_COLOR[status]} aria-label="状态">{status}</Badge>
              {dirty && <Badge variant="light" color="orange" radius="sm">有未保存的修改</Badge>}
            </Group>
            <Group gap={6} mt={6}>
              <Text size="md" fw={doc.numberText ? 600 : undefined} c={doc.numberText ? undefined : 'dimmed'} aria-label="发文字号"
                style={{ fontVariantNumeric: 'tabular-nums' }}>
                {doc.numberText ?? '（签发后编号）'}
              </Text>
              <RuleBadge rule="X-1" />
            </Group>
            <Group gap={6} mt={4}>
              <Text size="sm" c="dimmed">{meta}</Text>
              <ReclassifyButton onClick={() => setReclassifying(true)} />
            </Group>
            {doc.reclassifications.map((r) => (
              <Text key={r.id} size="xs" c="dimmed" mt={2} aria-label="定密变更记录">{r.when}　{r.text}　{r.by}</Text>
            ))}
          </div>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <VoidButton kind="发文" voidable={OUTGOING_VOIDABLE.includes(doc.status)} onClick={() => setVoiding(true)} />
            <Exports doc={doc} />
          </Group>
        </Group>
        <Stepper active={active} size="xs" mt="md" allowNextStepsSelect={false} aria-label="办理进度">
          {STEPS.map((s, i) => <Stepper.Step key={s} label={s} description={i < active ? stepDescription(doc, i) : undefined} />)}
        </Stepper>
        {doc.nextStep && (
          <Text size="sm" mt="sm" role="status" aria-label="下一步">下一步：{doc.nextStep.step}</Text>
        )}
        <VoidedAlert voided={doc.voided} />
        {!doc.nextStep && !doc.voided && <Text size="sm" mt="sm" c="green.8">已办结：{formatDate(doc.dispatchedOn)}核发。</Text>}
      </Paper>

      {doc.canEdit && can('outgoing.updateDraft') ? (
        <Section title="文稿" description="签发之前可以修改（核稿时改动的，保存后再签发）。"
          actions={<Button size="xs" onClick={saveDraft} loading={save.busy} disabled={!dirty}>保存</Button>}>
          <Stack gap="sm">
            <DraftFields draft={draft} bodyFromFile={doc.bodyFromFile} error={save.error} onChange={(p) => setDraft({ ...draft, ...p })} classificationSlot={(
              <Input.Wrapper label="密级和保密期限" description="只能经定密变更改变" error={fieldError(save.error, 'classification')}>
                <Group gap={6} mt={4} wrap="nowrap">
                  <Text size="sm" fw={500}>{mark ?? '非涉密'}</Text>
                  <ReclassifyButton onClick={() => setReclassifying(true)} />
                </Group>
              </Input.Wrapper>
            )} />
            <Group justify="flex-end" gap="sm">
              {dirty && <Text size="sm" c="orange.8">有未保存的修改</Text>}
              <Button onClick={saveDraft} loading={save.busy} disabled={!dirty}>保存</Button>
            </Group>
            {(save.notice || (save.error && !DRAFT_FIELDS.some((f) => fieldError(save.error, f)))) && <Feedback state={save} />}
          </Stack>
        </Section>
      ) : (
        <SignedText doc={doc} />
      )}
      <FilesPanel doc={doc} />
      <ReplyLinkPanel doc={doc} />

      <ReviewPanel doc={doc} blockedBy={doc.voided ? '本件已作废，不再办理。' : unsaved} onChanged={save.reset} />
      <SignOffPanel doc={doc} blockedBy={doc.voided ? '本件已作废，不再办理。' : unsaved} onChanged={save.reset} />
      {!doc.voided && <IssuePanel doc={doc} />}
      <VoidDialog opened={voiding} kind="发文" record={{ id: doc.id, label: doc.numberText ?? `「${doc.title}」` }} onClose={() => setVoiding(false)} />
      <ReclassifyDialog opened={reclassifying} kind="发文" record={{ ...doc, label: doc.numberText ?? `「${doc.title}」` }}
        onClose={() => setReclassifying(false)} onDone={(d) => reclassified(d as unknown as Outgoing)} />
    </Stack>
  )
}

/** The signed text, read-only: 主送, 正文, 附件, 抄送, 附注. */
function SignedText({ doc }: { doc: Outgoing }) {
  const attachments = attachmentList(doc)
  return (
    <Section title="文稿" description={`${doc.editBlockedReason ? `${doc.editBlockedReason}。` : ''}拟稿于${formatDateTime(doc.createdAt)}。`}>
      <Stack gap="xs" aria-label="公文正文" role="article">
        {doc.addressee && <Text size="sm">{doc.addressee}：</Text>}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', textIndent: 0, lineHeight: 1.8 }}>{doc.body}</Text>
        {attachments.length > 0 && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {/* as the print: the later 附件 one a line, under the first (three full-width spaces are as wide as 附件：) */}
            {ATTACHMENT_LABEL + attachmentTexts(attachments).join('\n　　　')}
          </Text>
        )}
        {doc.cc && <Text size="sm" c="dimmed">抄送：{doc.cc}</Text>}
        {doc.note && <Text size="sm" c="dimmed">（{doc.note}）</Text>}
        {doc.countyDirective && <Alert color="gray" variant="light" py={4}><Group gap={6}><RuleBadge rule="R-D5" /><Text size="sm">向县（区）政府发布的指示性公文，文中已注明“经市政府同意”。</Text></Group></Alert>}
      </Stack>
    </Section>
  )
}
