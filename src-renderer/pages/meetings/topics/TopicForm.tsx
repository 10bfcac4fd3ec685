import { useEffect, useMemo, useState } from 'react'
import { Alert, FileInput, Group, MultiSelect, Paper, Select, Stack, Text, TextInput } from '@mantine/core'
import { ApiError, useMutation, type OutputOf } from '../../../api/client'
import { FormModal, fieldError } from '../../../components/FormModal'
import { RuleBadge } from '../../../components/RuleBadge'
import { ClassificationSelect } from '../../../components/Classification'
import { todayIso } from '../../../lib/format'
import { PersonSelect } from '../../../components/PersonSelect'
import { DEPARTMENT_KIND_LABEL, DEPARTMENT_KINDS, isLeaderPost, byRank, postTitle, type OrgOverview } from '../../org/model'
import { MEETING_CHANGES, type Meeting } from '../model'
import { type Classification, type TopicFileKind } from './model'
import { TOPIC_FILE_KINDS } from '../../../../src-main/common/meetings'
import { readUpload, type UploadedFile } from '../../../lib/upload'
import { OfficeDateInput } from '../../../components/OfficeDateInput'
import { cite } from '../../../../src-main/common/rules'

export type SubmitResult = OutputOf<'topics.submit'> & { title: string }

const FIELDS = ['title', 'classification', 'departmentId', 'supervisorPostId', 'supervisorReason', 'reporter', 'deliveredOn', 'unitIds', 'files', 'consent.personId', 'consent.on']
const ACCEPT = '.doc,.docx,.wps,.pdf,.ofd,.xls,.xlsx,.jpg,.jpeg,.png'

/** Departments grouped by kind, for 报送单位 and 涉及的部门和县（区）. */
function departmentOptions(org: OrgOverview | undefined, exclude?: number | null) {
  if (!org) return []
  return DEPARTMENT_KINDS.filter((k) => k !== '办公室内设').map((k) => ({
    group: DEPARTMENT_KIND_LABEL[k],
    items: org.departments.filter((d) => d.kind === k && d.id !== exclude).map((d) => ({ value: String(d.id), label: d.name })),
  })).filter((g) => g.items.length)
}

/**
 * 报送议题 (R-M3): the topic, its department and 分管副市长, the two papers. A late topic (or one after
 * the agenda is fixed) comes back refused; the form then asks for the 市长's consent and submits again.
 */
export function TopicForm({ meeting, org, onClose, onDone }: {
  meeting: Meeting
  org: OrgOverview | undefined
  onClose: () => void
  onDone: (result: SubmitResult) => void
}) {
  const [title, setTitle] = useState('')
  const [classification, setClassification] = useState<Classification>('无')
  const [departmentId, setDepartmentId] = useState<string | null>(null)
  const [supervisorPostId, setSupervisor] = useState<string | null>(null)
  const [reporter, setReporter] = useState('')
  const [deliveredOn, setDeliveredOn] = useState<string | null>(todayIso())
  const [unitIds, setUnitIds] = useState<string[]>([])
  const [files, setFiles] = useState<Record<TopicFileKind, File | null>>({ 议题材料: null, 议题审批表: null })
  const [consentNeeded, setConsentNeeded] = useState(false)
  const mayorId = useMemo(() => org?.posts.find((p) => p.kind === '市长')?.holderId ?? null, [org])
  const [consentBy, setConsentBy] = useState<number | null>(null)
  const [consentOn, setConsentOn] = useState<string | null>(todayIso())
  const [missing, setMissing] = useState<ApiError | null>(null)
  const [reading, setReading] = useState(false)
  const submit = useMutation('topics.submit', { invalidates: MEETING_CHANGES })
  const [supervisorReason, setSupervisorReason] = useState('')
  const error = missing ?? submit.error
  // R-M3 refusals about the deadline open the consent section; the one about the 分管 leader is answered by its reason field.
  const supervisorRefusal = !!error?.message.includes('的分管领导是')
  const refusal = error?.rule === 'R-M3' && !supervisorRefusal ? error : null
  const deptSupervisor = org?.departments.find((d) => String(d.id) === departmentId)?.supervisorPostId ?? null
  const otherSupervisor = !!supervisorPostId && deptSupervisor !== null && supervisorPostId !== String(deptSupervisor)
  const needsFiles = !!meeting.type.topicDeadlineWorkingDays

  const leaderPosts = useMemo(() => (org?.posts ?? []).filter(isLeaderPost).sort(byRank)
    .map((p) => ({ value: String(p.id), label: `${postTitle(p)} ${p.holderName ?? '（空缺）'}` })), [org])

  function chooseDepartment(v: string | null) {
    setDepartmentId(v)
    // The topic goes through the department's 分管副市长 (R-M3); the office may pick another.
    const dept = org?.departments.find((d) => String(d.id) === v)
    setSupervisor(dept?.supervisorPostId ? String(dept.supervisorPostId) : null)
    setUnitIds((u) => u.filter((x) => x !== v))
  }

  async function send() {
    const need = !title.trim() ? ['title', '请填写议题名称']
      : !departmentId ? ['departmentId', '请选择报送单位']
        : !deliveredOn ? ['deliveredOn', '请选择送达日期']
          : needsFiles && TOPIC_FILE_KINDS.some((k) => !files[k]) ? ['files', `请同时上传${TOPIC_FILE_KINDS.filter((k) => !files[k]).join('和')}（${cite('R-M3')}）`]
            : otherSupervisor && !supervisorReason.trim() ? ['supervisorReason', `所选领导不分管该部门：请写明经由其报送的理由（${cite('R-M3')}）`]
            : consentNeeded && !consentBy ? ['consent.personId', '请选择同意的领导']
              : consentNeeded && !consentOn ? ['consent.on', '请选择同意日期'] : null
    setMissing(need ? new ApiError({ code: 'VALIDATION', field: need[0], message: need[1] }) : null)
    if (need) return
    let uploads: { kind: TopicFileKind; file: UploadedFile }[]
    setReading(true)
    try {
      uploads = await Promise.all(TOPIC_FILE_KINDS.filter((k) => files[k]).map(async (kind) => ({ kind, file: await readUpload(files[kind]!) })))
    } catch (e) {
      setMissing(new ApiError({ code: 'VALIDATION', field: 'files', message: e instanceof Error ? e.message : String(e) }))
      return
    } finally { setReading(false) }
    const result = await submit.mutate({
      meetingId: meeting.id, title: title.trim(), departmentId: Number(departmentId),
      supervisorPostId: supervisorPostId ? Number(supervisorPostId) : null, reporter: reporter.trim() || null,
      supervisorReason: otherSupervisor ? supervisorReason.trim() : null,
      deliveredOn: deliveredOn!, unitIds: unitIds.map(Number), files: uploads, classification,
      consent: consentNeeded && consentBy && consentOn ? { personId: consentBy, on: consentOn } : null,
    })
    if (result) onDone({ ...result, title: title.trim() })
  }

  // A refusal under R-M3 reveals the consent section (and keeps it open), proposing the 市长.
  useEffect(() => {
    if (submit.error?.rule !== 'R-M3' || submit.error.message.includes('的分管领导是')) return
    setConsentNeeded(true)
    setConsentBy((v) => v ?? mayorId)
  }, [submit.error, mayorId])
  const showConsent = consentNeeded || !!refusal

  return (
    <FormModal opened size={720} title="报送议题" onClose={onClose} onSubmit={send} busy={submit.busy || reading}
      error={refusal ? null : error} fields={FIELDS} submitLabel={showConsent ? '记录同意并报送' : '报送'}>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <TextInput label="议题名称" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-autofocus style={{ flex: 1 }}
          placeholder="如 关于2027年市级财政预算编制的议题" error={fieldError(error, 'title')} />
        <ClassificationSelect value={classification} onChange={setClassification} error={fieldError(error, 'classification')} />
      </Group>
      <Group grow gap="sm" align="flex-start">
        <Select label="报送单位" required searchable nothingFoundMessage="没有符合的单位" value={departmentId} onChange={chooseDepartment}
          data={departmentOptions(org)} error={fieldError(error, 'departmentId')} comboboxProps={{ withinPortal: true }} maxDropdownHeight={320} />
        <Select label="分管副市长" required={needsFiles} value={supervisorPostId} onChange={setSupervisor} data={leaderPosts}
          placeholder="报送单位的分管领导" error={fieldError(error, 'supervisorPostId')} comboboxProps={{ withinPortal: true }} />
      </Group>
      {otherSupervisor && (
        <TextInput label="经由其他领导的理由" required value={supervisorReason} onChange={(e) => setSupervisorReason(e.currentTarget.value)} maxLength={200}
          description={`${cite('R-M3')}：所选领导不是报送单位的分管副市长；确需经由其报送的，写明理由`}
          placeholder="如 分管副市长出国期间，由AB角审核" error={fieldError(error, 'supervisorReason') ?? (supervisorRefusal ? error?.message : undefined)} />
      )}
      <Group grow gap="sm" align="flex-start">
        <TextInput label="汇报人" value={reporter} onChange={(e) => setReporter(e.currentTarget.value)} placeholder="如 市财政局局长 王某某" error={fieldError(error, 'reporter')} />
        <OfficeDateInput label="送达日期" required value={deliveredOn} onChange={setDeliveredOn} maxDate={todayIso()}
          error={fieldError(error, 'deliveredOn')} placeholder="议题送达办公室的日期" />
      </Group>
      <MultiSelect label="涉及的部门和县（区）" searchable nothingFoundMessage="没有符合的单位" value={unitIds} onChange={setUnitIds}
        data={departmentOptions(org, departmentId ? Number(departmentId) : null)} placeholder={unitIds.length ? undefined : '其主要负责人列席会议'}
        error={fieldError(error, 'unitIds')} comboboxProps={{ withinPortal: true }} maxDropdownHeight={280} />
      <Group grow gap="sm" align="flex-start">
        {TOPIC_FILE_KINDS.map((kind) => (
          <FileInput key={kind} label={kind} required={needsFiles} clearable accept={ACCEPT} value={files[kind]} placeholder="选择文件"
            onChange={(f) => setFiles((x) => ({ ...x, [kind]: f }))}
            error={kind === TOPIC_FILE_KINDS[0] ? fieldError(error, 'files') : undefined} />
        ))}
      </Group>
      {refusal && (
        <Alert color="red" variant="light" py="xs" role="alert" aria-label="议题报送被拒绝">
          <Group gap={6} wrap="nowrap" align="flex-start">
            <RuleBadge rule="R-M3" color="red" />
            <Text size="sm" lh={1.5}>{refusal.message}</Text>
          </Group>
        </Alert>
      )}
      {showConsent && (
        <Paper withBorder p="sm" bg="gray.0" aria-label="市长同意">
          <Stack gap={6}>
            <Group gap={6}><Text fw={600} size="sm">市长同意</Text><RuleBadge rule="R-M3" /></Group>
            <Text size="xs" c="dimmed">逾期报送或议程确定后临时增加的议题，须经市长（市长外出时为代行市长职责的领导）同意。</Text>
            <Group grow gap="sm" align="flex-start">
              <PersonSelect org={org} scope="leaders" label="同意的领导" required value={consentBy} onChange={setConsentBy}
                error={fieldError(error, 'consent.personId')} />
              <OfficeDateInput label="同意日期" required value={consentOn} onChange={setConsentOn} maxDate={todayIso()}
                error={fieldError(error, 'consent.on')} />
            </Group>
          </Stack>
        </Paper>
      )}
    </FormModal>
  )
}
