/**
 * What the duty roster prints show (X-4), for the Word file (./docx) and the Excel file (./xlsx) alike: one row a day
 * with each role's name and phones, the printed title, the period, the duty phone and the notes under the table.
 */
import { asc, eq } from 'drizzle-orm'
import type { ReadDb } from '../db/connection'
import { chineseDate, chineseWeekday } from '../common/dates'
import { ROLES_OF_ROSTER } from '../common/duty'
import { readSettings, type Settings } from '../settings/service'
import { departments } from '../org/schema'
import type { getRoster } from './service'
import type { dutyLog } from './schema'
import type { listHandovers } from './journal'

export type RosterDetail = ReturnType<typeof getRoster>
export type DutyLogEntry = typeof dutyLog.$inferSelect
export type Handover = ReturnType<typeof listHandovers>[number]

/** 12月1日 星期二 (国庆节): the date column of both files. */
export function dayLabel(day: { date: string; name: string | null; holiday: boolean }): string {
  const [, m, d] = day.date.split('-').map(Number)
  return `${m}月${d}日 ${chineseWeekday(day.date)}${day.holiday && day.name ? `（${day.name}）` : ''}`
}

/** The roster's roles in column order. */
export const rosterRoles = (r: RosterDetail): readonly string[] => ROLES_OF_ROSTER[r.roster.kind]

/** R-W1: the leaders' roster shows, beside each day's leader and post, the office's staff on duty and how to reach them. */
export const isLeadersRoster = (r: RosterDetail): boolean => r.roster.kind === '领导带班'

export interface RosterCell { name: string; post: string; officePhone: string; mobile: string }

/** The office's staff on duty that day, one line each (带班 何振华 13800000001), or why there is none. */
export function staffLines(day: RosterDetail['days'][number]): string[] {
  if (!day.staff.length) return ['办公室值班表尚未发布']
  return day.staff.map((s) => [s.role, s.person?.name ?? `人员${s.personId}`, s.person?.mobile ?? s.person?.officePhone ?? ''].filter(Boolean).join(' '))
}

/** One row a day: the date label, for each role name, post, office phone and mobile ('' when not yet set), and the staff on duty. */
export function rosterRows(r: RosterDetail): { date: string; label: string; cells: RosterCell[]; staff: string[] }[] {
  return r.days.map((day) => ({
    date: day.date,
    label: dayLabel(day),
    cells: rosterRoles(r).map((role) => {
      const duty = day.duties.find((d) => d.role === role)
      const p = duty?.person
      return { name: p?.name ?? '', post: duty?.post ?? '', officePhone: p?.officePhone ?? '', mobile: p?.mobile ?? '' }
    }),
    staff: isLeadersRoster(r) ? staffLines(day) : [],
  }))
}

/** The printed title names the government: 2026年12月市政府办公室值班表 → 资阳市人民政府办公室2026年12月值班表. */
export function printedTitle(title: string, settings: Pick<Settings, 'governmentName' | 'officeName'>): string {
  if (title.includes('市政府办公室')) return settings.officeName + title.replace('市政府办公室', '')
  if (title.includes('市政府')) return settings.governmentName + title.replace('市政府', '')
  return title
}

/** The period line: 2026年12月1日至2026年12月31日 (the days actually on the roster). */
export function periodText(r: RosterDetail): string {
  const from = r.days[0]?.date ?? r.roster.fromDate
  const to = r.days.at(-1)?.date ?? r.roster.toDate
  return from === to ? chineseDate(from) : `${chineseDate(from)}至${chineseDate(to)}`
}

/** The duty phone: the phone of the office's own department (办公室内设, first in order). */
export function dutyPhone(db: ReadDb): string | null {
  const configured = readSettings(db).dutyPhone
  if (configured) return configured
  const row = db.select({ phone: departments.phone }).from(departments).where(eq(departments.kind, '办公室内设'))
    .orderBy(asc(departments.sortOrder), asc(departments.id)).all().find((d) => d.phone)
  return row?.phone ?? null
}

export const rosterNotes = (cityName: string): Record<string, string[]> => ({
  办公室值班: [
    '值班时间为当日9:00至次日9:00。带班同志负责当日值班工作的指导和重要情况的处置。',
    '值班人员须坚守岗位，保持通讯畅通，认真填写值班记录，做好交接班。',
    '确需换班的，须经对方同意并报带班同志同意，由办公室登记后调整。',
    '遇有重大突发事件，按规定立即报告带班同志和值班领导，不得迟报、漏报。',
  ],
  领导带班: [
    `带班领导在带班期间原则上在${cityName}区，保持通讯畅通，遇有重大突发事件及时指挥处置。`,
    '带班领导确需调整的，请提前告知市政府办公室。',
    '市政府办公室同期安排工作人员24小时值班。',
  ],
})
