/**
 * 首页 (R-D7): open 承办 and open documents overdue or due within three working days, overdue first, each with
 * whom to chase. Ten years of an office leave thousands of forgotten open items behind, so the card gets the
 * first DUE_SOON_SHOWN with the totals, all counted and selected in SQL within the reader's clearance; the
 * 收文登记簿's 只看逾期 lists every one.
 */
import { and, asc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm'
import { chineseDate, type IsoDate } from '../../common/dates'
import { loadCalendar } from '../../calendar/service'
import { shiftWorkingDays, type HolidayCalendar } from '../../calendar/rules'
import { URGENCIES } from '../../common/documents'
import { INTAKE_WORKING_DAYS, intakeDeadline } from './rules'
import { clearanceOf, visibleSql, type Reader } from '../../security/clearance'
import { assignments, chases, incomingDocuments, instructions } from '../schema'
import { currentTurn } from './rules'
import { deadlineTiming, DUE_SOON_WORKING_DAYS } from '../../calendar/deadline'
import { numberText } from './service'
import { directory } from '../../org/directory'

export const DUE_SOON_SHOWN = 30


const d = incomingDocuments
const a = assignments

/**
 * Which 承办 (on assignments joined to incoming_documents) and which documents are due by `until` — and not before
 * `since` when given (提醒 tells only of what fell due lately) — for 首页's due list and the 临期/逾期 reminders
 * (exported for the query-plan test).
 */
export function dueConditions(reader: Reader, until: IsoDate, since?: IsoDate): { work: SQL; docs: SQL } {
  // `+classification`: checked on the few rows read, never chosen as the index to read (it would read 300,000 收文).
  const seen = visibleSql(sql`+${d.classification}`, clearanceOf(reader.user)) ?? undefined
  return {
    // The pending ones are few: assignments_pending_idx holds only 承办 without feedback; `+status` keeps the planner
    // from walking every 承办中 收文 instead.
    work: and(isNull(a.feedbackOn), since ? gte(a.deadline, since) : undefined, lte(a.deadline, until), sql`+${d.status} = '承办中'`, seen)!,
    // A document whose 承办 is listed is chased through that 承办, not listed again.
    docs: and(inArray(d.status, ['已拟办', '批示中', '承办中']), since ? gte(d.deadline, since) : undefined, lte(d.deadline, until), seen,
      sql`NOT (${d.status} = '承办中' AND EXISTS (SELECT 1 FROM assignments p WHERE p.document_id = ${d.id} AND p.feedback_on IS NULL AND p.deadline <= ${until}))`)!,
  }
}

/**
 * The 签收 times before which a paper still waiting for 初审 or 拟办 is due by `by`, a working day: its intake deadline
 * (签收 + N working days, INTAKE_WORKING_DAYS) is on or before `by` exactly when it was received before this bound.
 */
const intakeBound = (cal: HolidayCalendar, by: IsoDate, n: number): IsoDate => (n === 1 ? by : shiftWorkingDays(cal, by, -(n - 1)))

/** 已登记 papers (waiting for 初审 or 拟办) whose intake deadline falls on or before `by` (exported for the query-plan test). */
export function intakeCondition(reader: Reader, cal: HolidayCalendar, by: IsoDate): SQL {
  const seen = visibleSql(sql`+${d.classification}`, clearanceOf(reader.user)) ?? undefined
  const bounds = URGENCIES.map((u) => ({ u, before: intakeBound(cal, by, INTAKE_WORKING_DAYS[u]) }))
  const due = sql.join(bounds.map(({ u, before }) => sql`(${d.urgency} = ${u} AND ${d.receivedAt} < ${before})`), sql` OR `)
  // The latest bound as a plain range too, so incoming_status_received_idx is read from its start up to there only.
  const latest = bounds.map((b) => b.before).sort().at(-1)!
  return and(eq(d.status, '已登记'), sql`${d.receivedAt} < ${latest}`, sql`(${due})`, seen)!
}

export function dueSoon(reader: Reader, today: IsoDate) {
  const { db } = reader
  const cal = loadCalendar(db)
  // The last day counted as 临期: three working days after today (provisionally by weekends in a year without data).
  const until = shiftWorkingDays(cal, today, DUE_SOON_WORKING_DAYS)
  const { work, docs } = dueConditions(reader, until)
  const intake = intakeCondition(reader, cal, until)
  const tally = (q: { n: number; late: number | null } | undefined) => ({ n: q?.n ?? 0, late: q?.late ?? 0 })
  const counted = (deadline: SQL) => ({ n: sql<number>`count(*)`, late: sql<number>`sum(${deadline} < ${today})` })
  const workCount = tally(db.select(counted(sql`${a.deadline}`)).from(a).innerJoin(d, eq(d.id, a.documentId)).where(work).get())
  const docCount = tally(db.select(counted(sql`${d.deadline}`)).from(d).where(docs).get())
  // Late: the intake deadline is on or before the last working day before today.
  const lateIntake = intakeCondition(reader, cal, shiftWorkingDays(cal, today, -1))
  const intakeCount = tally(db.select({ n: sql<number>`count(*)`, late: sql<number>`sum(CASE WHEN ${lateIntake} THEN 1 ELSE 0 END)` }).from(d).where(intake).get())
  const intakeRows = db.select().from(d).where(intake).orderBy(asc(d.receivedAt), asc(d.id)).limit(DUE_SOON_SHOWN).all()

  const workRows = db.select({ a, doc: d }).from(a).innerJoin(d, eq(d.id, a.documentId)).where(work).orderBy(asc(a.deadline), asc(d.id)).limit(DUE_SOON_SHOWN).all()
  const docRows = db.select().from(d).where(docs).orderBy(asc(d.deadline), asc(d.id)).limit(DUE_SOON_SHOWN).all()
  const ids = [...new Set([...workRows.map((w) => w.doc.id), ...docRows.map((r) => r.id), ...intakeRows.map((r) => r.id)])]
  const lastChase = new Map<string, { chaser: string; chasedOn: string }>()
  if (ids.length) {
    for (const c of db.select().from(chases).where(inArray(chases.documentId, ids)).orderBy(asc(chases.chasedOn), asc(chases.id)).all()) {
      lastChase.set(`${c.documentId}:${c.assignmentId ?? ''}`, c)
    }
  }
  const turns = new Map<number, (typeof instructions.$inferSelect)[]>()
  if (docRows.length) {
    for (const t of db.select().from(instructions).where(inArray(instructions.documentId, docRows.map((r) => r.id))).all()) turns.set(t.documentId, [...(turns.get(t.documentId) ?? []), t])
  }
  const l = directory(db)
  const items = [
    ...workRows.map(({ a: job, doc }) => ({
      kind: '承办' as const, documentId: doc.id, assignmentId: job.id, numberText: numberText(doc), title: doc.title, urgency: doc.urgency,
      deadline: job.deadline, timing: deadlineTiming(cal, today, job.deadline),
      chaseWhom: `${l.department(job.departmentId)}（${job.role}）`, chasePhone: l.phone(job.departmentId),
      lastChase: lastChase.get(`${doc.id}:${job.id}`) ?? null,
    })),
    ...intakeRows.map((doc) => {
      const deadline = intakeDeadline(cal, doc)
      return {
        kind: '收文' as const, documentId: doc.id, assignmentId: null, numberText: numberText(doc), title: doc.title, urgency: doc.urgency,
        deadline, timing: deadlineTiming(cal, today, deadline),
        chaseWhom: doc.reviewedOn ? '办公室：已初审，待拟办' : '办公室：待初审', chasePhone: null,
        lastChase: lastChase.get(`${doc.id}:`) ?? null,
      }
    }),
    ...docRows.map((doc) => {
      const at = currentTurn(turns.get(doc.id) ?? [])
      return {
        kind: '收文' as const, documentId: doc.id, assignmentId: null, numberText: numberText(doc), title: doc.title, urgency: doc.urgency,
        deadline: doc.deadline!, timing: deadlineTiming(cal, today, doc.deadline!),
        chaseWhom: at ? `${at.leaderTitle ?? ''}${l.person(at.leaderId)}（${chineseDate(at.sentOn)}送批）`
          : doc.status === '已拟办' ? '办公室：待送批' : doc.status === '承办中' ? '办公室：承办单位均已反馈，待办结' : '办公室：批示已完成，待交办',
        chasePhone: null,
        lastChase: lastChase.get(`${doc.id}:`) ?? null,
      }
    }),
  ].sort((x, y) => x.deadline.localeCompare(y.deadline) || x.documentId - y.documentId).slice(0, DUE_SOON_SHOWN)
  return { items, total: workCount.n + docCount.n + intakeCount.n, overdue: workCount.late + docCount.late + intakeCount.late }
}
