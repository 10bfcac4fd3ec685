import { useMemo, useState } from 'react'
import { DatePickerInput, type DatePickerInputProps } from '@mantine/dates'
import { useQuery } from '../api/client'
import { DATE_PROPS, todayIso } from '../lib/format'

const MARK = { 法定节假日: '休', 调休上班: '班' } as const

/**
 * The days of the year a picker shows, from the official calendar (R-W2): 法定节假日 marked 休 and drawn as days off,
 * 调休上班 marked 班 and drawn as working days even on a Saturday. A year not entered shows weekends only.
 */
function useHolidayDays(year: number) {
  const view = useQuery('calendar.year', { year })
  return useMemo(() => new Map((view.data?.known ? view.data.days : []).filter((d) => d.type in MARK).map((d) => [d.date, d])), [view.data])
}

/**
 * Every date field of the product: a Mantine DatePickerInput read the Chinese way (DATE_PROPS) whose calendar marks
 * holidays and 调休 days. A drop-in for `<DatePickerInput {...DATE_PROPS} …/>`; the field's own props win.
 */
export function OfficeDateInput(props: DatePickerInputProps<'default'>) {
  // The year on screen: the value's (or today's) until the user pages to another month.
  const [paged, setPaged] = useState<number | null>(null)
  const base = String(props.value ?? props.defaultDate ?? todayIso()).slice(0, 4)
  const days = useHolidayDays(paged ?? Number(base))
  return (
    <DatePickerInput
      {...DATE_PROPS}
      onDateChange={(d) => setPaged(Number(String(d).slice(0, 4)))}
      onDropdownClose={() => setPaged(null)}
      renderDay={(date) => {
        const d = days.get(date)
        return <>{Number(date.slice(8))}{d && <span className="sb-day-mark" aria-hidden>{MARK[d.type as keyof typeof MARK]}</span>}</>
      }}
      getDayProps={(date) => {
        const d = days.get(date)
        // The name stays the date (as every picker reads it); the day's type is its description and tooltip.
        const about = d && `${d.type}（${d.name}）`
        return d ? { className: 'sb-pick', 'data-daytype': d.type, title: about, 'aria-description': about, weekend: d.type === '法定节假日' } : { className: 'sb-pick' }
      }}
      {...props}
    />
  )
}
