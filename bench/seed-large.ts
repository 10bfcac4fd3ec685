/**
 * `npm run seed:large -- --years 10 [--seed N] [--out FILE] [--small] [--scale X] [--today YYYY-MM-DD] [--key-file FILE]`
 *
 * Fills a fresh database file with ten years of an office (issue 7): 300,000 收文 with their routing
 * (拟办, 批示, 传阅, 承办, 反馈, 催办), 50,000 发文, 6,000 meetings with 60,000 topics, attendance and minutes,
 * the duty rosters and duty log, 2,000 督办事项. The same seed and office date give the same rows.
 * The schema is the real migrated one; rows go in through raw prepared statements for speed.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openConnection, applyPragmas, type Sqlite } from '../src-main/db/connection'
import { migrateDatabase } from '../src-main/db/migrate'
import { readKeyFile } from '../src-main/db/key'
import { loadDemoOrganisation } from '../src-main/org/demo'
import { ensureInitialAccounts } from '../src-main/auth/accounts'
import { seedCalendarIfEmpty } from '../src-main/calendar/seed'
import { listMeetingTypes } from '../src-main/meetings/context'
import { seedMeetingTypesIfEmpty } from '../src-main/meetings/types/seed'
import { writeAudit } from '../src-main/audit/trail'
import { AuditTrail } from '../src-main/kernel/audit-trail'
import { searchRow } from '../src-main/documents/registers/search'
import { incomingNumberText } from '../src-main/documents/registers/service'
import { addDays, chineseDate, daysBetween, isWeekend, type IsoDate } from '../src-main/common/dates'
import { formatMinutesNumber } from '../src-main/meetings/rules'
import { type Clock } from '../src-main/kernel/clock'
import { officeDate } from '../src-main/common/office-time'
import { ACTIONS, SENDERS, SERIES, TOPICS, TYPE_WEIGHTS, documentBody, documentTitle, officeTime, randomSource, type Random } from './office-data'

/** Every account the generator creates signs in with this password. */
export const SEED_PASSWORD = 'Sanban-2026'

/** Ten years at full size (scale 1). */
export const FULL_SIZE = { incoming: 300_000, outgoing: 50_000, meetings: 6_000, topics: 60_000, followUps: 2_000 }

export interface SeedOptions {
  file: string
  /** The office date the ten years end on. */
  today: IsoDate
  seed?: number
  years?: number
  /** 1 = FULL_SIZE per ten years; 0.1 = --small. */
  scale?: number
  key?: Buffer
  log?: (line: string) => void
}

export type SeedCounts = Record<string, number>

interface Person { id: number; name: string }
interface Leader extends Person { postId: number; title: string }
interface Org { departments: Person[]; leaders: Leader[]; deputies: Person[]; staff: Person[] }

/** Day strings by offset from the first day: addDays on millions of rows would cost seconds. */
function dayTable(first: IsoDate, count: number): (offset: number) => IsoDate {
  const days = Array.from({ length: count }, (_, i) => addDays(first, i))
  return (i) => days[i] ?? addDays(first, i)
}

/** The i-th of n items' day: the first on the first day, the last on the office date. */
const spread = (i: number, n: number, days: number) => (n === 1 ? days - 1 : Math.round((i * (days - 1)) / (n - 1)))

const CLASSIFIED: [string, number][] = [['无', 95], ['秘密', 4], ['机密', 1]]
const secrecyPeriod = (c: string) => (c === '秘密' ? '1年' : c === '机密' ? '10年' : null)

function loadOrg(sqlite: Sqlite): Org {
  const all = <T>(q: string) => sqlite.prepare(q).all() as T[]
  return {
    departments: all<Person>("SELECT id, name FROM departments WHERE kind IN ('市政府部门', '县区') ORDER BY id"),
    leaders: all<Leader>("SELECT p.id, p.name, po.id AS postId, po.title FROM posts po JOIN people p ON p.id = po.holder_id WHERE po.kind IN ('市长', '副市长', '秘书长', '副秘书长') ORDER BY po.id"),
    deputies: all<Person>("SELECT p.id, p.name FROM posts po JOIN people p ON p.id = po.holder_id WHERE po.kind IN ('办公室主任', '办公室副主任') ORDER BY po.id"),
    staff: all<Person>("SELECT p.id, p.name FROM posts po JOIN people p ON p.id = po.holder_id WHERE po.kind = '工作人员' ORDER BY po.id"),
  }
}

interface Span { first: IsoDate; days: number; today: IsoDate; day: (offset: number) => IsoDate }

/** What later groups refer to: 批示 for 督办事项 drawn from leaders' instructions. */
interface IncomingResult { instructionDocs: Int32Array; titles: string[] }

function seedIncoming(sqlite: Sqlite, r: Random, org: Org, span: Span, n: number, counts: SeedCounts): IncomingResult {
  const insDoc = sqlite.prepare(`INSERT INTO incoming_documents (id, year, seq, received_at, sender, sender_number, title, doc_type, classification, secrecy_period, urgency, copies, pages, arrival, status,
    reviewed_on, reviewed_by, proposal, proposed_by, proposed_on, route, deadline, closed_on, closing_note, registered_by, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '王秘书', ?)`)
  const insIns = sqlite.prepare('INSERT INTO instructions (id, document_id, turn, leader_id, leader_title, kind, opinion, meaning, sent_on, instructed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const insAsg = sqlite.prepare('INSERT INTO assignments (id, document_id, department_id, role, assigned_on, working_days, deadline, feedback, feedback_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const insChase = sqlite.prepare('INSERT INTO chases (document_id, assignment_id, chaser, chased_on, note) VALUES (?, ?, ?, ?, ?)')
  const insFts = sqlite.prepare("INSERT INTO document_search (rowid, grams, kind, doc_id) VALUES (@rowid, @grams, '收文', @id)")
  const seqByYear = new Map<number, number>()
  const senderSeq = new Map<string, number>()
  const instructionDocs: number[] = []
  const titles: string[] = []
  let assignmentId = 0, chaseRows = 0, events = 0
  const BATCH = 20_000
  for (let start = 0; start < n; start += BATCH) {
    sqlite.transaction(() => {
      for (let i = start; i < Math.min(n, start + BATCH); i++) {
        const id = i + 1
        const offset = spread(i, n, span.days)
        const day = span.day(offset)
        const received = officeTime(day, r.between(0, 539))
        const year = Number(day.slice(0, 4))
        const seq = (seqByYear.get(year) ?? 0) + 1
        seqByYear.set(year, seq)
        const [sender, code] = r.pick(SENDERS)
        const sn = (senderSeq.get(`${code}${year}`) ?? 0) + 1
        senderSeq.set(`${code}${year}`, sn)
        const senderNumber = `${code}〔${year}〕${sn}号`
        const docType = r.weighted(TYPE_WEIGHTS)
        const title = documentTitle(r, docType)
        titles.push(title)
        const classification = r.weighted(CLASSIFIED)
        const urgency = r.chance(0.08) ? r.pick(['加急', '特急']) : '无'
        const age = span.days - 1 - offset
        const limitDays = urgency === '无' ? 15 : 5
        let status: string
        // Old documents are closed (a few returned, a few forgotten open); recent ones spread over the states.
        if (age > 60) status = r.chance(0.02) ? '已退回' : r.chance(0.003) ? '承办中' : '已办结'
        else status = r.weighted([['已登记', 5], ['已拟办', 5], ['批示中', 15], ['承办中', 40], ['已办结', 33], ['已退回', 2]] as const)
        const proposed = status !== '已登记' && status !== '已退回'
        const closedOn = status === '已办结' ? span.day(offset + r.between(8, 25)) : null
        const leader = r.pick(org.leaders)
        insDoc.run(id, year, seq, received, sender, senderNumber, title, docType, classification, secrecyPeriod(classification), urgency, r.between(1, 3), r.between(2, 11),
          r.weighted([['机要交通', 6], ['电子公文', 3], ['邮寄', 1]] as const), status, status === '已登记' ? null : day, status === '已登记' ? null : '王秘书',
          status === '已退回' ? null : proposed ? `拟请${leader.title}阅示。` : null, proposed ? '张主任' : null, proposed ? day : null, proposed ? '分管副市长' : null,
          span.day(offset + limitDays + 6), closedOn, closedOn ? '已按批示办理完毕。' : null, received)
        insFts.run({ ...searchRow({ kind: '收文', docId: id, at: received, classification }, [title, senderNumber, sender, incomingNumberText(year, seq)]), id })
        if (proposed) events++
        if (status === '已登记' || status === '已退回' || status === '已拟办') continue
        // 批示 by one or two leaders, then 传阅 (圈阅) among the others; the last row of a 批示中 document is where it is now.
        const turns = 1 + (r.chance(0.3) ? 1 : 0) + r.between(1, 5)
        for (let k = 0; k < turns; k++) {
          const l = r.pick(org.leaders)
          const instructs = k === 0 || (k === 1 && r.chance(0.3))
          const pending = status === '批示中' && k === turns - 1
          insIns.run(instructionDocs.length + 1, id, k + 1, l.id, l.title, instructs ? '批示' : '圈阅', pending ? null : instructs ? `请${r.pick(org.departments).name}认真研究办理。` : null,
            instructs ? null : docType === '报告' ? '已阅' : '同意', span.day(offset + k), pending ? null : span.day(offset + k + 1))
          instructionDocs.push(id)
          events++
        }
        if (status === '批示中') continue
        const assigned = span.day(offset + turns + 1)
        const helpers = r.between(0, 2)
        const firstAssignment = assignmentId + 1
        for (let k = 0; k <= helpers; k++) {
          const done = status === '已办结' || r.chance(0.4)
          insAsg.run(++assignmentId, id, r.pick(org.departments).id, k === 0 ? '主办' : '协办', assigned, limitDays, span.day(offset + turns + 1 + limitDays + 4),
            done ? '已办理完毕，特此反馈。' : null, done ? span.day(offset + turns + r.between(3, 12)) : null)
          events += done ? 2 : 1
        }
        const chases = r.weighted([[0, 30], [1, 35], [2, 22], [3, 13]] as const)
        for (let k = 0; k < chases; k++) {
          insChase.run(id, r.between(firstAssignment, assignmentId), r.pick(org.staff).name, span.day(offset + turns + limitDays + k * 3), '请抓紧办理并按时反馈。')
          chaseRows++
          events++
        }
      }
    })()
  }
  Object.assign(counts, { incoming_documents: n, instructions: instructionDocs.length, assignments: assignmentId, chases: chaseRows, routing_events: events })
  counts.document_search = (counts.document_search ?? 0) + n
  return { instructionDocs: Int32Array.from(instructionDocs), titles }
}

/** Every so many 发文 carry a whole body of ten pages (the rest only their register data): the Word bench prints one. */
export const LONG_BODY_EVERY = 500

function seedOutgoing(sqlite: Sqlite, r: Random, org: Org, span: Span, n: number, counts: SeedCounts): void {
  const insOut = sqlite.prepare(`INSERT INTO outgoing_documents (id, doc_type, sign_kind, series, title, addressee, classification, secrecy_period, urgency, drafting_department_id, drafter, status,
    signer_id, signer_name, signed_on, number_year, number_seq, number_text, issued_on, copies, created_at, body)
    VALUES (?, ?, ?, ?, ?, '各县（区）人民政府，市级有关部门', ?, ?, ?, ?, '李科员', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insFts = sqlite.prepare("INSERT INTO document_search (rowid, grams, kind, doc_id) VALUES (@rowid, @grams, '发文', @id)")
  const outSeq = new Map<string, number>()
  sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      const id = i + 1
      const offset = spread(i, n, span.days)
      const day = span.day(offset)
      const created = new Date(`${officeTime(day, r.between(0, 539)).replace(' ', 'T')}:00+08:00`).toISOString()
      const series = r.weighted(SERIES)
      const docType = series.endsWith('函') ? '函' : r.weighted(TYPE_WEIGHTS.filter(([t]) => t !== '函'))
      const age = span.days - 1 - offset
      const status = age > 30 ? '已印发' : r.weighted([['拟稿', 2], ['核稿中', 3], ['待签发', 2], ['已签发', 1], ['已编号', 1], ['已印发', 6]] as const)
      const signed = status === '已签发' || status === '已编号' || status === '已印发'
      const numbered = status === '已编号' || status === '已印发'
      const signedOn = signed ? span.day(offset + 3) : null
      const year = Number((signedOn ?? day).slice(0, 4))
      const seq = numbered ? (outSeq.get(`${series}${year}`) ?? 0) + 1 : null
      if (seq) outSeq.set(`${series}${year}`, seq)
      const numberText = seq ? `${series}〔${year}〕${seq}号` : null
      const signer = signed ? r.pick(org.leaders) : null
      const title = documentTitle(r, docType)
      const dept = r.pick(org.departments)
      const classification = r.weighted(CLASSIFIED)
      insOut.run(id, docType, r.weighted([['一般', 8], ['事务性', 3], ['重大工作部署', 1], ['报省政府', 1]] as const), series, title, classification, secrecyPeriod(classification),
        r.chance(0.05) ? '加急' : '无', dept.id, status, signer?.id ?? null, signer?.name ?? null, signedOn, seq ? year : null, seq, numberText,
        status === '已印发' ? span.day(offset + 4) : null, status === '已印发' ? r.between(20, 99) : null, created, id % LONG_BODY_EVERY === 0 ? documentBody(r, 10) : '')
      insFts.run({ ...searchRow({ kind: '发文', docId: id, at: created, classification }, [title, numberText, dept.name]), id })
    }
  })()
  counts.outgoing_documents = n
  counts.document_search = (counts.document_search ?? 0) + n
}

const MEETING_WEIGHTS = [['全体会议', 1], ['常务会议', 5], ['市长办公会', 4], ['专题会议', 80], ['全市性视频会议', 10]] as const
/** Topics per meeting, relative: a 常务会议 studies about 8 to 25 议题, a 专题会议 about ten. */
const TOPIC_WEIGHT: Record<string, number> = { 全体会议: 10, 常务会议: 16, 市长办公会: 8, 专题会议: 10, 全市性视频会议: 3 }
const TOPIC_VERBS = ['关于', '审议', '研究', '听取']
const TOPIC_ENDS = ['的汇报', '的请示', '（送审稿）', '有关问题']

interface Decision { id: number; title: string; offset: number }

function seedMeetings(sqlite: Sqlite, db: Parameters<typeof listMeetingTypes>[0], r: Random, org: Org, span: Span, n: number, nTopics: number, counts: SeedCounts): Decision[] {
  const types = new Map(listMeetingTypes(db).map((t) => [t.kind, t]))
  const insMeeting = sqlite.prepare(`INSERT INTO meetings (id, type_id, session, subject, date, half_day, start_time, place, chair_post_id, status, agenda_fixed_on, cancel_reason, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insTopic = sqlite.prepare(`INSERT INTO topics (id, meeting_id, sort_order, title, department_id, supervisor_post_id, reporter, delivered_on, classification, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insMinutes = sqlite.prepare(`INSERT INTO minutes (id, meeting_id, opening, status, signer_person_id, signer_name, signed_on, series, number_year, number_seq, number_text, printed_on, updated_at)
    VALUES (?, ?, ?, '已签发', ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insDecision = sqlite.prepare('INSERT INTO meeting_decisions (id, minutes_id, topic_id, sort_order, heading, text) VALUES (?, ?, ?, ?, ?, ?)')
  const insAttendance = sqlite.prepare(`INSERT INTO attendance (meeting_id, person_id, role, status, leave_reason, asked_person_id, answer) VALUES (?, ?, '组成人员', ?, ?, ?, ?)`)
  let attendanceRows = 0
  const kinds = Array.from({ length: n }, () => r.weighted(MEETING_WEIGHTS))
  // Topics shared out in proportion to each kind's usual agenda, so the total is exactly what was asked.
  const weights = kinds.map((k) => TOPIC_WEIGHT[k] * (0.5 + r.rnd()))
  const totalWeight = weights.reduce((s, w) => s + w, 0)
  const sessions = new Map<string, number>()
  const decisions: Decision[] = []
  let topicId = 0, minutesId = 0, cumulative = 0
  sqlite.transaction(() => {
    for (let j = 0; j < n; j++) {
      const id = j + 1
      const type = types.get(kinds[j])!
      const offset = spread(j, n, span.days)
      const day = span.day(offset)
      const year = Number(day.slice(0, 4))
      const counted = type.kind === '常务会议' || type.kind === '全体会议' || type.kind === '市长办公会'
      const session = counted ? (sessions.get(`${type.name}${year}`) ?? 0) + 1 : null
      if (session) sessions.set(`${type.name}${year}`, session)
      const chair = type.kind === '专题会议' ? r.pick(org.leaders) : org.leaders[0]
      const subject = counted ? null : `${r.pick(TOPICS)}${r.pick(ACTIONS)}${type.kind === '专题会议' ? '专题会议' : '视频会议'}`
      const age = span.days - 1 - offset
      const status = age < 3 ? '筹备' : r.chance(0.02) ? '已取消' : '已召开'
      const halfDay = r.weighted([['上午', 6], ['下午', 4]] as const)
      const place = r.pick(['市政府第一会议室', '市政府第二会议室', '市政府常务会议室', '视频会议室'])
      insMeeting.run(id, type.id, session, subject, day, halfDay, halfDay === '上午' ? '09:00' : '14:30', place,
        chair.postId, status, span.day(Math.max(0, offset - 2)), status === '已取消' ? '因工作安排调整取消。' : null, `${span.day(Math.max(0, offset - 7))}T01:00:00.000Z`)
      const held = status === '已召开'
      const mId = held ? ++minutesId : 0
      if (held) {
        const seq = (sessions.get(`纪要${type.name}${year}`) ?? 0) + 1
        sessions.set(`纪要${type.name}${year}`, seq)
        const signedOn = span.day(offset + 3)
        insMinutes.run(mId, id, `${chineseDate(day)}${halfDay}，${chair.title}${chair.name}在${place}主持召开${subject ?? type.name}，研究了有关事项。现纪要如下：`, chair.id, chair.name, signedOn,
          type.name, year, seq, formatMinutesNumber(type.numbering, year, seq), span.day(offset + 4), `${signedOn}T08:00:00.000Z`)
        // R-M2/R-M4: the leaders who sit in it (all of them at a 全体/常务/市长办公会, the chair and two others at a 专题会议),
        // about one in ten on leave, asked of the 市长 and granted.
        const members = counted ? org.leaders : [chair, ...org.leaders.filter((l) => l !== chair && r.chance(2 / org.leaders.length))]
        for (const m of members) {
          const away = m !== chair && r.chance(0.1)
          insAttendance.run(id, m.id, away ? '请假' : '出席', away ? r.pick(['出差', '参加省上会议', '下乡调研', '因病']) : null, away ? org.leaders[0].id : null, away ? '同意' : null)
          attendanceRows++
        }
      }
      const next = Math.round(((cumulative += weights[j]) / totalWeight) * nTopics)
      for (let k = 0; topicId < next; k++) {
        const tId = ++topicId
        const title = `${r.pick(TOPIC_VERBS)}${r.pick(TOPICS)}${r.pick(ACTIONS)}${r.pick(TOPIC_ENDS)}`
        const dept = r.pick(org.departments)
        insTopic.run(tId, id, k + 1, title, dept.id, r.pick(org.leaders).postId, `${dept.name}负责同志`, span.day(Math.max(0, offset - 5)), r.weighted(CLASSIFIED),
          `${span.day(Math.max(0, offset - 10))}T02:00:00.000Z`)
        if (!held) continue
        const dId = decisions.length + 1
        insDecision.run(dId, mId, tId, k + 1, title, `会议原则同意。由${dept.name}牵头，按照会议意见修改完善后抓好落实。`)
        decisions.push({ id: dId, title, offset })
      }
    }
  })()
  Object.assign(counts, { meetings: n, topics: topicId, minutes: minutesId, meeting_decisions: decisions.length, attendance: attendanceRows })
  return decisions
}

function seedFollowUps(sqlite: Sqlite, r: Random, org: Org, span: Span, n: number, decisions: Decision[], incoming: IncomingResult, counts: SeedCounts): void {
  const insItem = sqlite.prepare(`INSERT INTO follow_ups (id, source, source_id, source_title, task, department_id, leader_post_id, deadline, status, closed_on, outcome, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insReport = sqlite.prepare('INSERT INTO follow_up_reports (follow_up_id, reported_on, content, reporter, recorded_at) VALUES (?, ?, ?, ?, ?)')
  let reports = 0
  sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      const id = i + 1
      const fromMinutes = decisions.length > 0 && (r.chance(0.6) || incoming.instructionDocs.length === 0)
      let sourceId: number, sourceTitle: string, offset: number
      if (fromMinutes) {
        const d = decisions[Math.floor((i / n) * decisions.length)]
        ;[sourceId, sourceTitle, offset] = [d.id, d.title, d.offset]
      } else {
        const k = Math.floor((i / n) * incoming.instructionDocs.length)
        const docId = incoming.instructionDocs[k]
        ;[sourceId, sourceTitle, offset] = [k + 1, incoming.titles[docId - 1], spread(docId - 1, incoming.titles.length, span.days)]
      }
      const deadlineOffset = offset + r.between(15, 90)
      const closed = deadlineOffset < span.days - 30 ? !r.chance(0.03) : r.chance(0.3)
      const closedOn = closed ? span.day(Math.min(span.days - 1, offset + r.between(10, 80))) : null
      const dept = r.pick(org.departments)
      insItem.run(id, fromMinutes ? '会议纪要' : '领导批示', sourceId, sourceTitle, `抓好${r.pick(TOPICS)}${r.pick(ACTIONS)}落实，按期报送进展情况。`, dept.id, r.pick(org.leaders).postId,
        span.day(deadlineOffset), closed ? '已办结' : '办理中', closedOn, closed ? '已按要求完成。' : null, `${span.day(offset + 1)}T02:00:00.000Z`)
      const count = r.between(1, 4)
      for (let k = 0; k < count; k++) {
        const on = span.day(Math.min(span.days - 1, offset + 7 * (k + 1)))
        insReport.run(id, on, `已完成阶段性工作${k + 1}项，正在持续推进。`, `${dept.name}办公室`, `${on}T03:00:00.000Z`)
        reports++
      }
    }
  })()
  Object.assign(counts, { follow_ups: n, follow_up_reports: reports })
}

const CALLER_UNITS = ['市应急管理局', '市公安局', '雁江区人民政府', '安岳县人民政府', '乐至县人民政府', '市水务局', '市气象局', '省政府总值班室', '市委总值班室', '国网资阳供电公司']
const LOG_CONTENTS = ['报告辖区内降雨情况，暂无险情。', '报送节日期间安全生产情况。', '通报一起道路交通事故，无人员死亡。', '转达省政府总值班室关于加强值守的通知。',
  '报告森林火情已扑灭。', '询问明日会议安排。', '报告城区停水抢修进展。', '报告群众来访情况，已妥善处置。']

function seedDuty(sqlite: Sqlite, r: Random, org: Org, span: Span, counts: SeedCounts): void {
  const holidays = new Set((sqlite.prepare("SELECT date FROM calendar_days WHERE kind = '放假'").all() as { date: string }[]).map((d) => d.date))
  const insRoster = sqlite.prepare("INSERT INTO rosters (id, kind, title, from_date, to_date, status, published_at, created_at) VALUES (?, ?, ?, ?, ?, '已发布', ?, ?)")
  const insSlot = sqlite.prepare('INSERT INTO duty_assignments (roster_id, date, role, person_id) VALUES (?, ?, ?, ?)')
  const insLog = sqlite.prepare('INSERT INTO duty_log (at, caller_unit, caller_name, caller_phone, content, handling, notified, urgent, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const insHandover = sqlite.prepare('INSERT INTO duty_handover (date, shift, note, from_person_id, to_person_id, at) VALUES (?, ?, ?, ?, ?, ?)')
  let rosterId = 0, slots = 0, logs = 0, handovers = 0
  sqlite.transaction(() => {
    let offset = 0
    while (offset < span.days) {
      const monthStart = span.day(offset)
      const month = monthStart.slice(0, 7)
      let end = offset
      while (end + 1 < span.days && span.day(end + 1).startsWith(month)) end++
      const [y, m] = month.split('-').map(Number)
      const publishedAt = `${addDays(monthStart, -3)}T02:00:00.000Z`
      const office = ++rosterId
      insRoster.run(office, '办公室值班', `${y}年${m}月办公室值班表`, monthStart, span.day(end), publishedAt, publishedAt)
      const offDays = [] as IsoDate[]
      for (let o = offset; o <= end; o++) {
        const day = span.day(o)
        const lead = org.deputies[o % org.deputies.length]
        const main = org.staff[o % org.staff.length]
        const second = org.staff[(o + 3) % org.staff.length]
        insSlot.run(office, day, '带班', lead.id)
        insSlot.run(office, day, '主班', main.id)
        insSlot.run(office, day, '副班', second.id)
        slots += 3
        if (holidays.has(day) || isWeekend(day)) offDays.push(day)
        const calls = r.between(2, 8)
        for (let k = 0; k < calls; k++) {
          const unit = r.pick(CALLER_UNITS)
          const urgent = r.chance(0.05)
          insLog.run(officeTime(day, Math.min(839, Math.floor((k * 840) / calls) + r.between(0, 59))), unit, `${unit.slice(-3)}值班员`, `028-2661${String(r.between(0, 9999)).padStart(4, '0')}`,
            r.pick(LOG_CONTENTS), urgent ? '已报带班领导并通知相关单位。' : '已记录，按程序处理。', urgent ? lead.name : null, urgent ? 1 : 0, main.name)
          logs++
        }
        insHandover.run(day, '全天', '值守正常，无遗留事项。', main.id, org.staff[(o + 1) % org.staff.length].id, `${day}T00:30:00.000Z`)
        handovers++
      }
      // 领导带班 on the month's weekends and statutory holidays (R-W1).
      if (offDays.length) {
        const leaders = ++rosterId
        insRoster.run(leaders, '领导带班', `${y}年${m}月领导带班表`, monthStart, span.day(end), publishedAt, publishedAt)
        for (const day of offDays) insSlot.run(leaders, day, '带班领导', org.leaders[daysBetween(span.first, day) % org.leaders.length].id)
        slots += offDays.length
      }
      offset = end + 1
    }
  })()
  Object.assign(counts, { rosters: rosterId, duty_assignments: slots, duty_log: logs, duty_handover: handovers })
}

const sized = (full: number, scale: number, years: number) => Math.max(1, Math.round((full * scale * years) / 10))

/** Builds the database; returns the rows written per table (and routing_events, counted as the office counts them). */
/**
 * The 统计 summaries (migration 0018) are kept by triggers that touch a summary row for every row written: over
 * millions of rows they multiply the load's time. They are lifted while loading, and the summaries are filled once
 * afterwards by the migration's own statements (one place for that SQL), then the triggers are put back.
 */
function withStatsTriggersLifted(sqlite: Sqlite, load: () => void): void {
  const triggers = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'stats\\_%' ESCAPE '\\'").all() as { name: string; sql: string }[]
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'stats\\_%' ESCAPE '\\'").pluck().all() as string[]
  for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`)
  load()
  const fills = readFileSync(resolve(__dirname, '..', 'drizzle', '0018_stats_summaries.sql'), 'utf8')
    .split('--> statement-breakpoint').map((s) => s.trim()).filter((s) => s.startsWith('INSERT INTO `stats_'))
  sqlite.transaction(() => {
    for (const t of tables) sqlite.exec(`DELETE FROM "${t}"`)
    for (const fill of fills) sqlite.exec(fill)
    for (const t of triggers) sqlite.exec(t.sql)
  })()
}

export function seedLarge(options: SeedOptions): SeedCounts {
  const { file, today, seed = 20260615, years = 10, scale = 1, key } = options
  const log = options.log ?? (() => {})
  if (existsSync(file)) throw new Error(`${file} 已存在：请指定一个新的文件（--out）`)
  const r = randomSource(seed)
  const days = Math.round(years * 365.25)
  const first = addDays(today, -(days - 1))
  const span: Span = { first, days, today, day: dayTable(first, days + 200) }
  const counts: SeedCounts = {}
  const { sqlite, db } = openConnection(file, key)
  try {
    migrateDatabase(sqlite, resolve(__dirname, '..', 'drizzle'), join(resolve(file, '..'), 'backups'))
    // A fresh file that is thrown away if the run fails: no journal needed while loading.
    sqlite.pragma('journal_mode = OFF')
    sqlite.pragma('synchronous = OFF')
    const clock: Clock = { now: () => new Date(`${today}T01:00:00.000Z`), today: () => today }
    sqlite.transaction(() => {
      seedCalendarIfEmpty(db, clock)
      const seeded = new AuditTrail()
      seedMeetingTypesIfEmpty(db, seeded)
      writeAudit(db, clock.now(), null, 'system.seed', seeded)
      loadDemoOrganisation(db)
      ensureInitialAccounts(db, clock, { password: SEED_PASSWORD, demo: true })
    })()
    const org = loadOrg(sqlite)
    const step = (label: string, fn: () => void, keys: string[]) => {
      const t = performance.now()
      fn()
      log(`  ${label.padEnd(8)} ${keys.map((k) => `${k} ${counts[k].toLocaleString()}`).join('，')}  ${((performance.now() - t) / 1000).toFixed(1)} s`)
    }
    let incoming!: IncomingResult
    let decisions: Decision[] = []
    withStatsTriggersLifted(sqlite, () => {
      step('收文', () => { incoming = seedIncoming(sqlite, r, org, span, sized(FULL_SIZE.incoming, scale, years), counts) },
        ['incoming_documents', 'instructions', 'assignments', 'chases', 'routing_events'])
      step('发文', () => seedOutgoing(sqlite, r, org, span, sized(FULL_SIZE.outgoing, scale, years), counts), ['outgoing_documents', 'document_search'])
      step('会议', () => { decisions = seedMeetings(sqlite, db, r, org, span, sized(FULL_SIZE.meetings, scale, years), sized(FULL_SIZE.topics, scale, years), counts) },
        ['meetings', 'topics', 'minutes', 'meeting_decisions', 'attendance'])
      step('值班', () => seedDuty(sqlite, r, org, span, counts), ['rosters', 'duty_assignments', 'duty_log', 'duty_handover'])
      step('督办', () => seedFollowUps(sqlite, r, org, span, sized(FULL_SIZE.followUps, scale, years), decisions, incoming, counts), ['follow_ups', 'follow_up_reports'])
    })
    sqlite.pragma('journal_mode = WAL')
    applyPragmas(sqlite)
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    sqlite.close()
  }
  return counts
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

function main(): void {
  const years = Number(argument('--years') ?? 10)
  const seed = Number(argument('--seed') ?? 20260615)
  const scale = Number(argument('--scale') ?? (process.argv.includes('--small') ? 0.1 : 1))
  const today = argument('--today') ?? officeDate(new Date())
  const file = resolve(argument('--out') ?? `sanban-large-${seed}.sqlite`)
  const keyFile = argument('--key-file')
  console.log(`三办 大数据量演示库：${years} 年，截至 ${today}，种子 ${seed}，规模 ${scale}${keyFile ? '，加密' : '，不加密'}`)
  console.log(`数据库：${file}`)
  const t = performance.now()
  seedLarge({ file, today, seed, years, scale, key: keyFile ? readKeyFile(keyFile) : undefined, log: console.log })
  console.log(`完成，共 ${((performance.now() - t) / 1000).toFixed(1)} s。所有账户（admin、kezhang、wenmi 等）的密码为 ${SEED_PASSWORD}`)
}

if (require.main === module) main()
