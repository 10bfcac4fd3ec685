/** The minutes (会议纪要), the agenda (会议议程), the notice (会议通知) and the attendance (出席情况) of a meeting, from what is recorded; Word layout in ./docx. */
import { chineseDate, chineseWeekday } from '../common/dates'
import { DEFAULT_START } from '../common/meetings'
import { readSettings } from '../settings/service'
import { expectedAttendance, leaveAskee } from './rules'
import { governmentShort, meetingContext, meetingTitle, type MeetingContext } from './context'
import { listTopics, requireWholeAgenda, type TopicView } from './topics/service'
import type { Reader } from '../security/clearance'
import { attendanceSheet, topicDepartments, type AttendanceRow } from './attendance/service'
import type { AgendaPrint, AttendancePrint, MinutesPrint, NoticePrint } from './docx'
import type { MinutesView } from './minutes/service'
import { chineseNumber } from '../print/gbt9704'
import { RULES, type RuleId } from '../common/rules'

function chairText(mc: MeetingContext): string {
  const post = mc.org.posts.find((p) => p.id === mc.meeting.chairPostId)
  if (!post) return ''
  const name = post.holderId ? mc.org.names.get(post.holderId) ?? '' : ''
  return `${name}${post.title}`
}

/** 2026年12月3日（星期四）上午09:00: the time is always printed, the half-day's default when none was set. */
function whenText(mc: MeetingContext): string {
  const m = mc.meeting
  return `${chineseDate(m.date)}（${chineseWeekday(m.date)}）${m.halfDay === '全天' ? '' : m.halfDay}${m.startTime ?? DEFAULT_START[m.halfDay]}`
}

/** 联系人：王芳，电话：028-26612345 — the meeting's, else the office and its 值班电话; null when nothing is known. */
function contactText(mc: MeetingContext, settings: ReturnType<typeof readSettings>): { name: string; phone: string } | null {
  const name = mc.meeting.contactName ?? (mc.meeting.contactPhone ? null : settings.dutyPhone ? settings.officeName : null)
  const phone = mc.meeting.contactPhone ?? (settings.dutyPhone || null)
  if (!name && !phone) return null
  return { name: name ?? settings.officeName, phone: phone ?? '' }
}

interface PrintBase { mc: MeetingContext; title: string; topics: TopicView[]; settings: ReturnType<typeof readSettings> }

/** The meeting and its live topics, refused to a reader who cannot see every topic (`doing` says what was refused). */
function base(reader: Reader, meetingId: number, doing: string): PrintBase {
  const { db } = reader
  const mc = meetingContext(db, meetingId)
  requireWholeAgenda(reader, meetingId, doing)
  const topics = listTopics(reader, meetingId).topics.filter((t) => !t.withdrawn)
  return { mc, title: meetingTitle(governmentShort(readSettings(db).governmentName), mc.type, mc.meeting), topics, settings: readSettings(db) }
}

export function agendaPrint(reader: Reader, meetingId: number): AgendaPrint {
  const { mc, title, topics, settings } = base(reader, meetingId, '导出会议议程')
  const contact = contactText(mc, settings)
  return {
    settings, title: `${title}议程`, date: mc.meeting.date, halfDay: mc.meeting.halfDay === '全天' ? undefined : mc.meeting.halfDay,
    time: mc.meeting.startTime ?? DEFAULT_START[mc.meeting.halfDay], place: mc.meeting.place ?? '另行通知', chair: chairText(mc),
    notes: contact ? [`会务联系：${contact.name}${contact.phone ? `，电话：${contact.phone}` : ''}`] : undefined,
    topics: topics.map((t) => ({
      title: t.title, department: t.departmentName, reporter: t.reporter ?? undefined,
      attending: t.units.map((u) => u.name),
    })),
  }
}

/** 主送: the posts expected (the chair excepted) and the departments whose topics are on the agenda. */
function addressee(reader: Reader, mc: MeetingContext): string {
  const expected = expectedAttendance(mc.type, mc.org, topicDepartments(reader.db, mc.meeting.id, reader), mc.participants)
  const chair = mc.org.posts.find((p) => p.id === mc.meeting.chairPostId)?.holderId
  const people = [...expected.members, ...expected.invited, ...expected.attending].filter((a) => a.personId !== chair)
  // People added by hand (a 专题会议's) are addressed by name and post: several hold the title 副市长.
  const byHand = (a: (typeof people)[number]) => a.why === '通知参会' || a.why === '通知列席'
  return [...new Set(people.map((a) => (byHand(a) || !a.postTitle ? `${a.name}${a.postTitle}` : a.postTitle)))].join('、')
}

export function noticePrint(reader: Reader, meetingId: number, today: string): NoticePrint {
  const { mc, title, topics, settings } = base(reader, meetingId, '导出会议通知')
  const when = whenText(mc)
  const contact = contactText(mc, settings)
  const askee = leaveAskee(mc.type, mc.meeting.chairPostId ?? 0, mc.org, mc.absences, mc.meeting.date)
  return {
    settings, title: `关于召开${title}的通知`, addressee: addressee(reader, mc),
    opening: `经${chairText(mc) || '市政府领导'}同意，定于${when}召开${title}。现将有关事项通知如下：`,
    items: [
      { heading: '会议时间', paragraphs: [`${when}。`] },
      { heading: '会议地点', paragraphs: [`${mc.meeting.place ?? '另行通知'}。`] },
      ...(topics.length ? [{ heading: '会议议题', paragraphs: topics.map((t, i) => `（${chineseNumber(i + 1)}）${t.title}（${t.departmentName}汇报）。`) }] : []),
      {
        heading: '有关要求',
        paragraphs: [
          '（一）请参会人员提前10分钟到达会场，会议期间将手机调至静音。',
          `（二）因故不能参会的，请按第三十九条向${askee.askee === '市长' ? '市长' : '会议主持人'}请假，并告知市政府办公室。`,
          ...(topics.length ? ['（三）汇报单位请于会前将会议材料送市政府办公室，汇报控制在10分钟以内。'] : []),
        ],
      },
    ],
    closing: contact ? [`联系人：${contact.name}${contact.phone ? `，电话：${contact.phone}` : ''}。`] : undefined,
    date: today,
  }
}

const personText = (r: AttendanceRow) => (r.postTitle ? `${r.name}（${r.postTitle}）` : r.name)

/** The 法定人数 line as printed: the counts, and the article (never the rule id) when they fall short. */
function quorumLine(q: { met: boolean; needed: number; present: number; total: number; rule: RuleId | null }): string {
  const counts = `应到组成人员${q.total}人，已到${q.present}人`
  return q.met || !q.rule ? counts : `${counts}，不足${RULES[q.rule].article}规定的半数以上（至少需${q.needed}人）`
}

/**
 * 出席情况 as a Word file: exactly what this reader's attendance sheet shows (attendanceSheet), so a topic above
 * their clearance adds no unit or person here either (issue 14).
 */
export function attendancePrint(reader: Reader, meetingId: number): AttendancePrint {
  const mc = meetingContext(reader.db, meetingId)
  const sheet = attendanceSheet(reader, meetingId)
  const title = `${meetingTitle(governmentShort(readSettings(reader.db).governmentName), mc.type, mc.meeting)}出席情况`
  const seated = [...sheet.members, ...sheet.invited]
  const named = (rows: AttendanceRow[], status: AttendanceRow['status']) => rows.filter((r) => r.status === status && !r.proposed).map(personText)
  const when = whenText(mc)
  // Each 列席 person is printed once: under 列席 once recorded as attending, under 未登记 until then.
  const attendingNow = sheet.attending.filter((r) => r.status === '出席' || r.status === '代会')
  return {
    title,
    lines: [
      { label: '时间', names: [when] },
      { label: '地点', names: [mc.meeting.place ?? '另行通知'] },
      { label: '出席', names: named(seated, '出席') },
      { label: '请假', names: seated.filter((r) => r.status === '请假').map((r) => `${personText(r)}${r.leaveReason ? `：${r.leaveReason}` : ''}${r.proposed ? '（待确认）' : ''}`) },
      { label: '缺席', names: named(seated, '缺席') },
      { label: '代会', names: seated.filter((r) => r.status === '代会').map((r) => `${personText(r)}由${r.substitute ?? ''}代会`) },
      { label: '列席', names: attendingNow.map((r) => (r.status === '代会' ? `${personText(r)}由${r.substitute ?? ''}代会` : personText(r))) },
      { label: '未登记', names: [...seated, ...sheet.attending].filter((r) => r.status === null).map(personText) },
      { label: '法定人数', names: [quorumLine(sheet.quorum)] },
    ],
  }
}

/** A draft prints without a number (X-1: numbered only at sign-off). */
const UNNUMBERED = '（签发后编号）'

/** What the Word builder prints, from the minutes as the page shows them. */
export function minutesPrint(m: MinutesView, settings: { governmentName: string; officeName: string }, today: string): MinutesPrint {
  const leave = (s: string) => {
    const parts = s.match(/^(.+?)（(.+)）$/)
    return parts ? { name: parts[1], reason: parts[2] } : { name: s }
  }
  return {
    settings: { governmentName: settings.governmentName, officeName: settings.officeName },
    mark: m.title,
    number: m.numberText ?? UNNUMBERED,
    draft: !m.signed,
    date: m.signed?.on ?? today,
    title: m.kind === '专题会议' && m.meetingSubject ? `关于${m.meetingSubject}的会议纪要` : undefined,
    opening: m.opening,
    topics: m.decisions.map((d) => ({ heading: d.heading, decisions: d.text })),
    attendance: { present: m.attendance.present, onLeave: m.attendance.onLeave.map(leave), attending: m.attendance.attending },
    distribution: m.distribution ?? undefined,
    printDate: today,
  }
}
