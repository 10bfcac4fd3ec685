import { z } from 'zod'
import { query, mutation } from '../kernel/procedure'
import { isoDate, optionalText } from '../kernel/fields'
import { ROSTER_KINDS } from '../common/duty'
import { deleteRoster, generateRoster, getRoster, getRosterWithFairness, listRosters, previewRoster, publishRoster, rosterGaps, setDuty, swap, todayOnDuty } from './service'
import { handoverPeople } from './onduty'
import { addHandover, addLogEntry, deleteExclusion, listExclusions, listHandovers, saveExclusion, searchLog } from './journal'
import { dutyLogDocx, rosterDocx } from './docx'
import { dutyPhone, printedTitle } from './prints'
import { rosterXlsx } from './xlsx'
import { readSettings } from '../settings/service'
import { download, DOCX_MIME, XLSX_MIME } from '../files/download'
import type { ReadDb } from '../db/connection'
import { CLERKS, READERS } from '../common/roles'
import { byId, exclusionInput, fromTo, handoverInput, logEntryInput, period, rosterPeriod, setDutyInput, swapInput, toAfterFrom, generateInput } from './contract'

const exportSettings = (db: ReadDb) => ({ ...readSettings(db), dutyPhone: dutyPhone(db) })

export const dutyProcedures = {
  'duty.preview': query({
    summary: '试排值班表（不保存）',
    access: READERS,
    input: rosterPeriod,
    handler: ({ db }, input) => previewRoster(db, input),
  }),
  'duty.generate': mutation({
    summary: '生成值班表并存为草稿',
    access: CLERKS,
    input: generateInput,
    handler: generateRoster,
  }),
  'duty.list': query({
    summary: '值班表列表',
    access: READERS,
    input: z.object({ kind: z.enum(ROSTER_KINDS).describe('值班类别').optional() }),
    handler: ({ db }, { kind }) => listRosters(db, kind),
  }),
  'duty.get': query({
    summary: '值班表（含联系方式、公平统计、变更记录）',
    access: READERS,
    input: byId('值班表'),
    handler: ({ db, clock }, { id }) => getRosterWithFairness(db, id, clock.today()),
  }),
  'duty.publish': mutation({
    summary: '发布值班表',
    access: CLERKS,
    input: byId('值班表'),
    handler: (ctx, { id }) => publishRoster(ctx, id),
  }),
  'duty.delete': mutation({
    summary: '删除值班表草稿',
    access: CLERKS,
    input: byId('值班表'),
    handler: (ctx, { id }) => { deleteRoster(ctx, id); return null },
  }),
  'duty.setDuty': mutation({
    summary: '调整某日值班人员（发布后的调整会被记录）',
    access: CLERKS,
    input: setDutyInput,
    handler: setDuty,
  }),
  'duty.swap': mutation({
    summary: '换班或替班（须对方同意、带班同意）',
    access: CLERKS,
    input: swapInput,
    handler: swap,
  }),
  'duty.gaps': query({
    summary: '发布后出现的值班空缺及建议人选',
    access: READERS,
    input: byId('值班表'),
    handler: ({ db }, { id }) => rosterGaps(db, id),
  }),
  'duty.today': query({
    summary: '今日带班领导和值班人员',
    access: READERS,
    input: z.object({}),
    handler: ({ db, clock }) => todayOnDuty(db, clock),
  }),
  'duty.listExclusions': query({
    summary: '不排班日期',
    access: READERS,
    input: z.object({ from: isoDate('开始日期').optional(), to: isoDate('结束日期').optional() }),
    handler: ({ db }, { from, to }) => listExclusions(db, from, to),
  }),
  'duty.saveExclusion': mutation({
    summary: '登记不排班日期',
    access: CLERKS,
    input: exclusionInput,
    handler: saveExclusion,
  }),
  'duty.deleteExclusion': mutation({
    summary: '删除不排班日期',
    access: CLERKS,
    input: byId('不排班日期'),
    handler: (ctx, { id }) => { deleteExclusion(ctx, id); return null },
  }),
  'duty.addLog': mutation({
    summary: '填写值班记录',
    access: CLERKS,
    input: logEntryInput,
    handler: addLogEntry,
  }),
  'duty.searchLog': query({
    summary: '查询值班记录（按日期和文字）',
    access: READERS,
    input: z.object({ ...fromTo, text: optionalText('查询文字', 50), urgentOnly: z.boolean().describe('只看紧急').optional() }).refine(...toAfterFrom),
    handler: ({ db }, input) => searchLog(db, input),
  }),
  'duty.exportRosterDocx': query({
    summary: '导出值班表（Word）',
    access: READERS,
    input: byId('值班表'),
    handler: async ({ db }, { id }) => {
      const r = getRoster(db, id)
      const settings = exportSettings(db)
      return download(`${printedTitle(r.roster.title, settings)}.docx`, DOCX_MIME, await rosterDocx(r, settings))
    },
  }),
  'duty.exportRosterXlsx': query({
    summary: '导出值班表（Excel）',
    access: READERS,
    input: byId('值班表'),
    handler: async ({ db }, { id }) => {
      const r = getRoster(db, id)
      const settings = exportSettings(db)
      return download(`${printedTitle(r.roster.title, settings)}.xlsx`, XLSX_MIME, await rosterXlsx(r, settings))
    },
  }),
  'duty.exportLogDocx': query({
    summary: '导出值班记录和交接班记录（Word）',
    access: READERS,
    input: z.object({ ...fromTo, text: optionalText('查询文字', 50), urgentOnly: z.boolean().describe('只看紧急').optional() }).refine(...toAfterFrom),
    handler: async ({ db }, input) => {
      const settings = readSettings(db)
      const name = input.from === input.to ? input.from : `${input.from}至${input.to}`
      // The handovers belong to the record of the shifts; a search for urgent entries only has none to show.
      const handovers = input.urgentOnly ? [] : listHandovers(db, input.from, input.to, input.text)
      return download(`值班记录（${name}）.docx`, DOCX_MIME, await dutyLogDocx(searchLog(db, input), handovers, input, settings))
    },
  }),
  'duty.addHandover': mutation({
    summary: '填写交接班记录',
    access: CLERKS,
    input: handoverInput,
    handler: addHandover,
  }),
  'duty.handoverPeople': query({
    summary: '交接班人员（当日和次日的值班人员）',
    access: READERS,
    input: z.object({ date: isoDate('日期') }),
    handler: ({ db }, { date }) => handoverPeople(db, date),
  }),
  'duty.listHandovers': query({
    summary: '交接班记录',
    access: READERS,
    input: period,
    handler: ({ db }, { from, to }) => listHandovers(db, from, to),
  }),
}
