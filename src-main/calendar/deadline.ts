/**
 * One meaning of a deadline (issue 16): how far a 办结时限, 承办时限, 督办 or 建议提案 deadline is, counted in working
 * days from the holiday calendar both ways — time left and time overdue — so the same row shows the same figure on
 * its page, in the registers, the 首页 due list, 督办 and Excel. Across a year without holiday data the count is by
 * weekends and the label says 暂定 (R-W2, X-6).
 */
import { addDays, type IsoDate } from '../common/dates'
import { countWorkingDays, isProvisional, type HolidayCalendar } from './rules'

/** Due within this many working days after today counts as 临期; 首页 lists them. */
export const DUE_SOON_WORKING_DAYS = 3

export interface DeadlineTiming {
  state: '逾期' | '临期' | '正常' | '已完成'
  /** Working days left after today up to the deadline (0 = due today); null when overdue or done. */
  workingDaysLeft: number | null
  /** Working days past the deadline up to today, for an overdue item (0 on a rest day right after it). */
  workingDaysOverdue: number | null
  /** The count crosses a year without holiday data (暂定). */
  provisional: boolean
  /** 剩余3个工作日 · 今日到期 · 逾期2个工作日 · 按期完成 · 超期1个工作日完成, with （暂定） when provisional. */
  label: string
}

/** Working days strictly after `from` up to and including `to`. */
const workingDaysAfter = (cal: HolidayCalendar, from: IsoDate, to: IsoDate) => countWorkingDays(cal, addDays(from, 1), to)
const pastText = (n: number) => (n > 0 ? `${n}个工作日` : '')

export function deadlineTiming(cal: HolidayCalendar, today: IsoDate, deadline: IsoDate, doneOn: IsoDate | null = null): DeadlineTiming {
  const end = doneOn ?? today
  const provisional = end > deadline ? isProvisional(cal, deadline, end) : isProvisional(cal, end, deadline)
  const mark = provisional ? '（暂定：节假日安排未录入）' : ''
  const timing = (state: DeadlineTiming['state'], label: string, left: number | null = null, overdue: number | null = null): DeadlineTiming =>
    ({ state, workingDaysLeft: left, workingDaysOverdue: overdue, provisional, label: `${label}${mark}` })
  if (doneOn) return doneOn > deadline ? timing('已完成', `超期${pastText(workingDaysAfter(cal, deadline, doneOn))}完成`) : timing('已完成', '按期完成')
  if (today > deadline) {
    const n = workingDaysAfter(cal, deadline, today)
    return timing('逾期', n > 0 ? `逾期${n}个工作日` : '已过时限', null, n)
  }
  if (today === deadline) return timing('临期', '今日到期', 0)
  const left = workingDaysAfter(cal, today, deadline)
  return timing(left <= DUE_SOON_WORKING_DAYS ? '临期' : '正常', `剩余${left}个工作日`, left)
}
