/** 领导外出's inputs, defined once (R-P5): the procedures check calls against them, the service takes their output types. */
import { z } from 'zod'
import { id, isoDate, optionalText } from '../kernel/fields'
import { ABSENCE_KINDS, APPROVAL_STATES } from '../common/absences'

export const absenceInput = z.object({
  id: id('外出记录').optional(),
  personId: id('外出人员'),
  kind: z.enum(ABSENCE_KINDS).describe('外出类别'),
  startDate: isoDate('开始日期'),
  endDate: isoDate('结束日期'),
  destination: optionalText('外出地点', 100),
  reason: optionalText('事由', 500),
  actingPersonId: id('代行人').nullable().optional(),
  reportedTo: z.array(id('报告对象')).describe('报告对象').max(10).default([]),
  approval: z.enum(APPROVAL_STATES).describe('审批情况').default('待批'),
  approvedById: id('批准人').nullable().optional(),
  approvedOn: isoDate('批准日期').nullable().optional(),
  note: optionalText('备注', 500),
}).refine((a) => a.endDate >= a.startDate, { message: '不能早于开始日期', path: ['endDate'] })
export type AbsenceInput = z.output<typeof absenceInput>
