/**
 * What a register's Excel export holds — the rows the filters select, the title, the line saying what was chosen —
 * built from a database handle and plain data only, so it runs the same in the export worker (export-worker.ts)
 * as on the request thread (a database in memory, in tests of the layout).
 */
import type { ReadDb } from '../../db/connection'
import type { IsoDate } from '../../common/dates'
import { readSettings } from '../../settings/service'
import { departmentName, personName } from '../../org/directory'
import { incomingRegisterAll, outgoingRegisterAll, type IncomingFilter, type OutgoingFilter, type Viewer } from './service'
import { filterLine, incomingRegisterXlsx, outgoingRegisterXlsx } from './xlsx'

/** One export, as data that crosses to a worker: which register, the filters with the reader's clearance, the office's day. */
export type RegisterExportJob =
  | { register: '收文'; filter: IncomingFilter & Viewer; today: IsoDate }
  | { register: '发文'; filter: OutgoingFilter & Viewer; today: IsoDate }

export interface BuiltExport { filename: string; bytes: Uint8Array }

/** What the filters say, for the line under an exported register's title. */
function describeFilter(f: IncomingFilter | OutgoingFilter, names: { leader?: string; department?: string }): (string | null | undefined | false)[] {
  return [
    f.year !== undefined && `${f.year}年`, f.status && `状态：${f.status}`, f.docType && `文种：${f.docType}`,
    f.classification && `密级：${f.classification}`, f.urgency && `紧急程度：${f.urgency}`,
    'sender' in f && f.sender && `来文机关：${f.sender}`, 'series' in f && f.series && `代字：${f.series}`,
    names.leader && `领导：${names.leader}`, names.department && `单位：${names.department}`,
    'overdueOnly' in f && f.overdueOnly && '只看逾期', f.text && `查询：${f.text}`,
  ]
}

/** The leader's and department's names, for the filter line of an export. */
function namesOf(db: ReadDb, personId?: number, departmentId?: number): { leader?: string; department?: string } {
  return {
    leader: personId === undefined ? undefined : personName(db, personId),
    department: departmentId === undefined ? undefined : departmentName(db, departmentId),
  }
}

export async function buildRegisterExport(db: ReadDb, job: RegisterExportJob): Promise<BuiltExport> {
  const { officeName } = readSettings(db)
  const title = `${officeName}${job.register}登记簿${job.filter.year !== undefined ? `（${job.filter.year}年）` : ''}`
  if (job.register === '收文') {
    const f = job.filter
    const rows = incomingRegisterAll(db, job.today, f)
    const line = `${filterLine(describeFilter(f, namesOf(db, f.leaderId, f.departmentId)), job.today)}　　共${rows.length}件`
    return { filename: `${title}.xlsx`, bytes: await incomingRegisterXlsx(title, line, rows) }
  }
  const f = job.filter
  const rows = outgoingRegisterAll(db, f)
  const line = `${filterLine(describeFilter(f, namesOf(db, f.signerId, f.departmentId)), job.today)}　　共${rows.length}件`
  return { filename: `${title}.xlsx`, bytes: await outgoingRegisterXlsx(title, line, rows) }
}
