import { useEffect, useState } from 'react'
import { Badge, Button, FileInput, Group, MultiSelect, NumberInput, Select, Stack, Table, Text, Textarea } from '@mantine/core'
import { ApiError, useMutation } from '../../../api/client'
import { FormModal, fieldError } from '../../../components/FormModal'
import { RuleBadge } from '../../../components/RuleBadge'
import { Section } from '../../../components/Section'
import { formatDate, todayIso } from '../../../lib/format'
import { useSession } from '../../../lib/session'
import { readUpload, type UploadedFile } from '../../../lib/upload'
import type { OrgOverview } from '../../org/model'
import { FileLink } from './FileLink'
import { departmentOptions } from './RegisterModal'
import { RuleRefusal, RuleWarning } from './RuleRefusal'
import { ACCEPT, INCOMING_CHANGES, type Assignment, type Incoming } from './model'
import { useCan } from '../../../lib/session'
import { OfficeDateInput } from '../../../components/OfficeDateInput'
import { TimingBadge } from '../../../components/TimingBadge'
import { DownloadButton } from '../../../components/DownloadButton'
import { ChaseModal, ChaseTable } from './ChaseModal'
import { urgencyText } from '../../../../src-main/common/documents'

/**
 * 承办 (R-D7, X-3): hand-off to one 主办 and any 协办 departments with a time limit in working days; each
 * department's feedback with its evidence; 催办 with its details, and the 催办通知单 to print for a unit that has not answered.
 */
export function HandlingPanel({ doc, org }: { doc: Incoming; org: OrgOverview | undefined }) {
  const [feedbackFor, setFeedbackFor] = useState<Assignment | null>(null)
  const [warnings, setWarnings] = useState<string[]>([])
  const [chasing, setChasing] = useState<{ assignmentId: number; department: string } | undefined>(undefined)
  const can = useCan()
  const assigning = can('incoming.assign') && doc.status === '批示中' && doc.location.step === '交办'
  if (!assigning && doc.assignments.length === 0) return null
  const open = can('incoming.feedback') && doc.status === '承办中'

  return (
    <Section title="承办" description={<span>交主办单位（及协办单位）办理，按工作日计时限，急件从快；承办单位反馈须附佐证材料 <RuleBadge rule="R-D7" /> <RuleBadge rule="X-3" /></span>}>
      <Stack gap="sm">
        {assigning && <AssignForm doc={doc} org={org} onAssigned={setWarnings} />}
        {warnings.map((w) => <RuleWarning key={w} text={w} />)}
        {doc.assignments.length > 0 && (
          <Table withTableBorder striped aria-label="承办单位">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>承办单位</Table.Th>
                <Table.Th w={160}>办理时限</Table.Th>
                <Table.Th w={110}>情况</Table.Th>
                <Table.Th>反馈</Table.Th>
                {open && <Table.Th w={150} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {doc.assignments.map((a) => (
                <Table.Tr key={a.id} aria-label={`${a.departmentName}（${a.role}）`}>
                  <Table.Td>
                    <Text size="sm">{a.departmentName}<Text span size="xs" c="dimmed">（{a.role}）</Text></Text>
                    {a.departmentPhone && <Text size="xs" c="dimmed">电话 {a.departmentPhone}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatDate(a.deadline)}</Text>
                    <Text size="xs" c="dimmed">{formatDate(a.assignedOn)}交办，{a.workingDays}个工作日</Text>
                  </Table.Td>
                  <Table.Td>
                    {!open && !a.feedbackOn
                      ? <Badge size="sm" radius="sm" variant="light" color="gray">未反馈</Badge>
                      : <TimingBadge timing={a.timing} />}
                    {a.chases > 0 && <Text size="xs" c="dimmed" mt={2}>已催办{a.chases}次</Text>}
                  </Table.Td>
                  <Table.Td>
                    {a.feedbackOn ? (
                      <Stack gap={2}>
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{a.feedback}</Text>
                        <Text size="xs" c="dimmed">{formatDate(a.feedbackOn)}反馈</Text>
                        {a.feedbackFile && <FileLink file={{ fileId: a.feedbackFileId!, name: a.feedbackFile.name, size: a.feedbackFile.size }} kind="佐证材料" />}
                      </Stack>
                    ) : <Text size="sm" c="dimmed">尚未反馈</Text>}
                  </Table.Td>
                  {open && <Table.Td>
                    {!a.feedbackOn && (
                      <Group gap={4} wrap="nowrap">
                        {can('incoming.chase') && <Button size="compact-xs" variant="light" color="orange" onClick={() => setChasing({ assignmentId: a.id, department: a.departmentName ?? '' })}>催办</Button>}
                        <Button size="compact-xs" variant="light" onClick={() => setFeedbackFor(a)}>登记反馈</Button>
                      </Group>
                    )}
                    {!a.feedbackOn && (
                      <DownloadButton name="incoming.exportChaseNoticeDocx" input={{ id: doc.id, assignmentId: a.id }} label="催办通知单" />
                    )}
                  </Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <ChaseModal doc={doc} target={chasing} onClose={() => setChasing(undefined)} onWarnings={setWarnings} />
      <FeedbackModal assignment={feedbackFor} onClose={() => setFeedbackFor(null)} onSaved={() => setFeedbackFor(null)} />
    </Section>
  )
}

/** 交办: one 主办 (the sending department by default), any 协办, working days by urgency (R-D7). */
function AssignForm({ doc, org, onAssigned }: { doc: Incoming; org: OrgOverview | undefined; onAssigned: (warnings: string[]) => void }) {
  const { settings } = useSession()
  const defaultDays = settings?.handlingWorkingDays[doc.urgency]
  const [host, setHost] = useState<string | null>(doc.senderDepartmentId ? String(doc.senderDepartmentId) : null)
  const [helpers, setHelpers] = useState<string[]>([])
  const [days, setDays] = useState<number | string>(defaultDays ?? '')
  const [on, setOn] = useState<string | null>(todayIso())
  const assign = useMutation('incoming.assign', { invalidates: INCOMING_CHANGES })
  useEffect(() => { if (defaultDays && days === '') setDays(defaultDays) }, [defaultDays]) // eslint-disable-line react-hooks/exhaustive-deps

  async function submit() {
    const d = await assign.mutate({
      id: doc.id, hostDepartmentId: Number(host) || 0, assistingDepartmentIds: helpers.map(Number),
      workingDays: typeof days === 'number' ? days : null, assignedOn: on ?? '',
    })
    if (d) onAssigned(d.warnings)
  }
  const err = (f: string) => fieldError(assign.error, f)
  const urgencyName = urgencyText(doc.urgency)
  return (
    <Stack gap="sm" aria-label="交办">
      <Text size="sm">领导批示已完成，交承办单位办理。{doc.deadline && <>本件办结时限：<b>{formatDate(doc.deadline)}</b>。</>}</Text>
      <Group gap="sm" align="flex-start">
        <Select label="主办单位" required searchable data={departmentOptions(org, helpers.map(Number))} value={host} onChange={setHost} error={err('hostDepartmentId')}
          w={240} comboboxProps={{ withinPortal: true }} maxDropdownHeight={300} />
        <MultiSelect label="协办单位" searchable data={departmentOptions(org, host ? [Number(host)] : [])} value={helpers} onChange={setHelpers}
          error={err('assistingDepartmentIds')} style={{ flex: 1 }} comboboxProps={{ withinPortal: true }} maxDropdownHeight={300} />
      </Group>
      <Group gap="sm" align="flex-start">
        <NumberInput label="办理时限（工作日）" min={1} max={60} value={days} onChange={setDays} allowDecimal={false} error={err('workingDays')} w={170}
          description={`${urgencyName}件默认${defaultDays ?? ''}个工作日`} />
        <OfficeDateInput label="交办日期" required value={on} onChange={setOn} maxDate={todayIso()} error={err('assignedOn')} w={180} />
      </Group>
      <RuleRefusal error={assign.error && !['hostDepartmentId', 'assistingDepartmentIds', 'workingDays', 'assignedOn'].some((f) => err(f)) ? assign.error : null} />
      <Group justify="flex-end"><Button onClick={submit} loading={assign.busy}>交办</Button></Group>
    </Stack>
  )
}

/** A department's feedback: what was done, when, and the evidence (X-3: without it the office does not accept it). */
function FeedbackModal({ assignment, onClose, onSaved }: { assignment: Assignment | null; onClose: () => void; onSaved: () => void }) {
  const [text, setText] = useState('')
  const [on, setOn] = useState<string | null>(todayIso())
  const [file, setFile] = useState<File | null>(null)
  const [readError, setReadError] = useState<ApiError | null>(null)
  const save = useMutation('incoming.feedback', { invalidates: INCOMING_CHANGES })
  const { reset } = save
  useEffect(() => { if (assignment) { setText(''); setOn(todayIso()); setFile(null); setReadError(null); reset() } }, [assignment, reset])

  async function submit() {
    if (!assignment) return
    let upload: UploadedFile | null = null
    if (file) {
      try { upload = await readUpload(file) } catch (e) {
        setReadError(new ApiError({ code: 'VALIDATION', field: 'file', message: e instanceof Error ? e.message : String(e) }))
        return
      }
    }
    const d = await save.mutate({ assignmentId: assignment.id, feedback: text.trim(), feedbackOn: on ?? '', file: upload })
    if (d) onSaved()
  }
  const error = readError ?? save.error
  const err = (f: string) => fieldError(error, f)
  const x3 = error?.rule === 'X-3' ? error : null
  return (
    <FormModal opened={!!assignment} title={`登记反馈：${assignment?.departmentName ?? ''}（${assignment?.role ?? ''}）`} onClose={onClose} onSubmit={submit}
      busy={save.busy} error={x3 ? null : error} fields={['feedback', 'feedbackOn', 'file']} submitLabel="登记" size="lg">
      <Textarea label="反馈内容" required autosize minRows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} error={err('feedback')}
        placeholder="办理情况和结果" data-autofocus />
      <Group gap="sm" align="flex-start" grow>
        <OfficeDateInput label="反馈日期" required value={on} onChange={setOn} maxDate={todayIso()} error={err('feedbackOn')} />
        <FileInput label="佐证材料" required clearable accept={ACCEPT} value={file} onChange={setFile} placeholder="办理情况报告、回复函等" error={err('file')} />
      </Group>
      <RuleRefusal error={x3} />
    </FormModal>
  )
}

/** 催办 of a document not yet with a department (at a leader, or waiting in the office), and every chase recorded. */
export function ChasePanel({ doc }: { doc: Incoming }) {
  const [chasing, setChasing] = useState<null | undefined>(undefined)
  const [warnings, setWarnings] = useState<string[]>([])
  const canChase = useCan()('incoming.chase') && (doc.status === '已拟办' || doc.status === '批示中')
  if (!canChase && doc.chases.length === 0) return null
  return (
    <Section title="催办" description={<span>由专人催办，记录方式、接洽人、答复和承诺办结日期 <RuleBadge rule="R-D7" /></span>}
      actions={canChase ? <Button size="xs" variant="light" color="orange" onClick={() => setChasing(null)}>催办</Button> : undefined}>
      <Stack gap="xs">
        {warnings.map((w) => <RuleWarning key={w} text={w} />)}
        {doc.chases.length === 0 && <Text size="sm" c="dimmed">尚未催办。{canChase && `文件现在：${doc.location.where}`}</Text>}
        {doc.chases.length > 0 && <ChaseTable chases={doc.chases} />}
      </Stack>
      <ChaseModal doc={doc} target={chasing} onClose={() => setChasing(undefined)} onWarnings={setWarnings} />
    </Section>
  )
}

/** 办结: once the 主办 department has fed back (or, for a document only read by leaders, once they all have). */
export function ClosePanel({ doc }: { doc: Incoming }) {
  const may = useCan()('incoming.close')
  const hostDone = may && doc.status === '承办中' && !!doc.assignments.find((a) => a.role === '主办')?.feedbackOn
  const readOnly = may && doc.status === '批示中' && doc.location.step === '交办'
  const [note, setNote] = useState('')
  const [on, setOn] = useState<string | null>(todayIso())
  const close = useMutation('incoming.close', { invalidates: INCOMING_CHANGES })
  useEffect(() => {
    setNote(readOnly ? '领导已阅，无需交办，办结。' : '已按领导批示办理完毕，主办单位已反馈办理结果，办结。')
  }, [readOnly])

  if (doc.status === '已办结') {
    return (
      <Section title="办结">
        <Text size="sm" aria-label="办结情况">{formatDate(doc.closedOn)}办结：{doc.closingNote}</Text>
      </Section>
    )
  }
  if (!hostDone && !readOnly) return null
  async function submit() {
    await close.mutate({ id: doc.id, closedOn: on ?? '', closingNote: note.trim() })
  }
  const err = (f: string) => fieldError(close.error, f)
  return (
    <Section title="办结" description={readOnly ? '不需交办承办单位的（如领导圈阅的报告），可在领导批示完成后直接办结。' : '主办单位已反馈办理结果，可以办结。'}>
      <Stack gap="sm" aria-label="办结">
        <Group gap="sm" align="flex-start">
          <Textarea label="办结说明" required autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={err('closingNote')} style={{ flex: 1 }} />
          <OfficeDateInput label="办结日期" required value={on} onChange={setOn} maxDate={todayIso()} error={err('closedOn')} w={180} />
        </Group>
        <RuleRefusal error={close.error && !err('closingNote') && !err('closedOn') ? close.error : null} />
        <Group justify="flex-end"><Button color="green" onClick={submit} loading={close.busy}>办结</Button></Group>
      </Stack>
    </Section>
  )
}
