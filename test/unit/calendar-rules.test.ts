import { describe, expect, it } from 'vitest'
import { countWorkingDays, dayInfo, isProvisional, isWorkingDay, missingYearNote, parseArrangement, provisionalYears, shiftWorkingDays, statutoryHolidays } from '../../src-main/calendar/rules'
import { packagedCalendar } from '../helpers/calendar'

const cal = packagedCalendar()

describe('R-W2 the official holiday calendar decides working days', () => {
  it.each([
    ['2026-09-30', true, '工作日', '国庆前的星期三'],
    ['2026-10-01', false, '法定节假日', '国庆节'],
    ['2026-10-04', false, '法定节假日', '国庆假期中的星期日'],
    ['2026-10-07', false, '法定节假日', '国庆最后一天（星期三）'],
    ['2026-10-08', true, '工作日', '节后第一天'],
    ['2026-10-10', true, '调休上班', '国庆调休的星期六'],
    ['2026-10-11', false, '周末', '普通星期日'],
    ['2026-09-20', true, '调休上班', '国庆调休的星期日'],
    ['2026-11-25', true, '工作日', '普通星期三'],
  ])('%s is working=%s (%s: %s)', (date, working, type) => {
    expect(isWorkingDay(cal, date)).toBe(working)
    expect(dayInfo(cal, date).type).toBe(type)
  })

  it('names the holiday of a 法定节假日 and of its 调休 day', () => {
    expect(dayInfo(cal, '2026-10-01').name).toBe('国庆节')
    expect(dayInfo(cal, '2026-10-10').name).toBe('国庆节')
  })

  it('judges a date in a year with no arrangement by weekends alone and marks it provisional (暂定), naming the year (X-6)', () => {
    expect(dayInfo(cal, '2031-03-03')).toEqual({ date: '2031-03-03', working: true, type: '工作日', name: null, provisional: true })
    expect(dayInfo(cal, '2031-03-01')).toMatchObject({ working: false, type: '周末', provisional: true })
    expect(dayInfo(cal, '2026-10-01').provisional).toBe(false)
    expect(missingYearNote(2031)).toMatch(/2031年的节假日安排尚未录入.*暂定.*请文秘或科长在“节假日”中/)
  })
})

describe('working-day arithmetic across 国庆 2026 and its make-up Saturday', () => {
  it.each([
    // [from, n, expected, why]
    ['2026-09-30', 1, '2026-10-08', 'the day after 9月30日 skips the whole 国庆 holiday'],
    ['2026-10-08', 2, '2026-10-10', 'the make-up Saturday counts as a working day'],
    ['2026-10-09', 1, '2026-10-10', 'Friday → the make-up Saturday'],
    ['2026-10-10', 1, '2026-10-12', 'Saturday make-up → Monday, the Sunday is off'],
    ['2026-10-12', -1, '2026-10-10', 'backwards onto the make-up Saturday'],
    ['2026-10-08', -1, '2026-09-30', 'backwards over the holiday'],
    ['2026-10-20', -10, '2026-09-30', 'R-M3: ten working days before 10月20日 falls before the holiday'],
    ['2026-09-21', -1, '2026-09-20', 'the make-up Sunday before 国庆 is a working day'],
  ])('%s shifted by %i working days is %s (%s)', (from, n, expected) => {
    expect(shiftWorkingDays(cal, from, n)).toBe(expected)
  })

  it.each([
    ['2026-09-28', '2026-10-11', 6, 'Mon 9/28–Wed 9/30 plus Thu 10/8, Fri 10/9 and the make-up Saturday 10/10'],
    ['2026-10-01', '2026-10-07', 0, 'the holiday itself'],
    ['2026-10-12', '2026-10-11', 0, 'an empty period'],
    ['2026-11-23', '2026-11-27', 5, 'an ordinary week'],
  ])('counts working days from %s to %s inclusive as %i (%s)', (from, to, n) => {
    expect(countWorkingDays(cal, from, to)).toBe(n)
  })

  it('a deadline that runs into a year with no data is counted by weekends and said to be provisional (X-6)', () => {
    expect(shiftWorkingDays(cal, '2026-12-28', 3)).toBe('2026-12-31')
    expect(isProvisional(cal, '2026-12-28', '2026-12-31')).toBe(false)
    expect(shiftWorkingDays(cal, '2026-12-28', 4)).toBe('2027-01-01')
    expect(isProvisional(cal, '2026-12-28', '2027-01-01')).toBe(true)
    expect(provisionalYears(cal, '2041-01-01', '2039-12-31')).toEqual([2039, 2040, 2041])
    expect(countWorkingDays(cal, '2040-01-02', '2040-01-08')).toBe(5)
  })
})

describe('R-W1 statutory holidays for the leaders\' duty', () => {
  it('groups 2026 国庆 as seven consecutive days 10月1日–7日', () => {
    const national = statutoryHolidays(cal, 2026).find((h) => h.name === '国庆节')
    expect(national?.dates).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'])
  })
  it('leaves out make-up working days and ordinary weekends', () => {
    const all = statutoryHolidays(cal, 2026).flatMap((h) => h.dates)
    expect(all).not.toContain('2026-10-10')
    expect(all).not.toContain('2026-10-11')
  })
})

describe('importing an arrangement typed from the notice (X-6)', () => {
  it('reads periods and single days', () => {
    const r = parseArrangement(2027, '2027-10-01 至 2027-10-07 放假 国庆节\n2027-09-26 上班 国庆节\n# 备注行\n')
    expect('days' in r && r.days.length).toBe(8)
    expect('days' in r && r.days.find((d) => d.date === '2027-09-26')).toEqual({ date: '2027-09-26', kind: '上班', name: '国庆节' })
  })
  it.each([
    ['2027-10-01 放假', '第1行无法识别'],
    ['2027-02-30 放假 春节', '日期不存在'],
    ['2026-10-01 放假 国庆节', '不在2027年内'],
    ['2027-10-07 至 2027-10-01 放假 国庆节', '结束日期早于开始日期'],
    ['', '没有读到任何日期'],
  ])('refuses %j with a Chinese reason', (text, reason) => {
    const r = parseArrangement(2027, text)
    expect('error' in r && r.error).toContain(reason)
  })
})
