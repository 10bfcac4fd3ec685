/**
 * 统计 (issue 17): every figure the product computes equals the same figure counted here independently, with plain
 * loops over SELECT * rows of a generated office (two years of 收文, 发文, 承办, 批示, meetings, 督办, duty) plus a few
 * 建议提案 and leaders' absences — for a year and a month, and for a reader who may see 机密 and one who may not.
 */
import { describe, expect, it, beforeAll } from 'vitest'
import { seededOffice } from '../helpers/seeded-office'
import { loadCalendar } from '../../src-main/calendar/service'
import { statTable } from '../../src-main/stats/service'
import { STAT_IDS, type StatId } from '../../src-main/stats/contract'
import type { Cell } from '../../src-main/stats/rules'
import type { StatsReading } from '../../src-main/stats/reading'
import type { Clearance } from '../../src-main/common/classification'

const TODAY = '2026-06-15'
const office = seededOffice({ today: TODAY, seed: 17, scale: 0.02 })
type Row = Record<string, any>
const all = (table: string): Row[] => office.conn.sqlite.prepare(`SELECT * FROM ${table}`).all() as Row[]

const SEES: Record<Clearance, string[]> = { 内部: ['无'], 秘密: ['无', '秘密'], 机密: ['无', '秘密', '机密'] }
const PERIODS = [{ from: '2025-01-01', to: '2025-12-31' }, { from: '2026-03-01', to: '2026-03-31' }]

// ---- independent counting: dates, working days, figures
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
const officeDay = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10)
let dayKind = new Map<string, string>()
const weekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())
const working = (d: string) => dayKind.get(d) === '上班' || (dayKind.get(d) !== '放假' && !weekend(d))
function workingDaysAfter(a: string, b: string): number {
  let n = 0
  for (let d = nextDay(a); d <= b; d = nextDay(d)) if (working(d)) n++
  return n
}
const round1 = (x: number) => Math.round(x * 10) / 10
const p90 = (v: number[]) => [...v].sort((a, b) => a - b)[Math.ceil(0.9 * v.length) - 1]
const durations = (v: number[]): Cell[] => (v.length ? [v.length, round1(v.reduce((s, x) => s + x, 0) / v.length), p90(v)!, Math.max(...v)] : [0, '—', '—', '—'])
const rate = (a: number, b: number) => (b ? `${(Math.round((a / b) * 1000) / 10).toFixed(1)}%` : '—')
const inside = (d: string | null, p: { from: string; to: string }) => !!d && d >= p.from && d <= p.to
const bump = <K>(m: Map<K, number[]>, k: K, i: number, width: number) => { const r = m.get(k) ?? Array(width).fill(0); r[i]++; m.set(k, r) }

function reading(clearance: Clearance, period: { from: string; to: string }): StatsReading {
  return { db: office.conn.db, period, today: TODAY, cal: loadCalendar(office.conn.db), clearance }
}
/** The tables the tests below have computed and compared with their own count, by id. */
const compared = new Set<StatId>()

/** Product rows by their first cell, without the 合计 row. */
const byLabel = (rows: Cell[][]) => new Map(rows.filter((r) => r[0] !== '合计').map((r) => [String(r[0]), r.slice(1)]))

beforeAll(() => {
  const s = office.conn.sqlite
  dayKind = new Map(all('calendar_days').map((r) => [r.date, r.kind]))
  // The generator writes no 建议提案 or absences: a few of each, across the period edges.
  const leaders = s.prepare("SELECT p.id FROM posts p WHERE p.kind IN ('市长', '副市长') AND p.holder_id IS NOT NULL").all() as { id: number }[]
  const holders = s.prepare("SELECT holder_id AS id FROM posts WHERE kind IN ('市长', '副市长', '秘书长') AND holder_id IS NOT NULL").pluck().all() as number[]
  const dep = s.prepare('SELECT id FROM departments LIMIT 1').pluck().get()
  const addAbsence = s.prepare("INSERT INTO absences (person_id, kind, start_date, end_date, approval, created_at) VALUES (?, '出差', ?, ?, ?, '2025-01-01T00:00:00.000Z')")
  ;[['2024-12-29', '2025-01-03', '已批准'], ['2025-05-01', '2025-05-06', '已批准'], ['2025-07-07', '2025-07-08', '未批准'], ['2025-12-30', '2026-01-04', '已批准'], ['2026-02-27', '2026-03-02', '已批准']]
    .forEach(([a, b, ok], i) => addAbsence.run(holders[i % holders.length], a, b, ok))
  const addProposal = s.prepare('INSERT INTO proposals (kind, year, number, title, proposer, leader_post_id, department_id, deadline, reply, replied_on, satisfaction, created_at) VALUES (?, 2025, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const cases: [string, string, string | null, string | null, string][] = [
    ['人大代表建议', '2025-06-30', '2025-06-20', '满意', '2025-03-01T01:00:00.000Z'], ['人大代表建议', '2025-06-30', '2025-07-10', '不满意', '2025-03-02T01:00:00.000Z'],
    ['政协提案', '2025-06-30', null, null, '2025-03-03T01:00:00.000Z'], ['政协提案', '2026-08-30', '2026-03-20', null, '2026-03-03T01:00:00.000Z'],
    ['政协提案', '2026-06-30', '2026-04-01', '基本满意', '2025-12-31T17:00:00.000Z'], ['人大代表建议', '2025-06-30', null, null, '2024-12-31T15:59:00.000Z'],
  ]
  cases.forEach(([kind, deadline, repliedOn, satisfaction, created], i) =>
    addProposal.run(kind, String(i + 1), `建议${i}`, '代表', leaders[0]?.id ?? null, dep, deadline, repliedOn ? '答复' : null, repliedOn, satisfaction, created))
  // Two 督办 items from 批示, open, overdue and opened in 2025: one on a 收文 made 机密 (hidden from an 内部 reader, as on
  // the 督办 page), one on a 收文 voided since (work no longer in hand, for anybody).
  const fromInstructions = s.prepare("SELECT f.id, i.document_id AS doc FROM follow_ups f JOIN instructions i ON i.id = f.source_id WHERE f.source = '领导批示' ORDER BY f.id LIMIT 2").all() as { id: number; doc: number }[]
  expect(fromInstructions).toHaveLength(2)
  const openOverdue = s.prepare("UPDATE follow_ups SET status = '办理中', closed_on = NULL, deadline = '2025-06-30', created_at = '2025-03-01T01:00:00.000Z' WHERE id = ?")
  fromInstructions.forEach((f) => openOverdue.run(f.id))
  s.prepare("UPDATE incoming_documents SET classification = '机密', secrecy_period = '10年' WHERE id = ?").run(fromInstructions[0]!.doc)
  s.prepare("UPDATE incoming_documents SET status = '已作废' WHERE id = ?").run(fromInstructions[1]!.doc)
})

/** Every figure against its independent count, for each period and reader. */
function figuresMatchTheRows() {
  describe.each(PERIODS)('统计 $from 至 $to', (period) => {
    describe.each(['内部', '机密'] as Clearance[])('读者涉密等级 %s', (clearance) => {
      const sees = (c: string) => SEES[clearance].includes(c)
      /** A 督办 item counts for this reader when they may see its source, and its source 收文 is not voided (as on the 督办 page). */
      const countedFollowUps = (): Row[] => {
        const byId = (table: string) => new Map(all(table).map((r) => [r.id, r]))
        const [docs, instructionsById, topicsById, decisions] = [byId('incoming_documents'), byId('instructions'), byId('topics'), byId('meeting_decisions')]
        return all('follow_ups').filter((f) => {
          if (f.source === '领导批示') {
            const doc = docs.get(instructionsById.get(f.source_id)?.document_id)
            return !doc || (sees(doc.classification) && doc.status !== '已作废')
          }
          const topic = f.source === '会议纪要' ? topicsById.get(decisions.get(f.source_id)?.topic_id) : undefined
          return !topic || sees(topic.classification)
        })
      }
      const table = (id: StatId) => { compared.add(id); return statTable(reading(clearance, period), id) }

      it.each([['incomingByType', '收文', 'doc_type'], ['incomingByUrgency', '收文', 'urgency'], ['outgoingByType', '发文', 'doc_type'], ['outgoingByUrgency', '发文', 'urgency']] as const)(
        '%s：每月各类的件数与逐件数出的相同', (id, kind, dim) => {
          const expected = new Map<string, number>()
          for (const d of all(kind === '收文' ? 'incoming_documents' : 'outgoing_documents')) {
            const day = kind === '收文' ? d.received_at.slice(0, 10) : officeDay(d.created_at)
            if (!inside(day, period) || !sees(d.classification) || d.status === '已作废') continue
            const col = dim === 'urgency' ? (d.urgency === '无' ? '一般' : d.urgency) : d.doc_type
            const key = `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月|${col}`
            expected.set(key, (expected.get(key) ?? 0) + 1)
          }
          const t = table(id)
          const got = new Map<string, number>()
          for (const r of t.rows.filter((r) => r[0] !== '合计')) t.columns.slice(1, -1).forEach((c, i) => { if (r[i + 1]) got.set(`${r[0]}|${c}`, r[i + 1] as number) })
          expect(got).toEqual(expected)
          expect(t.rows.at(-1)!.at(-1)).toBe([...expected.values()].reduce((s, n) => s + n, 0))
          expect(expected.size).toBeGreaterThan(0)
        })

      it('收文各环节用时：件数、平均、P90、最长与逐件按工作日数出的相同', () => {
        const instr = new Map<number, Row[]>()
        for (const i of all('instructions')) instr.set(i.document_id, [...(instr.get(i.document_id) ?? []), i])
        const steps: number[][] = [[], [], [], [], []]
        for (const d of all('incoming_documents')) {
          const received = d.received_at.slice(0, 10)
          if (!inside(received, period) || !sees(d.classification) || d.status === '已作废') continue
          const list = instr.get(d.id) ?? []
          const instructed = list.length && list.every((i) => i.instructed_on) ? list.map((i) => i.instructed_on).sort().at(-1) : null
          const ends = [[received, d.reviewed_on], [d.reviewed_on, d.proposed_on], [d.proposed_on, instructed], [instructed, d.closed_on], [received, d.closed_on]]
          ends.forEach(([a, b], k) => { if (a && b) steps[k]!.push(workingDaysAfter(a, b)) })
        }
        const t = table('stages')
        expect(t.rows.map((r) => r.slice(1))).toEqual(steps.map(durations))
        expect(steps[2]!.length).toBeGreaterThan(0)
      })

      it('领导批示用时与逐条数出的相同', () => {
        const docs = new Map(all('incoming_documents').map((d) => [d.id, d]))
        const names = new Map(all('people').map((p) => [p.id, p.name]))
        const per = new Map<string, number[]>()
        for (const i of all('instructions')) {
          const doc = docs.get(i.document_id)!
          if (!inside(i.sent_on, period) || !i.instructed_on || !sees(doc.classification) || doc.status === '已作废') continue
          const label = i.leader_title ? `${names.get(i.leader_id)}（${i.leader_title}）` : names.get(i.leader_id)
          per.set(label, [...(per.get(label) ?? []), workingDaysAfter(i.sent_on, i.instructed_on)])
        }
        const expected = new Map([...per].map(([k, v]) => [k, [...durations(v), v.filter((x) => x <= 1).length, rate(v.filter((x) => x <= 1).length, v.length)]]))
        expect(byLabel(table('leaderStages').rows)).toEqual(expected)
      })

      it('承办单位按期率与逐件数出的相同', () => {
        const docs = new Map(all('incoming_documents').map((d) => [d.id, d]))
        const deps = new Map(all('departments').map((d) => [d.id, d.name]))
        const per = new Map<string, number[]>()
        for (const a of all('assignments')) {
          const doc = docs.get(a.document_id)!
          if (!inside(a.deadline, period) || !sees(doc.classification) || doc.status === '已作废') continue
          const i = a.feedback_on ? (a.feedback_on <= a.deadline ? 0 : 1) : a.deadline < TODAY ? 2 : 3
          bump(per, deps.get(a.department_id)!, i, 4)
        }
        const expected = new Map([...per].map(([k, v]) => [k, [...v, rate(v[0]!, v[0]! + v[1]! + v[2]!)]]))
        expect(byLabel(table('onTimeByDepartment').rows)).toEqual(expected)
        expect(expected.size).toBeGreaterThan(0)
      })

      it('当前逾期（按单位）与逐件数出的相同', () => {
        const docs = new Map(all('incoming_documents').map((d) => [d.id, d]))
        const deps = new Map(all('departments').map((d) => [d.id, d.name]))
        const per = new Map<string, number[]>()
        for (const a of all('assignments')) if (!a.feedback_on && a.deadline < TODAY && sees(docs.get(a.document_id)!.classification) && docs.get(a.document_id)!.status !== '已作废') bump(per, deps.get(a.department_id)!, 0, 2)
        for (const f of countedFollowUps()) if (f.status === '办理中' && f.deadline < TODAY) bump(per, deps.get(f.department_id)!, 1, 2)
        expect(byLabel(table('overdueNow').rows)).toEqual(new Map([...per].map(([k, v]) => [k, [...v, v[0]! + v[1]!]])))
      })

      it.each(['department', 'leader'] as const)('督办（按%s）与逐项数出的相同', (by) => {
        const deps = new Map(all('departments').map((d) => [d.id, d.name]))
        const names = new Map(all('people').map((p) => [p.id, p.name]))
        const posts = new Map(all('posts').map((p) => [p.id, p.holder_id ? `${p.title}（${names.get(p.holder_id)}）` : p.title]))
        const per = new Map<string, number[]>()
        for (const f of countedFollowUps()) {
          const label = by === 'department' ? deps.get(f.department_id)! : (f.leader_post_id ? posts.get(f.leader_post_id)! : '未指定领导')
          const r = per.get(label) ?? [0, 0, 0, 0]
          if (inside(officeDay(f.created_at), period)) r[0]++
          if (inside(f.closed_on, period)) { r[1]++; if (f.closed_on <= f.deadline) r[2]++ }
          if (f.status === '办理中' && f.deadline < TODAY) r[3]++
          per.set(label, r)
        }
        const expected = new Map([...per].filter(([, r]) => r[0]! + r[1]! + r[3]! > 0).map(([k, r]) => [k, [r[0], r[1], r[2], rate(r[2]!, r[1]!), r[3]]]))
        expect(byLabel(table(by === 'department' ? 'followUpsByDepartment' : 'followUpsByLeader').rows)).toEqual(expected)
        expect(expected.size).toBeGreaterThan(0)
      })

      it('会议召开次数、议题和经市长同意的议题与逐个数出的相同', () => {
        const types = new Map(all('meeting_types').map((t) => [t.id, t.name]))
        const per = new Map<string, number[]>()
        const held = new Map(all('meetings').filter((m) => m.status === '已召开' && inside(m.date, period)).map((m) => [m.id, m]))
        for (const m of held.values()) bump(per, types.get(m.type_id)!, 0, 3)
        for (const t of all('topics')) {
          const m = held.get(t.meeting_id)
          if (!m || t.withdrawn || !sees(t.classification)) continue
          bump(per, types.get(m.type_id)!, 1, 3)
          if (t.consent_by) bump(per, types.get(m.type_id)!, 2, 3)
        }
        expect(byLabel(table('meetingsByType').rows)).toEqual(per)
        expect(per.size).toBeGreaterThan(0)
      })

      it('建议提案办理与满意度与逐件数出的相同', () => {
        const per = new Map<string, number[]>()
        const sat = ['满意', '基本满意', '不满意']
        for (const p of all('proposals')) {
          if (!inside(officeDay(p.created_at), period)) continue
          const r = per.get(p.kind) ?? Array(8).fill(0)
          r[0]++
          if (p.replied_on) { r[1]++; if (p.replied_on <= p.deadline) r[2]++; if (!p.satisfaction) r[7]++ }
          else if (p.deadline < TODAY) r[3]++
          if (p.satisfaction) r[4 + sat.indexOf(p.satisfaction)]++
          per.set(p.kind, r)
        }
        expect(byLabel(table('proposals').rows)).toEqual(per)
      })

      it('领导外出天数（只计期间内、已批准的）与逐日数出的相同', () => {
        const names = new Map(all('people').map((p) => [p.id, p.name]))
        const per = new Map<string, number[]>()
        for (const a of all('absences')) {
          if (a.approval !== '已批准' || a.start_date > period.to || a.end_date < period.from) continue
          const r = per.get(names.get(a.person_id)) ?? [0, 0, 0]
          r[0]++
          for (let d = a.start_date; d <= a.end_date; d = nextDay(d)) if (inside(d, period)) { r[1]++; if (working(d)) r[2]++ }
          per.set(names.get(a.person_id), r)
        }
        expect(byLabel(table('leadersAway').rows)).toEqual(per)
        expect(per.size).toBeGreaterThan(0)
      })

      it('值班天数（平日、周末、节假日）与已发布值班表逐个班次数出的相同', () => {
        const names = new Map(all('people').map((p) => [p.id, p.name]))
        const published = new Set(all('rosters').filter((r) => r.status === '已发布').map((r) => r.id))
        const per = new Map<string, number[]>()
        for (const a of all('duty_assignments')) {
          if (!published.has(a.roster_id) || !inside(a.date, period)) continue
          bump(per, names.get(a.person_id)!, dayKind.get(a.date) === '放假' ? 2 : dayKind.get(a.date) === '上班' || !weekend(a.date) ? 0 : 1, 3)
        }
        expect(byLabel(table('dutyDays').rows)).toEqual(new Map([...per].map(([k, v]) => [k, [...v, v[0]! + v[1]! + v[2]!]])))
        expect(per.size).toBeGreaterThan(0)
      })
    })
  })
}

describe('生成的数据', figuresMatchTheRows)

describe('改动之后（定密变更、作废、反馈、批示、删除）：触发器维护的汇总仍与逐条数出的相同', () => {
  beforeAll(() => {
    const s = office.conn.sqlite
    const ids = (q: string) => s.prepare(q).pluck().all() as number[]
    s.transaction(() => {
      for (const id of ids("SELECT id FROM incoming_documents WHERE classification = '无' AND received_at LIKE '2025-0%' ORDER BY id LIMIT 40")) s.prepare("UPDATE incoming_documents SET classification = '秘密' WHERE id = ?").run(id)
      for (const id of ids("SELECT id FROM incoming_documents WHERE classification = '秘密' ORDER BY id DESC LIMIT 10")) s.prepare("UPDATE incoming_documents SET classification = '无' WHERE id = ?").run(id)
      for (const id of ids("SELECT id FROM incoming_documents WHERE received_at LIKE '2026-03%' ORDER BY id LIMIT 5")) s.prepare("UPDATE incoming_documents SET status = '已作废' WHERE id = ?").run(id)
      s.exec("UPDATE assignments SET feedback_on = '2026-06-12' WHERE id IN (SELECT id FROM assignments WHERE feedback_on IS NULL ORDER BY id LIMIT 20)")
      s.exec("UPDATE assignments SET deadline = '2025-12-31' WHERE id IN (SELECT id FROM assignments WHERE deadline LIKE '2025-11%' ORDER BY id LIMIT 15)")
      s.exec("UPDATE instructions SET instructed_on = NULL WHERE id IN (SELECT id FROM instructions WHERE sent_on LIKE '2025-05%' ORDER BY id LIMIT 10)")
      s.exec("UPDATE instructions SET instructed_on = '2026-06-15' WHERE id IN (SELECT id FROM instructions WHERE instructed_on IS NULL ORDER BY id LIMIT 30)")
      s.exec("UPDATE incoming_documents SET closed_on = '2025-12-30', reviewed_on = substr(received_at, 1, 10) WHERE id IN (SELECT id FROM incoming_documents WHERE received_at LIKE '2025-12%' ORDER BY id LIMIT 10)")
      s.exec("DELETE FROM incoming_documents WHERE id IN (SELECT id FROM incoming_documents WHERE received_at LIKE '2025-07%' AND id NOT IN (SELECT document_id FROM chases) ORDER BY id LIMIT 3)")
      s.exec("UPDATE outgoing_documents SET urgency = '特急', created_at = '2026-03-01T02:00:00.000Z' WHERE id IN (SELECT id FROM outgoing_documents ORDER BY id LIMIT 5)")
    })()
  })
  figuresMatchTheRows()
})

// Runs after the tests above (vitest keeps a file's order): a figure added to STAT_IDS without a count of its own is named here.
it('每一张统计表都有人数过：STAT_IDS 中没有一张表未经上面的测试逐条核对', () => {
  expect(STAT_IDS.filter((id) => !compared.has(id))).toEqual([])
})
