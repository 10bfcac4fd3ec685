import { Paper, SimpleGrid, Text } from '@mantine/core'
import { Month } from '@mantine/dates'
import { formatDateWithWeekday } from '../../lib/format'
import type { DayInfo } from './summary'

const MARK: Partial<Record<DayInfo['type'], string>> = { 法定节假日: '休', 调休上班: '班' }

/** '法定节假日（国庆节）', '周末'. */
export const typeLabel = (d: DayInfo) => `${d.type}${d.name ? `（${d.name}）` : ''}`

/** '2026年10月1日 星期四，法定节假日（国庆节）': the day's tooltip and accessible name. */
export const describeDay = (d: DayInfo) => `${formatDateWithWeekday(d.date)}，${typeLabel(d)}`

/** The twelve months of a year, each day coloured by its type; clickable when `onPick` is given. */
export function YearGrid({ year, days, onPick }: { year: number; days: ReadonlyMap<string, DayInfo>; onPick?: (day: DayInfo) => void }) {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}-01`)
  return (
    <SimpleGrid cols={{ base: 2, md: 3, lg: 4 }} spacing="xs" verticalSpacing="xs">
      {months.map((month, i) => (
        <Paper key={month} withBorder p="xs" radius="sm">
          <Text fw={600} size="sm" ta="center" mb={4}>{i + 1}月</Text>
          <Month
            month={month}
            size="xs"
            fullWidth
            withCellSpacing={false}
            hideOutsideDates
            highlightToday
            weekendDays={[]}
            static={!onPick}
            getDayAriaLabel={(date) => { const d = days.get(date); return d ? describeDay(d) : date }}
            renderDay={(date) => {
              const mark = MARK[days.get(date)?.type ?? '工作日']
              return <>{Number(date.slice(8))}{mark && <span className="sb-day-mark" aria-hidden>{mark}</span>}</>
            }}
            getDayProps={(date) => {
              // Outside days (hidden) belong to the neighbouring month's table.
              const d = date.startsWith(month.slice(0, 8)) ? days.get(date) : undefined
              if (!d) return {}
              return {
                className: 'sb-day',
                'data-daytype': d.type,
                'data-date': date,
                'data-editable': onPick ? true : undefined,
                title: describeDay(d),
                onClick: onPick ? () => onPick(d) : undefined,
              }
            }}
          />
        </Paper>
      ))}
    </SimpleGrid>
  )
}
