import { Button, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { type DraftSection } from './model'
import { chineseNumber } from '../../../lib/format'

/** One topic section of the minutes: its heading and its 议定事项, with buttons to move or remove it. */
export function SectionCard({ section, index, count, onChange, onMove, onRemove }: {
  section: DraftSection
  index: number
  count: number
  onChange: (s: DraftSection) => void
  onMove: (by: -1 | 1) => void
  onRemove: () => void
}) {
  const n = chineseNumber(index + 1)
  return (
    <Paper withBorder radius="sm" p="sm" role="group" aria-label={`第${n}部分`} bg="gray.0">
      <Group justify="space-between" align="center" mb={6} wrap="nowrap">
        <Text fw={600} size="sm">{`第${n}部分`}{section.topicId === null && <Text span size="xs" c="dimmed" fw={400} ml={6}>（另增事项，不对应议题）</Text>}</Text>
        <Group gap={4} wrap="nowrap">
          <Button size="compact-xs" variant="default" aria-label={`上移第${n}部分`} disabled={index === 0} onClick={() => onMove(-1)}>上移</Button>
          <Button size="compact-xs" variant="default" aria-label={`下移第${n}部分`} disabled={index === count - 1} onClick={() => onMove(1)}>下移</Button>
          <Button size="compact-xs" variant="subtle" color="red" aria-label={`删除第${n}部分`} onClick={onRemove}>删除</Button>
        </Group>
      </Group>
      <Stack gap={8}>
        <TextInput label="标题" aria-label={`第${n}部分标题`} required value={section.heading} maxLength={200}
          onChange={(e) => onChange({ ...section, heading: e.currentTarget.value })} placeholder="如：关于城区老旧小区改造的议题" />
        <Textarea label="议定事项" aria-label={`第${n}部分议定事项`} required autosize minRows={3} maxRows={16} value={section.text}
          onChange={(e) => onChange({ ...section, text: e.currentTarget.value })}
          placeholder="会议听取了……的汇报，原则同意……。会议要求：……" />
      </Stack>
    </Paper>
  )
}
