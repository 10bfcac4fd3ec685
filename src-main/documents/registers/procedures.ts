import { z } from 'zod'
import { query } from '../../kernel/procedure'
import { id, optionalText, yearNumber } from '../../kernel/fields'
import { download, XLSX_MIME } from '../../files/download'
import { CLASSIFICATIONS } from '../../common/classification'
import { DOCUMENT_TYPES, INCOMING_STATES, OUTGOING_STATES, URGENCIES } from '../../common/documents'
import { incomingRegister, incomingSenders, outgoingRegister, outgoingSeries, REGISTER_PAGE_MAX } from './service'
import { runRegisterExport } from './export-runner'
import type { BuiltExport } from './export-build'
import { READERS } from '../../common/roles'
import { clearanceOf } from '../../security/clearance'
import type { ActionContext, SessionUser } from '../../kernel/procedure'

/** The filters as typed, with the reader's clearance from the session last, so the input cannot set it. */
const seenBy = <F extends object>(user: SessionUser | null, f: F) => ({ ...f, clearance: clearanceOf(user) })

/** A register page depends on the filters, the data, the reader's clearance and (for overdue days) today only. */
const sameForClearanceAndDay = ({ user, clock }: ActionContext) => `${clearanceOf(user)} ${clock.today()}`
/**
 * The tables a register page is read from (checked against what SQLite opens: test/db/answer-reads.test.ts).
 * A write to any other (a 值班记录, an 出席, the audit log) leaves the shared pages as they are.
 */
const INCOMING_READS = ['incoming_documents', 'instructions', 'assignments', 'people', 'departments', 'document_search', 'register_counts', 'settings', 'calendar_days', 'holiday_years']
const OUTGOING_READS = ['outgoing_documents', 'people', 'departments', 'document_search', 'register_counts', 'settings']

const year = yearNumber('年度')
const searchText = optionalText('查询文字', 100)

const common = {
  year: year.optional(),
  docType: z.enum(DOCUMENT_TYPES).describe('文种').optional(),
  classification: z.enum(CLASSIFICATIONS).describe('密级').optional(),
  urgency: z.enum(URGENCIES).describe('紧急程度').optional(),
  text: searchText,
}
const incomingFilter = z.object({
  ...common,
  status: z.enum(INCOMING_STATES).describe('状态').optional(),
  sender: z.string().describe('来文机关').trim().max(100, '不能超过100个字').transform((s) => s || undefined).optional(),
  leaderId: id('批示领导').optional(),
  departmentId: id('承办单位').optional(),
  overdueOnly: z.boolean().describe('只看逾期').optional(),
})
const outgoingFilter = z.object({
  ...common,
  status: z.enum(OUTGOING_STATES).describe('状态').optional(),
  series: z.string().describe('发文代字').trim().max(40, '不能超过40个字').transform((s) => s || undefined).optional(),
  signerId: id('签发人').optional(),
  departmentId: id('拟稿单位').optional(),
})
const page = {
  after: z.object({ at: z.string().describe('上一页最后一行的时间').min(1).max(40), id: id('上一页最后一行') }).describe('接续位置').nullable().optional(),
  limit: z.number().describe('每页行数').int('应为整数').min(1, '至少1行').max(REGISTER_PAGE_MAX, `不能超过${REGISTER_PAGE_MAX}行`).optional(),
}

export const registerProcedures = {
  'registers.incoming': query({
    summary: '收文登记簿（按条件筛选，最新的在前，按位置接续分页）',
    access: READERS,
    input: incomingFilter.extend(page),
    handler: ({ db, clock, user }, input) => incomingRegister(db, clock.today(), seenBy(user, input)),
    answerDependsOn: sameForClearanceAndDay,
    answerReads: INCOMING_READS,
  }),
  'registers.outgoing': query({
    summary: '发文登记簿（按条件筛选，最新拟稿的在前，按位置接续分页）',
    access: READERS,
    input: outgoingFilter.extend(page),
    handler: ({ db, user }, input) => outgoingRegister(db, seenBy(user, input)),
    answerDependsOn: sameForClearanceAndDay,
    answerReads: OUTGOING_READS,
  }),
  'registers.incomingSenders': query({
    summary: '已登记的来文机关（按件数），供筛选',
    access: READERS,
    input: z.object({ year: year.optional() }),
    handler: ({ db, user }, { year }) => incomingSenders(db, seenBy(user, {}), year),
  }),
  'registers.outgoingSeries': query({
    summary: '已使用的发文代字，供筛选',
    access: READERS,
    input: z.object({}),
    handler: ({ db, user }) => outgoingSeries(db, seenBy(user, {})),
  }),
  'registers.exportIncomingXlsx': query({
    summary: '导出收文登记簿（Excel）',
    access: READERS,
    input: incomingFilter,
    // Built in the export worker (export-runner.ts): a year's file does not hold other users' pages.
    handler: async ({ db, clock, user }, input) => asDownload(await runRegisterExport(db, { register: '收文', filter: seenBy(user, input), today: clock.today() })),
  }),
  'registers.exportOutgoingXlsx': query({
    summary: '导出发文登记簿（Excel）',
    access: READERS,
    input: outgoingFilter,
    handler: async ({ db, clock, user }, input) => asDownload(await runRegisterExport(db, { register: '发文', filter: seenBy(user, input), today: clock.today() })),
  }),
}

const asDownload = (built: BuiltExport) => download(built.filename, XLSX_MIME, Buffer.from(built.bytes.buffer, built.bytes.byteOffset, built.bytes.byteLength))
