import { useEffect, useMemo, useState } from 'react'
import { Alert, Button, Checkbox, Group, Input, Modal, NumberInput, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { PeopleMultiSelect } from '../../components/PersonSelect'
import dayjs from 'dayjs'
import { api, ApiError, useMutation, useQuery, type OutputOf } from '../../api/client'
import { FormModal, fieldError } from '../../components/FormModal'
import { RuleBadge } from '../../components/RuleBadge'
import { formatDateWithWeekday } from '../../lib/format'
import { byRank, postTitle, type OrgOverview } from '../org/model'
import { MEETING_CHANGES, type Meeting } from './model'
import { COUNTED_KINDS, DEFAULT_START, SUBJECT_KINDS, absenceText, type HalfDay, type MeetingTypeRow, type ReservedMatter, type ScheduleInput } from './calendar/model'
import { HALF_DAYS, RESERVED_MATTERS } from '../../../src-main/common/meetings'
import { WarningList } from './calendar/Warnings'
import { OfficeDateInput } from '../../components/OfficeDateInput'
import { cite, isRuleId } from '../../../src-main/common/rules'

export type ScheduleResult = OutputOf<'meetings.schedule'>

/** Where a new meeting starts from: the day (and half-day) clicked on the calendar, or a type. */
export interface ScheduleSeed {
  date?: string | null; halfDay?: HalfDay; startTime?: string | null; typeId?: number | null
  /** The month the calendar shows, where the date picker opens when no date is chosen yet. */
  viewDate?: string | null
}

const FIELDS = ['typeId', 'session', 'subject', 'date', 'halfDay', 'startTime', 'place', 'chairPostId', 'entrustingPostId', 'departmentId', 'reservedMatters', 'priorAgreementOn', 'priorAgreementNote', 'note', 'contactName', 'contactPhone', 'participants'] as const
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

/**
 * 安排会议 / 修改、改期: type, 第N次, date and half-day, place, the chair the type allows (R-M1, R-M2, R-M6, R-M7),
 * the entrusting leader and reserved matters of a 专题会议 (R-M5), the department of a city-wide meeting (R-M8).
 * After saving, the rules' warnings are shown before the dialog closes.
 */
export function ScheduleModal({ meeting, seed, onClose, onSaved, onOpenMeeting }: {
  meeting?: Meeting | null
  seed?: ScheduleSeed
  onClose: () => void
  /** Called once the user has read the outcome (or at once when there is nothing to read). */
  onSaved: (result: ScheduleResult) => void
  /** Offered after saving a new meeting: 查看会议. */
  onOpenMeeting?: (id: number) => void
}) {
  const types = useQuery('meetingTypes.list', {})
  const org = useQuery('org.overview', {})
  const [typeId, setTypeId] = useState<number | null>(meeting?.typeId ?? seed?.typeId ?? null)
  const [session, setSession] = useState<number | ''>(meeting?.session ?? '')
  const [sessionTouched, setSessionTouched] = useState(!!meeting)
  const [subject, setSubject] = useState(meeting?.subject ?? '')
  const [date, setDate] = useState<string | null>(meeting?.date ?? seed?.date ?? null)
  const [halfDay, setHalfDay] = useState<HalfDay>(meeting?.halfDay ?? seed?.halfDay ?? '上午')
  const [startTime, setStartTime] = useState(meeting?.startTime ?? seed?.startTime ?? '')
  const [place, setPlace] = useState(meeting?.place ?? '')
  const [chairPostId, setChair] = useState<number | null>(meeting?.chairPostId ?? null)
  const [entrustingPostId, setEntrusting] = useState<number | null>(meeting?.entrustingPostId ?? null)
  const [departmentId, setDepartment] = useState<number | null>(meeting?.departmentId ?? null)
  const [matters, setMatters] = useState<ReservedMatter[]>(meeting?.reservedMatters ?? [])
  const [priorOn, setPriorOn] = useState<string | null>(meeting?.priorAgreementOn ?? null)
  const [priorNote, setPriorNote] = useState(meeting?.priorAgreementNote ?? '')
  const [note, setNote] = useState(meeting?.note ?? '')
  const [contactName, setContactName] = useState(meeting?.contactName ?? '')
  const [contactPhone, setContactPhone] = useState(meeting?.contactPhone ?? '')
  const [members, setMembers] = useState<number[]>(meeting?.participants.filter((p) => p.role === '组成人员').map((p) => p.personId) ?? [])
  const [attendees, setAttendees] = useState<number[]>(meeting?.participants.filter((p) => p.role === '列席').map((p) => p.personId) ?? [])
  const [missing, setMissing] = useState<ApiError | null>(null)
  const [result, setResult] = useState<ScheduleResult | null>(null)
  const save = useMutation('meetings.schedule', { invalidates: MEETING_CHANGES })
  const error = missing ?? save.error

  // The first type by default; the first type's chair post by default (as the server would choose).
  useEffect(() => { if (typeId === null && types.data?.length) setTypeId(types.data[0].id) }, [types.data, typeId])
  const type = types.data?.find((t) => t.id === typeId)
  const chairs = useMemo(() => chairPosts(org.data, type), [org.data, type])
  useEffect(() => {
    if (!type || !org.data) return
    if (chairPostId === null || !chairs.some((p) => p.id === chairPostId)) {
      setChair(chairs.find((p) => p.kind === type.chairPostKinds[0])?.id ?? chairs[0]?.id ?? null)
    }
  }, [type, org.data, chairs, chairPostId])

  // 第N次: the next number of the type, unless the user has typed one.
  useEffect(() => {
    if (!type || sessionTouched || meeting) return
    if (!COUNTED_KINDS.includes(type.kind)) { setSession(''); return }
    let live = true
    nextSession(type, date).then((n) => { if (live && n) setSession(n) }, () => undefined)
    return () => { live = false }
  }, [type, date, sessionTouched, meeting])

  // What the day is (holiday, make-up day) and who is away: known before saving.
  const day = useQuery('meetings.calendar', date ? { from: date, to: date } : null)

  const subjectKind = !!type && (SUBJECT_KINDS.includes(type.kind) || !!meeting?.subject)
  // 委托领导: asked only when the chair is one who may chair only when entrusted (a 副秘书长 for a 专题会议, R-M7).
  const chairKind = org.data?.posts.find((p) => p.id === chairPostId)?.kind
  const entrusted = !!type && !!chairKind && type.entrustedChairPostKinds.includes(chairKind)
  const entrustingChoices = useMemo(() => (org.data && type ? org.data.posts.filter((p) => type.chairPostKinds.includes(p.kind)).sort(byRank) : []), [org.data, type])
  const departments = useMemo(() => (org.data?.departments ?? []).filter((d) => d.kind === '市政府部门' || d.kind === '其他单位'), [org.data])

  async function submit() {
    const need: [string, string] | null = !typeId ? ['typeId', '请选择会议类别']
      : !date ? ['date', '请选择会议日期']
      : startTime.trim() && !TIME.test(startTime.trim()) ? ['startTime', '「开始时间」应为时间，格式 09:00']
      : type?.oncePerYearPerDepartment && !departmentId ? ['departmentId', `「主办部门」${type.name}须注明主办部门（${cite('R-M8')}：各部门每年原则上不超过1次）`]
      : null
    setMissing(need ? new ApiError({ code: 'VALIDATION', field: need[0], message: need[1] }) : null)
    if (need || !typeId || !date) return
    const input: ScheduleInput = {
      ...(meeting ? { id: meeting.id } : {}),
      typeId, session: session === '' ? null : session, subject: subjectKind ? subject : null,
      date, halfDay, startTime: startTime.trim() || null, place, chairPostId,
      entrustingPostId: entrusted ? entrustingPostId : null,
      departmentId: type?.oncePerYearPerDepartment ? departmentId : null,
      reservedMatters: type?.reservedMattersNeedMayorConsent ? matters : [],
      priorAgreementOn: type?.reservedMattersNeedMayorConsent && matters.length ? priorOn : null,
      priorAgreementNote: type?.reservedMattersNeedMayorConsent && matters.length ? priorNote : null,
      note, contactName: contactName.trim() || null, contactPhone: contactPhone.trim() || null,
      participants: [...members.map((personId) => ({ personId, role: '组成人员' as const })), ...attendees.map((personId) => ({ personId, role: '列席' as const }))],
    }
    const saved = await save.mutate(input)
    if (!saved) return
    if (saved.warnings.length) setResult(saved)
    else onSaved(saved)
  }

  if (result) {
    const m = result.meeting
    return (
      <Modal opened onClose={() => onSaved(result)} title={<Text fw={600}>{meeting ? '已保存会议安排' : '已安排会议'}</Text>} size={640} closeOnClickOutside={false}>
        <Stack gap="sm">
          <Text size="sm">
            {meeting ? '已保存' : '已安排'}：{type?.name ?? '会议'}{m.session ? `（第${m.session}次）` : ''}，{formatDateWithWeekday(m.date)}{m.halfDay}
            {m.startTime ? ` ${m.startTime}` : ''}{m.place ? `，${m.place}` : ''}。
          </Text>
          <WarningList warnings={result.warnings} title="会议已保存，请注意以下提醒" />
          <Text size="xs" c="dimmed">这些提醒不妨碍会议安排；如需调整，可在会议页面“修改/改期”。</Text>
          <Group justify="flex-end" gap="xs">
            {onOpenMeeting && !meeting && <Button variant="default" onClick={() => { onSaved(result); onOpenMeeting(m.id) }}>查看会议</Button>}
            <Button onClick={() => onSaved(result)}>知道了</Button>
          </Group>
        </Stack>
      </Modal>
    )
  }

  const ruleError = error?.rule ? error : null
  const dayInfo = day.data && date ? describeDay(day.data, date) : null

  return (
    <FormModal opened size={720} title={meeting ? `修改会议：${meeting.title}` : '安排会议'} onClose={onClose} onSubmit={submit}
      busy={save.busy} error={ruleError ? null : error} fields={FIELDS} submitLabel={meeting ? '保存' : '安排'}>
      <Group grow gap="sm" align="flex-start">
        <Select label="会议类别" required data={(types.data ?? []).map((t) => ({ value: String(t.id), label: t.name }))}
          value={typeId ? String(typeId) : null} onChange={(v) => { setTypeId(v ? Number(v) : null); setSessionTouched(false) }}
          disabled={!!meeting} allowDeselect={false} error={fieldError(error, 'typeId')}
          description={meeting ? '已安排的会议不能改类别' : undefined} />
        <NumberInput label="第N次" min={1} max={999} allowDecimal={false} value={session} prefix="第" suffix="次"
          onChange={(v) => { setSession(typeof v === 'number' ? v : ''); setSessionTouched(true) }}
          placeholder={type && COUNTED_KINDS.includes(type.kind) ? '如 第12次' : '不编次数'} error={fieldError(error, 'session')} />
      </Group>
      {subjectKind && (
        <TextInput label="会议主题" value={subject} onChange={(e) => setSubject(e.currentTarget.value)} maxLength={100}
          placeholder={type?.kind === '全市性视频会议' ? '如 全市安全生产工作视频会议' : '如 研究招商引资重点项目推进工作'} error={fieldError(error, 'subject')} />
      )}
      <Group grow gap="sm" align="flex-start">
        <OfficeDateInput label="会议日期" required value={date} onChange={setDate} placeholder="选择日期"
          defaultDate={date ?? seed?.viewDate ?? undefined} error={fieldError(error, 'date')} />
        <Input.Wrapper label="时段" required error={fieldError(error, 'halfDay')}>
          <SegmentedControl fullWidth data={[...HALF_DAYS]} value={halfDay} onChange={(v) => setHalfDay(v as HalfDay)} size="sm" />
        </Input.Wrapper>
        <TextInput label="开始时间" value={startTime} onChange={(e) => setStartTime(e.currentTarget.value)} maxLength={5}
          placeholder={`不填为 ${DEFAULT_START[halfDay]}`} error={fieldError(error, 'startTime')} />
      </Group>
      {dayInfo && <DayNote info={dayInfo} />}
      <Group grow gap="sm" align="flex-start">
        <TextInput label="会议地点" value={place} onChange={(e) => setPlace(e.currentTarget.value)} maxLength={60}
          placeholder="如 市政府常务会议室" error={fieldError(error, 'place')} />
        <Select label="主持人" data={chairs.map((p) => ({ value: String(p.id), label: `${postTitle(p)} ${p.holderName ?? '（空缺）'}` }))}
          value={chairPostId ? String(chairPostId) : null} onChange={(v) => setChair(v ? Number(v) : null)} searchable allowDeselect={false}
          nothingFoundMessage="没有可主持的岗位" error={fieldError(error, 'chairPostId')}
          description={type ? `${type.name}由${[...type.chairPostKinds, ...type.entrustedChairPostKinds.map((k) => `受委托的${k}`)].join('、')}主持` : undefined} />
      </Group>
      {entrusted && (
        <Select label="委托领导" required clearable data={entrustingChoices.map((p) => ({ value: String(p.id), label: `${postTitle(p)} ${p.holderName ?? '（空缺）'}` }))}
          value={entrustingPostId ? String(entrustingPostId) : null} onChange={(v) => setEntrusting(v ? Number(v) : null)}
          placeholder="受委托主持时，选择委托召开的领导" error={fieldError(error, 'entrustingPostId')}
          description={`${cite('R-M7')}：副秘书长须受市长、副市长、秘书长委托方可主持专题会议；纪要由委托领导或主持人签发（${cite('R-M5')}）`} />
      )}
      {type?.oncePerYearPerDepartment && (
        <Select label="主办部门" required searchable data={departments.map((d) => ({ value: String(d.id), label: d.name }))}
          value={departmentId ? String(departmentId) : null} onChange={(v) => setDepartment(v ? Number(v) : null)} placeholder="选择主办部门"
          nothingFoundMessage="没有找到该部门" error={fieldError(error, 'departmentId')}
          description={`${cite('R-M8')}：全市性会议实行计划管理，各部门每年原则上不超过1次`} />
      )}
      {type?.reservedMattersNeedMayorConsent && (
        <>
          <Checkbox.Group label="涉及事项" value={matters} onChange={(v) => setMatters(v as ReservedMatter[])} error={fieldError(error, 'reservedMatters')}
            description={`涉及资金、土地、规划、国有资产、人事编制的，须会前与相关领导协商一致，纪要报市长同意后签发（${cite('R-M5')}）`}>
            <Group gap="md" mt={6}>{RESERVED_MATTERS.map((m) => <Checkbox key={m} value={m} label={m} />)}</Group>
          </Checkbox.Group>
          {matters.length > 0 && (
            <Group grow gap="sm" align="flex-start">
              <OfficeDateInput label="会前协商一致日期" value={priorOn} onChange={setPriorOn} clearable placeholder="选择日期"
                maxDate={date ?? undefined} defaultDate={priorOn ?? date ?? undefined} error={fieldError(error, 'priorAgreementOn')} />
              <TextInput label="协商情况" value={priorNote} onChange={(e) => setPriorNote(e.currentTarget.value)} maxLength={500}
                placeholder="与哪些领导、部门协商一致" error={fieldError(error, 'priorAgreementNote')} />
            </Group>
          )}
        </>
      )}
      {type?.kind === '专题会议' && (
        <Group grow gap="sm" align="flex-start">
          <PeopleMultiSelect org={org.data} scope="all" label="参会人员" value={members} onChange={setMembers} exclude={attendees}
            placeholder="选择参会的领导和部门负责人" description={`${cite('R-M7')}：专题会议从严控制参会人员`} error={fieldError(error, 'participants')} />
          <PeopleMultiSelect org={org.data} scope="all" label="列席人员" value={attendees} onChange={setAttendees} exclude={members}
            placeholder="选择列席人员" description="会议通知按参会、列席人员主送" />
        </Group>
      )}
      <Group grow gap="sm" align="flex-start">
        <TextInput label="联系人" value={contactName} onChange={(e) => setContactName(e.currentTarget.value)} maxLength={20} placeholder="会务联系人，印在通知和议程上" error={fieldError(error, 'contactName')} />
        <TextInput label="联系电话" value={contactPhone} onChange={(e) => setContactPhone(e.currentTarget.value)} maxLength={40} placeholder="如 028-26612345" error={fieldError(error, 'contactPhone')} />
      </Group>
      <Textarea label="备注" value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} maxRows={3} maxLength={500} error={fieldError(error, 'note')} />
      {ruleError && (
        <Alert color="red" variant="light" title="不能安排" role="alert" py="xs">
          <Group gap={6} wrap="nowrap" align="flex-start">
            {ruleError.rule && <RuleBadge rule={ruleError.rule} />}
            <Text size="sm" c="red.9" lh={1.5}>{withoutRule(ruleError.message, ruleError.rule)}</Text>
          </Group>
        </Alert>
      )}
    </FormModal>
  )
}

/** 'R-M8：按第四十三条…' → '按第四十三条…' when the badge already names the rule. */
/** A refusal's words without its leading citation, which the badge beside it shows (第四十三条). */
export const withoutRule = (message: string, rule?: string) => {
  const lead = rule && isRuleId(rule) ? `${cite(rule)}：` : null
  return lead && message.startsWith(lead) ? message.slice(lead.length) : message
}

/** The posts that may chair the type: its chair kinds, then those who may chair when entrusted. */
function chairPosts(org: OrgOverview | undefined, type: MeetingTypeRow | undefined) {
  if (!org || !type) return []
  const allowed = [...type.chairPostKinds, ...type.entrustedChairPostKinds]
  return org.posts.filter((p) => allowed.includes(p.kind)).sort((a, b) => allowed.indexOf(a.kind) - allowed.indexOf(b.kind) || byRank(a, b))
}

/** The next 第N次 of a counted type: from the planner when the type has a cadence, else from the year around the date. */
async function nextSession(type: MeetingTypeRow, date: string | null): Promise<number | null> {
  if (type.cadenceDays) {
    const plan = await api.call('meetings.plan', { typeId: type.id, count: 1 })
    return plan.proposals[0]?.session ?? null
  }
  const around = dayjs(date ?? undefined)
  const [before, after] = await Promise.all([
    api.call('meetings.calendar', { from: around.subtract(1, 'year').add(1, 'day').format('YYYY-MM-DD'), to: around.format('YYYY-MM-DD') }),
    api.call('meetings.calendar', { from: around.format('YYYY-MM-DD'), to: around.add(1, 'year').format('YYYY-MM-DD') }),
  ])
  const used = [...before.meetings, ...after.meetings].filter((m) => m.typeId === type.id).map((m) => m.session ?? 0)
  return Math.max(0, ...used) + 1
}

interface DayDescription { holiday: string | null; makeUp: string | null; weekend: boolean; missing: boolean; away: string[] }

function describeDay(data: OutputOf<'meetings.calendar'>, date: string): DayDescription {
  const d = data.days.find((x) => x.date === date)
  const wd = dayjs(date).day()
  return {
    holiday: d?.kind === '放假' ? d.name ?? '法定节假日' : null,
    makeUp: d?.kind === '上班' ? d.name ?? '调休' : null,
    weekend: !d && (wd === 0 || wd === 6),
    missing: data.missingYears.length > 0,
    away: data.absences.map(absenceText),
  }
}

/** Under the date: whether it is a working day, and which leaders are away that day. */
function DayNote({ info }: { info: DayDescription }) {
  const lines: { text: string; color: string }[] = []
  if (info.missing) lines.push({ text: `该年的节假日安排尚未录入，暂按周末判断是否为工作日（暂定，${cite('R-W2')}）；请文秘或科长在“节假日”中录入`, color: 'orange.9' })
  if (info.holiday) lines.push({ text: `该日为${info.holiday}放假，不是工作日`, color: 'red.8' })
  if (info.weekend) lines.push({ text: '该日为周末，不是工作日', color: 'red.8' })
  if (info.makeUp) lines.push({ text: `该日为${info.makeUp}调休上班日，是工作日`, color: 'orange.9' })
  for (const a of info.away) lines.push({ text: `当日外出：${a}`, color: 'dark.5' })
  if (!lines.length) return null
  return (
    <Stack gap={2} mt={-4} aria-label="当日情况">
      {lines.map((l) => <Text key={l.text} size="xs" c={l.color} lh={1.45}>{l.text}</Text>)}
    </Stack>
  )
}
