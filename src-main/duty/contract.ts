/** 值班's inputs, defined once (R-W1, X-4): the procedures check calls against them, the services take their output types. */
import { z } from 'zod'
import { id, isoDate, optionalText, phone, text } from '../kernel/fields'
import { DUTY_ROLES, HANDOVER_SHIFTS, ROSTER_KINDS } from '../common/duty'

export const fromTo = { from: isoDate('开始日期'), to: isoDate('结束日期') }
type Check = [(p: { from: string; to: string }) => boolean, { message: string; path: string[] }]
export const toAfterFrom: Check = [(p) => p.to >= p.from, { message: '不能早于开始日期', path: ['to'] }]
export const withinAYear: Check = [(p) => p.to <= `${Number(p.from.slice(0, 4)) + 1}${p.from.slice(4)}`, { message: '排班期间不能超过一年', path: ['to'] }]
export const period = z.object(fromTo).refine(...toAfterFrom)
export const rosterShape = { kind: z.enum(ROSTER_KINDS).describe('值班类别'), ...fromTo }
export const rosterPeriod = z.object(rosterShape).refine(...toAfterFrom).refine(...withinAYear)
export const byId = (label: string) => z.object({ id: id(label) })
const minute = (label: string) => z.string().describe(label).regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, '应为时间，格式 2026-12-15 09:30')

export const setDutyInput = z.object({
  rosterId: id('值班表'), date: isoDate('日期'), role: z.enum(DUTY_ROLES).describe('班次'),
  personId: id('值班人员'), note: optionalText('说明', 500),
})
export type SetDutyInput = z.output<typeof setDutyInput>

export const swapInput = z.object({
  rosterId: id('值班表'), requesterId: id('申请人'), counterpartId: id('对方'),
  date: isoDate('换出日期'), returnDate: isoDate('换回日期').optional(),
  counterpartAccepted: z.boolean().describe('对方同意'),
  // X-4: the 带班 of each date involved consents by name (the leaders' own roster needs none).
  leadConsents: z.array(z.object({ date: isoDate('日期'), personId: id('同意的带班') })).max(2).describe('带班同意').default([]),
  note: optionalText('说明', 500),
})
export type SwapInput = z.output<typeof swapInput>

export const exclusionInput = z.object({ personId: id('人员'), date: isoDate('日期'), reason: optionalText('原因', 200) })
export type ExclusionInput = z.output<typeof exclusionInput>

export const logEntryInput = z.object({
  at: minute('时间').optional(),
  callerUnit: optionalText('来电单位', 100), callerName: optionalText('来电人', 40), callerPhone: phone('来电号码'),
  content: text('来电内容', 4000), handling: optionalText('处理情况', 4000), notified: optionalText('报告或通知了谁', 500),
  followUp: optionalText('后续跟进', 2000), urgent: z.boolean().describe('紧急').default(false),
})
export type DutyLogInput = z.output<typeof logEntryInput>

export const handoverInput = z.object({
  date: isoDate('日期'), shift: z.enum(HANDOVER_SHIFTS).describe('班次').optional(), note: text('交接内容', 4000),
  fromPersonId: id('交班人').nullable().optional(), toPersonId: id('接班人').nullable().optional(),
})
export type HandoverInput = z.output<typeof handoverInput>

/** 生成值班表 as a draft. */
export const generateInput = z.object({ ...rosterShape, title: optionalText('标题', 60) }).refine(...toAfterFrom).refine(...withinAYear)
export type GenerateInput = z.output<typeof generateInput>
