import { z } from 'zod'
import { query, mutation } from '../kernel/procedure'
import { id, isoDate } from '../kernel/fields'
import { ABSENCE_KINDS } from '../common/absences'
import { deleteAbsence, leadersOn, listAbsences, proposeActing, saveAbsence } from './service'
import { CLERKS, READERS } from '../common/roles'
import { absenceInput } from './contract'

const period = z.object({ from: isoDate('开始日期'), to: isoDate('结束日期') })
  .refine((p) => p.to >= p.from, { message: '不能早于开始日期', path: ['to'] })

export const absenceProcedures = {
  'absences.list': query({
    summary: '领导外出情况（含代行人和提醒）',
    access: READERS,
    input: period,
    handler: ({ db }, { from, to }) => listAbsences(db, from, to),
  }),
  'absences.save': mutation({
    summary: '登记或修改领导外出',
    access: CLERKS,
    input: absenceInput,
    handler: saveAbsence,
  }),
  'absences.delete': mutation({
    summary: '删除领导外出记录',
    access: CLERKS,
    input: z.object({ id: id('外出记录') }),
    handler: (ctx, { id }) => { deleteAbsence(ctx, id); return null },
  }),
  'absences.proposeActing': query({
    summary: '按规则建议代行人',
    access: READERS,
    input: z.object({ personId: id('外出人员'), kind: z.enum(ABSENCE_KINDS).describe('外出类别').default('出差'), date: isoDate('日期') }),
    handler: ({ db }, { personId, kind, date }) => proposeActing(db, personId, kind, date),
  }),
  'absences.leadersOn': query({
    summary: '某日各位市政府领导在岗及代行情况',
    access: READERS,
    input: z.object({ date: isoDate('日期') }),
    handler: ({ db }, { date }) => leadersOn(db, date),
  }),
}
