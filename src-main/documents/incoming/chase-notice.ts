/**
 * 催办通知单 (issue 16, R-D7): the letter the office sends a 承办单位 that has not answered — 收文号, 标题, 来文, the
 * 承办时限 and how far past it (working days, calendar/deadline.ts: the figure the page shows), the chases made so far,
 * the date the unit promised, and the office's contact. Laid out as a 信函 (GB/T 9704 §10.1) with src-main/print.
 */
import { and, asc, eq } from 'drizzle-orm'
import type { Paragraph } from 'docx'
import type { ActionContext } from '../../kernel/procedure'
import { AppError } from '../../kernel/errors'
import { unseen, type Reader } from '../../security/clearance'
import { chineseDate, type IsoDate } from '../../common/dates'
import { loadCalendar } from '../../calendar/service'
import { deadlineTiming, type DeadlineTiming } from '../../calendar/deadline'
import { readSettings } from '../../settings/service'
import { directory } from '../../org/directory'
import { dutyPhone } from '../../duty/prints'
import {
  addresseeParagraph, blankLine, bodyParagraph, gbtDocument, leftRightLine, letterHead, run, signatureBlock, titleParagraph, toBuffer,
} from '../../print/gbt9704'
import { assignments, chases } from '../schema'
import { numberText, requireIncoming } from './service'

export interface ChaseNotice {
  officeName: string
  numberText: string
  title: string
  sender: string
  senderNumber: string | null
  department: string
  role: string
  assignedOn: IsoDate
  workingDays: number
  deadline: IsoDate
  timing: DeadlineTiming
  /** Earlier chases of this unit, oldest first. */
  chasedOn: IsoDate[]
  promisedOn: IsoDate | null
  contact: string | null
  phone: string | null
  date: IsoDate
}

/** What the notice says for one 承办 without feedback; refused for one answered, or a document not handed out. */
export function chaseNotice(reader: Reader & Pick<ActionContext, 'clock'>, input: { id: number; assignmentId: number }): ChaseNotice {
  const { db } = reader
  const doc = requireIncoming(reader, input.id)
  const a = db.select().from(assignments).where(and(eq(assignments.id, input.assignmentId), eq(assignments.documentId, doc.id))).get()
  if (!a) throw unseen('承办记录')
  if (doc.status !== '承办中') throw new AppError('CONFLICT', `${numberText(doc)}目前状态为“${doc.status}”，催办通知单只发给正在承办的单位`)
  if (a.feedbackOn) throw new AppError('CONFLICT', `该单位已于${chineseDate(a.feedbackOn)}反馈，无需催办`)
  const today = reader.clock.today()
  const past = db.select().from(chases).where(eq(chases.assignmentId, a.id)).orderBy(asc(chases.chasedOn), asc(chases.id)).all()
  const settings = readSettings(db)
  return {
    officeName: settings.officeName, numberText: numberText(doc), title: doc.title, sender: doc.sender, senderNumber: doc.senderNumber,
    department: directory(db).department(a.departmentId) ?? '', role: a.role, assignedOn: a.assignedOn, workingDays: a.workingDays,
    deadline: a.deadline, timing: deadlineTiming(loadCalendar(db), today, a.deadline),
    chasedOn: past.map((c) => c.chasedOn), promisedOn: past.filter((c) => c.promisedOn).at(-1)?.promisedOn ?? null,
    contact: past.at(-1)?.chaser ?? reader.user?.displayName ?? null, phone: dutyPhone(db), date: today,
  }
}

/** 截至今天已逾期3个工作日 · 距办理时限还有2个工作日 · 今日到期. */
function standing(n: ChaseNotice): string {
  const t = n.timing
  if (t.state === '逾期') return `已超过办理时限${t.workingDaysOverdue ? `${t.workingDaysOverdue}个工作日` : ''}`
  if (t.workingDaysLeft === 0) return '今日已到办理时限'
  return `距办理时限还有${t.workingDaysLeft}个工作日`
}

/** The body paragraphs, in the office's words. */
export function chaseNoticeText(n: ChaseNotice): string[] {
  const numbers = [n.senderNumber, `收文号${n.numberText}`].filter(Boolean).join('，')
  const days = [...new Set(n.chasedOn)].map(chineseDate).join('、')
  const earlier = n.chasedOn.length ? `此前已于${days}催办${n.chasedOn.length}次。` : ''
  const reply = n.promisedOn
    ? `请按你单位承诺，于${chineseDate(n.promisedOn)}前将办理结果书面反馈${n.officeName}，并附佐证材料。`
    : `请抓紧办理，于收到本通知后2个工作日内将办理结果（或办理进展及预计办结时间）书面反馈${n.officeName}，并附佐证材料。`
  return [
    `${chineseDate(n.assignedOn)}交你单位${n.role}的${n.sender}《${n.title}》（${numbers}），办理时限为${chineseDate(n.deadline)}（${n.workingDays}个工作日）。截至${chineseDate(n.date)}，${standing(n)}，尚未收到你单位的办理结果。${earlier}`,
    reply,
  ]
}

/** The 催办通知单 as a 信函: the office's red head, 收文号 on the first line, title, the unit addressed, text, contact, 署名. */
export function chaseNoticeDocx(n: ChaseNotice): Promise<Buffer> {
  const head = letterHead(n.officeName)
  const contact = [n.contact && `联系人：${n.contact}`, n.phone && `联系电话：${n.phone}`].filter(Boolean).join('　　')
  const children: Paragraph[] = [
    head.spacer,
    leftRightLine([run('')], `收文号：${n.numberText}`),
    blankLine(),
    titleParagraph('催办通知单'),
    blankLine(),
    addresseeParagraph(n.department),
    ...chaseNoticeText(n).map((t) => bodyParagraph(t)),
    ...(contact ? [bodyParagraph(contact)] : []),
    blankLine(),
    ...signatureBlock(n.officeName, n.date),
  ]
  return toBuffer(gbtDocument({ title: `催办通知单（${n.numberText}）`, sections: [{ children, firstPage: { header: head.header, footer: head.footer } }] }))
}
