import { useMemo } from 'react'
import FullCalendar from '@fullcalendar/react'
import dayGridPlugin from '@fullcalendar/daygrid'
import timeGridPlugin from '@fullcalendar/timegrid'
import listPlugin from '@fullcalendar/list'
import interactionPlugin, { type DateClickArg } from '@fullcalendar/interaction'
import zhCnLocale from '@fullcalendar/core/locales/zh-cn'
import type { DatesSetArg, DayCellContentArg, DayHeaderContentArg, EventClickArg, EventInput, EventMountArg } from '@fullcalendar/core'
import dayjs from 'dayjs'
import { formatDateWithWeekday } from '../../../lib/format'
import {
  ABSENCE_COLOR, CANCELLED_COLOR, KIND_COLOR, absenceText, dayRuns, meetingSpan, nextDay, prevDay, shortTitle,
  type CalendarData, type HalfDay,
} from './model'

export type CalendarView = 'dayGridMonth' | 'timeGridWeek' | 'listMonth'
export const VIEW_LABEL: Record<CalendarView, string> = { dayGridMonth: '月', timeGridWeek: '周', listMonth: '列表' }

/**
 * Where the calendar was when the user left for a meeting, so 返回日历 (or reloading the page) comes back
 * to the same month and view; kept for the browser tab's session only.
 */
const POSITION_KEY = 'sanban.meetings.calendar'
export const lastPosition: { view: CalendarView; date: string | null } = (() => {
  try {
    const saved = JSON.parse(sessionStorage.getItem(POSITION_KEY) ?? 'null') as { view?: string; date?: string } | null
    if (saved && saved.view && saved.view in VIEW_LABEL && /^\d{4}-\d{2}-\d{2}$/.test(saved.date ?? '')) return { view: saved.view as CalendarView, date: saved.date! }
  } catch { /* nothing saved */ }
  return { view: 'dayGridMonth', date: null }
})()
function remember(view: CalendarView, date: string) {
  lastPosition.view = view
  lastPosition.date = date
  try { sessionStorage.setItem(POSITION_KEY, JSON.stringify(lastPosition)) } catch { /* private mode */ }
}

export interface VisibleRange { from: string; to: string; view: CalendarView }

const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
const isoOf = (d: Date) => dayjs(d).format('YYYY-MM-DD')

/** The meetings of the visible period on FullCalendar: month, week and list, Monday first, with holidays, 调休 and absences. */
export function MeetingCalendar({ data, view, onRange, onDayClick, onMeetingClick }: {
  data: CalendarData | undefined
  view: CalendarView
  onRange: (range: VisibleRange) => void
  onDayClick: (date: string, slot?: { halfDay: HalfDay; startTime: string }) => void
  onMeetingClick: (id: number) => void
}) {
  const days = useMemo(() => new Map((data?.days ?? []).map((d) => [d.date, d])), [data])

  const events = useMemo<EventInput[]>(() => {
    if (!data) return []
    const list = view === 'listMonth'
    const out: EventInput[] = []
    for (const m of data.meetings) {
      const cancelled = m.status === '已取消'
      const color = cancelled ? CANCELLED_COLOR : KIND_COLOR[m.kind]
      const where = [m.place, m.chairTitle && `${m.chairTitle}${m.chairName ?? ''}主持`].filter(Boolean).join('，')
      out.push({
        id: `m${m.id}`, title: `${cancelled ? '已取消：' : ''}${shortTitle(m)}`, ...meetingSpan(m),
        backgroundColor: cancelled ? '#f1f3f5' : color, borderColor: color, textColor: cancelled ? '#495057' : '#fff',
        classNames: ['sb-fc-meeting', ...(cancelled ? ['sb-fc-cancelled'] : [])],
        extendedProps: {
          order: 0, meetingId: m.id,
          tooltip: `${m.title}\n${formatDateWithWeekday(m.date)} ${m.halfDay}${m.startTime ? ` ${m.startTime}` : ''}${where ? `\n${where}` : ''}\n${m.status}${m.topicCount ? `，议题${m.topicCount}项` : ''}`,
        },
      })
    }
    for (const a of data.absences) {
      out.push({
        id: `a${a.id}`, title: `${a.personName ?? ''} ${a.kind}`, start: a.startDate, end: nextDay(a.endDate), allDay: true,
        backgroundColor: ABSENCE_COLOR, borderColor: '#ced4da', textColor: '#495057', classNames: ['sb-fc-absence'],
        extendedProps: { order: 1, tooltip: absenceText(a) },
      })
    }
    // The list shows each holiday once per day; the grids tint each day on its own (one background event per day,
    // so a holiday spanning several days does not cover the cells' borders).
    const dayLabel = (kind: '放假' | '上班', name: string | null) => (kind === '放假' ? `${name ?? '法定节假日'}放假` : `调休上班${name ? `（${name}）` : ''}`)
    if (list) {
      for (const r of dayRuns(data.days)) {
        out.push({
          id: `d${r.from}`, start: r.from, end: nextDay(r.to), allDay: true, title: dayLabel(r.kind, r.name),
          backgroundColor: r.kind === '放假' ? '#c92a2a' : '#e8590c', classNames: [r.kind === '放假' ? 'sb-fc-holiday' : 'sb-fc-makeup'],
          extendedProps: { order: 2, tooltip: dayLabel(r.kind, r.name) },
        })
      }
    } else {
      for (const d of data.days) {
        out.push({
          id: `d${d.date}`, start: d.date, end: nextDay(d.date), allDay: true, display: 'background',
          classNames: [d.kind === '放假' ? 'sb-fc-holiday' : 'sb-fc-makeup'], extendedProps: { order: 2, tooltip: dayLabel(d.kind, d.name) },
        })
      }
    }
    return out
  }, [data, view])

  function dayMark(date: string) {
    const d = days.get(date)
    if (!d) return null
    return (
      <span className="sb-fc-mark" data-kind={d.kind}>
        <span className="sb-fc-mark-box" data-kind={d.kind}>{d.kind === '放假' ? '休' : '班'}</span>
        {d.name && <span className="sb-fc-mark-name">{d.kind === '上班' ? `${d.name}调休` : d.name}</span>}
      </span>
    )
  }

  const cellContent = (arg: DayCellContentArg) => arg.view.type !== 'dayGridMonth' ? null : (
    <span className="sb-fc-daytop">
      {dayMark(isoOf(arg.date))}
      <span className="sb-fc-daynum">{arg.dayNumberText.replace('日', '')}</span>
    </span>
  )

  const headerContent = (arg: DayHeaderContentArg) => {
    if (arg.view.type !== 'timeGridWeek') return arg.text
    const iso = isoOf(arg.date)
    return (
      <span className="sb-fc-head">
        <span>{WEEKDAY[arg.date.getDay()]} {arg.date.getMonth() + 1}月{arg.date.getDate()}日</span>
        {dayMark(iso)}
      </span>
    )
  }

  function datesSet(arg: DatesSetArg) {
    const type = arg.view.type as CalendarView
    remember(type, isoOf(arg.view.currentStart))
    onRange({ from: isoOf(arg.start), to: prevDay(isoOf(arg.end)), view: type })
  }

  function dateClick(arg: DateClickArg) {
    const date = isoOf(arg.date)
    if (arg.allDay) return onDayClick(date)
    const time = dayjs(arg.date).format('HH:mm')
    onDayClick(date, { halfDay: time < '12:00' ? '上午' : '下午', startTime: time })
  }

  function eventClick(arg: EventClickArg) {
    const id = arg.event.extendedProps.meetingId as number | undefined
    arg.jsEvent.preventDefault()
    if (id) onMeetingClick(id)
  }

  function eventDidMount(arg: EventMountArg) {
    const tip = arg.event.extendedProps.tooltip as string | undefined
    if (tip) arg.el.title = tip
    if (arg.event.extendedProps.meetingId) arg.el.setAttribute('data-meeting-id', String(arg.event.extendedProps.meetingId))
  }

  return (
    <div className="sb-fc">
      <FullCalendar
        plugins={[dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
        locale={zhCnLocale}
        firstDay={1}
        initialView={lastPosition.view}
        initialDate={lastPosition.date ?? undefined}
        headerToolbar={{ left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,listMonth' }}
        buttonIcons={false}
        buttonText={{
          prev: view === 'timeGridWeek' ? '‹ 上周' : '‹ 上月', next: view === 'timeGridWeek' ? '下周 ›' : '下月 ›',
          today: view === 'timeGridWeek' ? '本周' : '本月', month: VIEW_LABEL.dayGridMonth, week: VIEW_LABEL.timeGridWeek, list: VIEW_LABEL.listMonth,
        }}
        buttonHints={{ prev: '上一$0', next: '下一$0', today: '回到本$0' }}
        viewHint="$0视图"
        navLinkHint="前往$0"
        moreLinkHint="显示另外$0项"
        closeHint="关闭"
        timeHint="时间"
        eventHint="日程"
        moreLinkText={(n) => `另有${n}项`}
        noEventsText="本期间没有会议和外出安排"
        allDayText="全天"
        height="auto"
        fixedWeekCount={false}
        dayMaxEvents={5}
        eventDisplay="block"
        displayEventEnd={false}
        eventOrder="order,start,title"
        eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        slotMinTime="07:00:00"
        slotMaxTime="21:00:00"
        scrollTime="08:00:00"
        nowIndicator={false}
        listDayFormat={{ month: 'long', day: 'numeric' }}
        listDaySideFormat={{ weekday: 'long' }}
        views={{ listMonth: { buttonText: VIEW_LABEL.listMonth }, timeGridWeek: { buttonText: VIEW_LABEL.timeGridWeek } }}
        events={events}
        dayCellContent={cellContent}
        dayHeaderContent={headerContent}
        datesSet={datesSet}
        dateClick={dateClick}
        eventClick={eventClick}
        eventDidMount={eventDidMount}
      />
    </div>
  )
}
