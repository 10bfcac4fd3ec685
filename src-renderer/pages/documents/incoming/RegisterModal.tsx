import { useEffect, useMemo, useState } from 'react'
import { Alert, Checkbox, FileInput, Group, Input, NumberInput, Paper, Select, Stack, Text, TextInput } from '@mantine/core'
import { ApiError, useMutation } from '../../../api/client'
import { FormModal, fieldError } from '../../../components/FormModal'
import { RuleBadge } from '../../../components/RuleBadge'
import { ClassificationSelect } from '../../../components/Classification'
import { ReclassifyButton } from '../../../components/ReclassifyDialog'
import { todayIso } from '../../../lib/format'
import { PersonSelect } from '../../../components/PersonSelect'
import { DEPARTMENT_KIND_LABEL, DEPARTMENT_KINDS, type OrgOverview } from '../../org/model'
import { readUpload, type UploadedFile } from '../../../lib/upload'
import { ACCEPT, type Arrival, type Classification, type DirectException, type DocType, type FileKind, INCOMING_CHANGES, type Incoming, type Urgency } from './model'
import { ARRIVALS, DIRECT_EXCEPTIONS, DOCUMENT_TYPES, URGENCIES, urgencyText } from '../../../../src-main/common/documents'
import { officeClockText } from '../../../../src-main/common/office-time'
import { fileTooLargeMessage, MAX_FILE_BYTES } from '../../../../src-main/common/files'
import { OfficeDateInput } from '../../../components/OfficeDateInput'
import { cite } from '../../../../src-main/common/rules'

const FIELDS = ['receivedAt', 'sender', 'senderDepartmentId', 'senderNumber', 'title', 'docType', 'classification', 'secrecyPeriod', 'urgency', 'copies', 'pages', 'arrival', 'directException', 'directLeaderId', 'files']

/** Departments grouped by kind, for 来文单位. */
export function departmentOptions(org: OrgOverview | undefined, exclude: readonly number[] = []) {
  if (!org) return []
  return DEPARTMENT_KINDS.filter((k) => k !== '办公室内设').map((k) => ({
    group: DEPARTMENT_KIND_LABEL[k],
    items: org.departments.filter((d) => d.kind === k && !exclude.includes(d.id)).map((d) => ({ value: String(d.id), label: d.name })),
  })).filter((g) => g.items.length)
}

const nowTime = () => officeClockText(new Date())

/** 密级 of a registered 收文 in its edit form: shown, not editable, with 定密变更 for the designated roles. */
function ClassificationReadOnly({ doc, onReclassify, error }: { doc: Incoming; onReclassify?: () => void; error?: string }) {
  return (
    <Input.Wrapper label="密级和保密期限" error={error} description="只能经定密变更改变">
      <Group gap={6} mt={4} wrap="nowrap">
        <Text size="sm" fw={500} aria-label="密级">{doc.secrecyMark ?? '非涉密'}</Text>
        {onReclassify && <ReclassifyButton onClick={onReclassify} />}
      </Group>
    </Input.Wrapper>
  )
}

/**
 * 签收登记 (X-2, R-D1): the receipt time, sender, number, title, 文种, 密级 and 保密期限, 紧急程度, copies, pages,
 * how it came, the files, and — for a document sent straight to a leader — the exception and the leader.
 * With `doc`, corrects the registration of a document not yet 拟办 (files stay as they are).
 */
export function RegisterModal({ opened, org, doc, onClose, onSaved, onReclassify }: {
  opened: boolean
  org: OrgOverview | undefined
  doc?: Incoming | null
  onClose: () => void
  onSaved: (doc: Incoming) => void
  /** Editing: 密级 is shown, not offered; this opens 定密变更 instead (issue 14). */
  onReclassify?: () => void
}) {
  const register = useMutation('incoming.receive', { invalidates: INCOMING_CHANGES })
  const update = useMutation('incoming.update', { invalidates: INCOMING_CHANGES })
  const [receivedOn, setReceivedOn] = useState<string | null>(todayIso())
  const [receivedTime, setReceivedTime] = useState(nowTime())
  const [senderDepartmentId, setSenderDepartmentId] = useState<string | null>(null)
  const [sender, setSender] = useState('')
  const [senderNumber, setSenderNumber] = useState('')
  const [title, setTitle] = useState('')
  const [docType, setDocType] = useState<DocType | null>(null)
  const [classification, setClassification] = useState<Classification>('无')
  const [secrecyPeriod, setSecrecyPeriod] = useState('')
  const [urgency, setUrgency] = useState<Urgency>('无')
  const [copies, setCopies] = useState<number | string>(1)
  const [pages, setPages] = useState<number | string>('')
  const [arrival, setArrival] = useState<Arrival>('机要交通')
  const [direct, setDirect] = useState(false)
  const [directException, setDirectException] = useState<DirectException | null>(null)
  const [directLeaderId, setDirectLeaderId] = useState<number | null>(null)
  const [files, setFiles] = useState<Record<FileKind, File[]>>({ 正文: [], 附件: [], 扫描件: [] })
  const [missing, setMissing] = useState<ApiError | null>(null)
  const [reading, setReading] = useState(false)
  const editing = !!doc
  const { reset: resetRegister } = register
  const { reset: resetUpdate } = update

  useEffect(() => {
    if (!opened) return
    resetRegister(); resetUpdate(); setMissing(null)
    setReceivedOn(doc ? doc.receivedAt.slice(0, 10) : todayIso())
    setReceivedTime(doc ? doc.receivedAt.slice(11, 16) : nowTime())
    setSenderDepartmentId(doc?.senderDepartmentId ? String(doc.senderDepartmentId) : null)
    setSender(doc?.sender ?? ''); setSenderNumber(doc?.senderNumber ?? ''); setTitle(doc?.title ?? '')
    setDocType(doc?.docType ?? null); setClassification(doc?.classification ?? '无'); setSecrecyPeriod(doc?.secrecyPeriod ?? '')
    setUrgency(doc?.urgency ?? '无'); setCopies(doc?.copies ?? 1); setPages(doc?.pages ?? ''); setArrival(doc?.arrival ?? '机要交通')
    setDirect(!!doc?.directException); setDirectException(doc?.directException ?? null); setDirectLeaderId(doc?.directLeaderId ?? null)
    setFiles({ 正文: [], 附件: [], 扫描件: [] })
  }, [opened, doc, resetRegister, resetUpdate])

  const departments = useMemo(() => departmentOptions(org), [org])
  function chooseDepartment(v: string | null) {
    const name = org?.departments.find((d) => String(d.id) === v)?.name
    // 来文机关 follows the department chosen, unless the clerk typed another name.
    const previous = org?.departments.find((d) => String(d.id) === senderDepartmentId)?.name
    if (name && (!sender.trim() || sender === previous)) setSender(name)
    if (!v && sender === previous) setSender('')
    setSenderDepartmentId(v)
  }

  // A file over the limit is named under its own field as soon as it is chosen, and nothing is sent (issue 14 §6).
  const overLimit = (kind: FileKind) => {
    const big = files[kind].filter((f) => f.size > MAX_FILE_BYTES)
    return big.length ? fileTooLargeMessage(big.map((f) => f.name).join('、')) : undefined
  }
  const error = missing ?? (editing ? update.error : register.error)
  const err = (f: string) => fieldError(error, f)
  const refusal = error?.rule === 'R-D1' ? error : null

  async function submit() {
    const need = !receivedOn ? ['receivedAt', '请选择签收日期']
      : !/^([01]\d|2[0-3]):[0-5]\d$/.test(receivedTime) ? ['receivedAt', '请填写签收时刻，如 09:30']
        : !sender.trim() ? ['sender', '请填写来文机关']
          : !title.trim() ? ['title', '请填写标题']
            : !docType ? ['docType', '请选择文种'] : null
    setMissing(need ? new ApiError({ code: 'VALIDATION', field: need[0], message: need[1] }) : null)
    if (need) return
    const fields = {
      receivedAt: `${receivedOn} ${receivedTime}`, sender: sender.trim(), senderDepartmentId: senderDepartmentId ? Number(senderDepartmentId) : null,
      senderNumber: senderNumber.trim() || null, title: title.trim(), docType: docType!,
      // Once registered, 密级 and 保密期限 change only by 定密变更: an edit does not send them.
      ...(editing ? {} : { classification, secrecyPeriod: classification === '无' ? null : secrecyPeriod.trim() || null }), urgency,
      copies: typeof copies === 'number' ? copies : Number(copies) || 1, pages: typeof pages === 'number' ? pages : null, arrival,
      directException: direct ? directException : null, directLeaderId: direct ? directLeaderId : null,
    }
    if (editing) {
      const saved = await update.mutate({ id: doc!.id, ...fields })
      if (saved) onSaved(saved)
      return
    }
    if ((Object.keys(files) as FileKind[]).some(overLimit)) return
    let uploads: { kind: FileKind; file: UploadedFile }[]
    setReading(true)
    try {
      uploads = await Promise.all((Object.keys(files) as FileKind[]).flatMap((kind) => files[kind].map(async (f) => ({ kind, file: await readUpload(f) }))))
    } catch (e) {
      setMissing(new ApiError({ code: 'VALIDATION', field: 'files', message: e instanceof Error ? e.message : String(e) }))
      return
    } finally { setReading(false) }
    const saved = await register.mutate({ ...fields, files: uploads })
    if (saved) onSaved(saved)
  }

  return (
    <FormModal opened={opened} size={780} title={editing ? `修改登记信息：${doc!.numberText}` : '登记收文'} onClose={onClose} onSubmit={submit}
      busy={register.busy || update.busy || reading} error={refusal ? null : error} fields={FIELDS} submitLabel={editing ? '保存' : '登记'}>
      <Group grow gap="sm" align="flex-start">
        <OfficeDateInput label="签收日期" required value={receivedOn} onChange={setReceivedOn} maxDate={todayIso()} error={err('receivedAt')} />
        <TextInput label="签收时刻" required value={receivedTime} onChange={(e) => setReceivedTime(e.currentTarget.value.trim())} placeholder="24小时制，如 09:30" maxLength={5} />
        <Select label="来文方式" data={ARRIVALS} value={arrival} onChange={(v) => v && setArrival(v as Arrival)} allowDeselect={false} error={err('arrival')} />
      </Group>
      <Group grow gap="sm" align="flex-start">
        <Select label="来文单位" searchable clearable nothingFoundMessage="没有符合的单位" value={senderDepartmentId} onChange={chooseDepartment}
          data={departments} error={err('senderDepartmentId')} description={`本市单位：拟办时按其分管领导确定批示领导（${cite('R-D3')}）`}
          comboboxProps={{ withinPortal: true }} maxDropdownHeight={320} />
        <TextInput label="来文机关" required value={sender} onChange={(e) => setSender(e.currentTarget.value)} error={err('sender')}
          description="外单位来文直接填写，如 四川省人民政府办公厅" />
      </Group>
      <Group grow gap="sm" align="flex-start">
        <TextInput label="来文字号" value={senderNumber} onChange={(e) => setSenderNumber(e.currentTarget.value)} error={err('senderNumber')} placeholder="如 资交〔2026〕45号" />
        <Select label="文种" required data={DOCUMENT_TYPES} value={docType} onChange={(v) => setDocType(v as DocType | null)} error={err('docType')}
          comboboxProps={{ withinPortal: true }} maxDropdownHeight={320} />
      </Group>
      <TextInput label="标题" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={err('title')} data-autofocus
        placeholder="如 关于……的请示" />
      <Group grow gap="sm" align="flex-start">
        {editing ? <ClassificationReadOnly doc={doc!} onReclassify={onReclassify} error={err('classification')} /> : (
          <>
            <ClassificationSelect value={classification} onChange={setClassification} error={err('classification')} />
            <TextInput label="保密期限" value={secrecyPeriod} onChange={(e) => setSecrecyPeriod(e.currentTarget.value)} disabled={classification === '无'}
              placeholder={classification === '无' ? '非涉密' : '如 1年、6个月、长期'} error={err('secrecyPeriod')} required={classification !== '无'} />
          </>
        )}
        <Select label="紧急程度" data={URGENCIES.map((u) => ({ value: u, label: urgencyText(u) }))} value={urgency}
          onChange={(v) => v && setUrgency(v as Urgency)} allowDeselect={false} error={err('urgency')} />
        <NumberInput label="份数" min={1} max={9999} value={copies} onChange={setCopies} error={err('copies')} allowDecimal={false} />
        <NumberInput label="页数" min={1} value={pages} onChange={setPages} error={err('pages')} allowDecimal={false} />
      </Group>
      {!editing && (
        <Group grow gap="sm" align="flex-start">
          <FileInput label="正文" multiple clearable accept={ACCEPT} value={files.正文} placeholder="选择文件" onChange={(f) => setFiles((x) => ({ ...x, 正文: f }))} error={overLimit('正文') ?? err('files')} />
          <FileInput label="附件" multiple clearable accept={ACCEPT} value={files.附件} placeholder="选择文件" onChange={(f) => setFiles((x) => ({ ...x, 附件: f }))} error={overLimit('附件')} />
          <FileInput label="扫描件" multiple clearable accept={ACCEPT} value={files.扫描件} placeholder="纸质来文的扫描件" onChange={(f) => setFiles((x) => ({ ...x, 扫描件: f }))} error={overLimit('扫描件')} />
        </Group>
      )}
      <Paper withBorder p="sm" bg={direct ? 'gray.0' : undefined} aria-label="直送领导">
        <Stack gap={6}>
          <Group gap={6}>
            <Checkbox label="直送领导（不经办公室统一收文的例外情形）" checked={direct} onChange={(e) => setDirect(e.currentTarget.checked)} />
            <RuleBadge rule="R-D1" />
          </Group>
          {direct && (
            <Group grow gap="sm" align="flex-start">
              <Select label="例外情形" required data={DIRECT_EXCEPTIONS} value={directException} onChange={(v) => setDirectException(v as DirectException | null)}
                error={err('directException')} comboboxProps={{ withinPortal: true }} />
              <PersonSelect org={org} scope="leaders" label="直送领导" required value={directLeaderId} onChange={setDirectLeaderId} error={err('directLeaderId')} />
            </Group>
          )}
        </Stack>
      </Paper>
      {refusal && (
        <Alert color="red" variant="light" py="xs" role="alert">
          <Group gap={6} wrap="nowrap" align="flex-start">
            <RuleBadge rule="R-D1" color="red" />
            <Text size="sm" lh={1.5}>{refusal.message}</Text>
          </Group>
        </Alert>
      )}
    </FormModal>
  )
}
