import { Stack, Table, Text } from '@mantine/core'
import type { HolidayLine } from './summary'

/** The year's arrangement in words, as the notice gives it. */
export function HolidayList({ lines }: { lines: HolidayLine[] }) {
  if (lines.length === 0) return <Text size="sm" c="dimmed">本年没有法定节假日或调休安排。</Text>
  return (
    <Table withRowBorders verticalSpacing={6} aria-label="本年安排">
      <Table.Tbody>
        {lines.map((l) => (
          <Table.Tr key={l.name}>
            <Table.Td w={64} px={0} style={{ verticalAlign: 'top' }}><Text size="sm" fw={600}>{l.name}</Text></Table.Td>
            <Table.Td>
              <Stack gap={2}>
                {l.holidayDays > 0 && <Text size="sm">{l.periods.join('、')}放假，共{l.holidayDays}天</Text>}
                {l.workdays.length > 0 && <Text size="sm" c="orange.9">{l.workdays.join('、')}上班</Text>}
              </Stack>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
