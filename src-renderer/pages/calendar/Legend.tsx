import { Group, Text } from '@mantine/core'
import type { DayType } from './summary'

const ITEMS: { type: DayType; note: string }[] = [
  { type: '法定节假日', note: '休' },
  { type: '调休上班', note: '班' },
  { type: '周末', note: '' },
  { type: '工作日', note: '' },
]

/** What each colour means, drawn with the same style as the days themselves. */
export function Legend() {
  return (
    <Group gap="lg" aria-label="图例">
      {ITEMS.map((i) => (
        <Group key={i.type} gap={6} wrap="nowrap">
          <span className="sb-day sb-legend-swatch" data-daytype={i.type} style={i.type === '工作日' ? { boxShadow: 'inset 0 0 0 1px var(--mantine-color-gray-4)' } : undefined} />
          <Text size="sm">{i.type}{i.note && `（${i.note}）`}</Text>
        </Group>
      ))}
    </Group>
  )
}
