import { useEffect, useRef, useState } from 'react'
import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import { api, useMutation, useQuery, type ApiError } from '../../api/client'
import { ErrorAlert, Feedback } from '../../components/Feedback'
import { Loading } from '../../components/Loading'
import { RuleBadge } from '../../components/RuleBadge'
import { Section } from '../../components/Section'
import { DownloadButton } from '../../components/DownloadButton'
import { MEETING_CHANGES, canCorrect, type MeetingTabProps } from './model'
import { useCan, useSession } from '../../lib/session'
import { AttendanceLists } from './minutes/AttendanceLists'
import { draftOf, isDirty, newKey, saveInput, type Draft, type DraftSection, type Minutes } from './minutes/model'
import { SectionCard } from './minutes/SectionCard'
import { SignedMinutes } from './minutes/SignedMinutes'
import { SignOffPanel } from './minutes/SignOffPanel'

/**
 * 纪要 (R-M5, X-1, R-S1): a structured editor of the draft — opening, one section per topic, the
 * 出席/请假/列席 lists, 分送 — then the sign-off; once signed, the minutes read-only with 立项督办.
 */
export function MinutesTab({ meeting }: MeetingTabProps) {
  const query = useQuery('minutes.get', { meetingId: meeting.id })
  const [draft, setDraft] = useState<Draft | null>(null)
  const save = useMutation('minutes.save', { invalidates: MEETING_CHANGES, success: '纪要草稿已保存。' })
  const [refilling, setRefilling] = useState(false)
  const [refillError, setRefillError] = useState<ApiError | null>(null)
  const [signedNotice, setSignedNotice] = useState<string | null>(null)
  const can = useCan()
  const { user } = useSession()
  const writer = can('minutes.save')

  // The editor follows the latest minutes unless it holds changes not yet saved; after a save or a
  // sign-off it takes what the server kept.
  const minutes = query.data
  const dirtyRef = useRef(false)
  dirtyRef.current = !!(minutes && draft && isDirty(minutes, draft))
  useEffect(() => { if (minutes && !dirtyRef.current) setDraft(draftOf(minutes)) }, [minutes])

  if (!minutes || !draft) return query.error ? <ErrorAlert error={query.error} /> : <Loading />

  if (minutes.signed) {
    return (
      <Stack gap="md">
        {signedNotice && <Alert color="green" variant="light" withCloseButton onClose={() => setSignedNotice(null)} role="status" py="xs">{signedNotice}</Alert>}
        <Group justify="flex-end"><DownloadButton name="minutes.exportDocx" input={{ meetingId: meeting.id }} label="导出Word" /></Group>
        <SignedMinutes minutes={minutes} />
      </Stack>
    )
  }
  if (minutes.editBlockedReason) {
    return (
      <Alert color="yellow" variant="light" title="暂不能起草纪要">
        <Group gap={6} wrap="nowrap"><RuleBadge rule="R-M5" /><span>{minutes.editBlockedReason}</span></Group>
      </Alert>
    )
  }

  const dirty = isDirty(minutes, draft)
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch })
  const setSection = (i: number, s: DraftSection) => set({ sections: draft.sections.map((x, j) => (j === i ? s : x)) })
  const move = (i: number, by: -1 | 1) => {
    const next = [...draft.sections]
    ;[next[i], next[i + by]] = [next[i + by], next[i]]
    set({ sections: next })
  }
  const remove = (i: number) => set({ sections: draft.sections.filter((_, j) => j !== i) })
  const add = () => set({ sections: [...draft.sections, { key: newKey(), id: null, topicId: null, heading: '', text: '' }] })

  async function saveDraft() {
    const m = await save.mutate(saveInput(meeting.id, draft!))
    if (m) setDraft(draftOf(m))
  }
  async function refill() {
    setRefilling(true); setRefillError(null)
    try {
      const fresh = await api.call('minutes.get', { meetingId: meeting.id })
      set({ attendance: fresh.proposedAttendance })
    } catch (e) {
      setRefillError(e as ApiError)
    } finally { setRefilling(false) }
  }
  function signed(m: Minutes) {
    setDraft(draftOf(m))
    if (m.signed) setSignedNotice(`纪要已签发，编号${m.numberText ?? ''}。`)
  }

  const empty = draft.sections.filter((s) => !s.text.trim()).length
  return (
    <Stack gap="md">
      <Paper withBorder radius="sm" p="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Group gap="xs" align="center">
              <Title order={3}>{minutes.title}</Title>
              <Badge variant="light" color="gray" radius="sm">{minutes.status}</Badge>
              {dirty && <Badge variant="light" color="orange" radius="sm">有未保存的修改</Badge>}
            </Group>
            <Group gap={6} mt={4}>
              <Text size="sm" c="dimmed" aria-label="纪要编号">{minutes.numberText ?? '签发后编号'}</Text>
              <RuleBadge rule="X-1" />
            </Group>
          </div>
          <Group gap="xs" wrap="nowrap">
            <DownloadButton name="minutes.exportDocx" input={{ meetingId: meeting.id }} label="导出Word" />
            {writer && <Button size="xs" onClick={saveDraft} loading={save.busy}>保存草稿</Button>}
          </Group>
        </Group>
        {!minutes.saved && (
          <Text size="sm" c="dimmed" mt="xs">下面是按会议情况生成的建议稿，尚未保存。填写议定事项后请“保存草稿”。</Text>
        )}
      </Paper>

      <Section title="开头">
        <Textarea aria-label="开头段落" autosize minRows={2} maxRows={8} value={draft.opening} maxLength={2000}
          onChange={(e) => set({ opening: e.currentTarget.value })} />
      </Section>

      <Section title={`议定事项（${draft.sections.length}部分）`}
        description="每个议题一部分，印发时依次编为“一、二、……”。段落之间换行；以“（一）”等开头的段落，其第一句在Word中排为楷体小标题。"
        actions={<Button size="xs" variant="default" onClick={add}>增加一部分</Button>}>
        <Stack gap="sm">
          {draft.sections.map((s, i) => (
            <SectionCard key={s.key} section={s} index={i} count={draft.sections.length}
              onChange={(x) => setSection(i, x)} onMove={(by) => move(i, by)} onRemove={() => remove(i)} />
          ))}
          {!draft.sections.length && <Text size="sm" c="dimmed">还没有议定事项，请“增加一部分”。</Text>}
        </Stack>
      </Section>

      <Section title="出席、请假、列席" description="按纪要印发的名单，每人一项；可直接增删。">
        <AttendanceLists value={draft.attendance} onChange={(attendance) => set({ attendance })} onRefill={refill} refilling={refilling} />
        <ErrorAlert error={refillError} onClose={() => setRefillError(null)} />
      </Section>

      <Section title="分送">
        <Textarea aria-label="分送" autosize minRows={2} value={draft.distribution} maxLength={1000}
          placeholder="如：市委办公室，市人大常委会办公室，市政协办公室，各县（市、区）人民政府，市政府各部门。"
          onChange={(e) => set({ distribution: e.currentTarget.value })} />
      </Section>

      {writer && <Group justify="flex-end" gap="sm">
        {dirty && <Text size="sm" c="orange.8">有未保存的修改</Text>}
        <Button onClick={saveDraft} loading={save.busy}>保存草稿</Button>
      </Group>}
      <Feedback state={save} />

      {writer && <SignOffPanel minutes={minutes} onChanged={signed} correctable={canCorrect(meeting, user.role, can)}
        blockedBy={dirty ? '纪要有未保存的修改，请先保存草稿，再签发。' : empty ? `还有${empty}部分议定事项未填写内容，填写并保存后才能签发。` : null} />}
    </Stack>
  )
}
