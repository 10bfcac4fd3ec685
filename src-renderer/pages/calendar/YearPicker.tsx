import { Button, Group, Select } from '@mantine/core'
import { thisYear } from '../../lib/format'

const MIN = 2000, MAX = 2100

/** Any year from 2000 to 2100; the entered ones first in mind, the others marked 未录入. */
export function YearPicker({ year, knownYears, onChange }: { year: number; knownYears: readonly number[]; onChange: (year: number) => void }) {
  const known = new Set(knownYears)
  const current = thisYear()
  const low = Math.max(MIN, Math.min(year, current, ...knownYears))
  const high = Math.min(MAX, Math.max(year, current + 1, ...knownYears.map((y) => y + 1)))
  const data = Array.from({ length: high - low + 1 }, (_, i) => high - i)
    .map((y) => ({ value: String(y), label: known.has(y) ? `${y}年` : `${y}年（未录入）` }))
  return (
    <Group gap={4} wrap="nowrap">
      <Button variant="default" size="xs" onClick={() => onChange(year - 1)} disabled={year <= MIN}>上一年</Button>
      <Select aria-label="年份" size="xs" w={150} data={data} value={String(year)} allowDeselect={false}
        onChange={(v) => v && onChange(Number(v))} comboboxProps={{ withinPortal: true }} maxDropdownHeight={320} />
      <Button variant="default" size="xs" onClick={() => onChange(year + 1)} disabled={year >= MAX}>下一年</Button>
    </Group>
  )
}
