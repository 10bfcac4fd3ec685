import { useEffect, useState, type FormEvent } from 'react'
import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { useMutation } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import { formatDateWithWeekday } from '../../lib/format'
import type { DayInfo } from './summary'

type Kind = '放假' | '上班' | '平常'
const KIND_OF: Record<DayInfo['type'], Kind> = { 法定节假日: '放假', 调休上班: '上班', 周末: '平常', 工作日: '平常' }

/** Correct one day of an entered year: a holiday, a make-up working day, or an ordinary day again. */
export function CorrectDayDialog({ day, onClose, onDone }: { day: DayInfo | null; onClose: () => void; onDone: () => void }) {
  const [kind, setKind] = useState<Kind>('平常')
  const [name, setName] = useState('')
  const correct = useMutation('calendar.correctDay', { invalidates: ['*'] })
  const { reset } = correct

  useEffect(() => {
    if (!day) return
    setKind(KIND_OF[day.type]); setName(day.name ?? ''); reset()
  }, [day, reset])

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (!day) return
    if (await correct.mutate({ date: day.date, kind, name: kind === '平常' ? null : name })) onDone()
  }

  return (
    <Modal opened={!!day} onClose={onClose} title={<Text fw={600}>更正日期安排</Text>} size="md">
      {day && (
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Text size="sm">{formatDateWithWeekday(day.date)}　现为：<b>{day.type}</b>{day.name && `（${day.name}）`}</Text>
            <ErrorAlert error={correct.error} />
            <SegmentedControl value={kind} onChange={(v) => setKind(v as Kind)} fullWidth data={[
              { value: '放假', label: '放假（法定节假日）' },
              { value: '上班', label: '上班（调休）' },
              { value: '平常', label: '平常（按星期）' },
            ]} />
            <TextInput label="节日名称" value={kind === '平常' ? '' : name} onChange={(e) => setName(e.currentTarget.value)}
              disabled={kind === '平常'} required={kind !== '平常'} placeholder="如：国庆节" />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>取消</Button>
              <Button type="submit" loading={correct.busy}>保存更正</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  )
}
