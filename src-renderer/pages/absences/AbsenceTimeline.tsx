import type { CSSProperties } from 'react'
import { Group, Text } from '@mantine/core'
import { RuleBadge } from '../../components/RuleBadge'
import { leaderPosts, principalPostOf, type OrgOverview } from '../org/model'
import { ABSENCE_KINDS, KIND_COLOR, dayRange, daysOf, periodText, type AbsenceList, type AbsenceRow } from './model'
import './absences.css'
import { cite } from '../../../src-main/common/rules'

export interface DayMark { type: '工作日' | '周末' | '法定节假日' | '调休上班'; name: string | null }

const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六']
const MARK: Partial<Record<DayMark['type'], string>> = { 法定节假日: '休', 调休上班: '班' }

interface Row { personId: number; name: string; post: string }

/** The people shown: every city leader (even when in post all month), then anyone else away this month. */
function rowsOf(org: OrgOverview, absences: readonly AbsenceRow[]): Row[] {
  const rows: Row[] = []
  const seen = new Set<number>()
  for (const p of leaderPosts(org)) {
    if (p.holderId === null || seen.has(p.holderId)) continue
    seen.add(p.holderId)
    rows.push({ personId: p.holderId, name: p.holderName ?? '', post: p.title })
  }
  for (const a of absences) {
    if (seen.has(a.personId)) continue
    seen.add(a.personId)
    rows.push({ personId: a.personId, name: a.personName ?? '', post: a.postTitle ?? principalPostOf(org, a.personId)?.title ?? '' })
  }
  return rows
}

/** 领导外出 month view: rows = people, columns = days, bars = absences coloured by kind, holidays shaded, R-P4 clashes hatched in red. */
export function AbsenceTimeline({ month, org, list, days, today, onOpen }: {
  month: string
  org: OrgOverview
  list: AbsenceList
  /** The day types from the holiday calendar; null when the year is not entered. */
  days: ReadonlyMap<string, DayMark> | null
  today: string
  /** Absent for a reader who may not change absences: the bars only tell. */
  onOpen?: (absence: AbsenceRow) => void
}) {
  const dates = daysOf(month)
  const first = dates[0]
  const last = dates[dates.length - 1]
  const col = (d: string) => dates.indexOf(d < first ? first : d > last ? last : d) + 2
  const rows = rowsOf(org, list.absences)
  const byId = new Map(list.absences.map((a) => [a.id, a]))
  const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay()
  const dayType = (d: string): DayMark['type'] => days?.get(d)?.type ?? (weekday(d) === 0 || weekday(d) === 6 ? '周末' : '工作日')

  // R-P4: the shared days, drawn on both the 市长's and the 常务副市长's rows.
  const clashes = list.overlaps.flatMap((o) => [o.mayorAbsenceId, o.executiveAbsenceId].map((id) => ({ personId: byId.get(id)?.personId, o })))
  const clashPeople = new Set(clashes.map((c) => c.personId))

  return (
    <div>
      <div className="sb-tl" role="grid" aria-label="领导外出月视图" style={{ gridTemplateColumns: `168px repeat(${dates.length}, minmax(24px, 1fr))` }}>
        <div className="sb-tl-head" style={{ gridRow: 1, gridColumn: 1, textAlign: 'left', paddingLeft: 8 }}>
          <Text size="xs" fw={600} lh="28px">职务　姓名</Text>
        </div>
        {dates.map((d, i) => {
          const type = dayType(d)
          const mark = MARK[type]
          return (
            <div key={d} className="sb-tl-head" role="columnheader" data-daytype={type} data-today={d === today || undefined} style={{ gridRow: 1, gridColumn: i + 2 }}
              title={`${Number(d.slice(5, 7))}月${Number(d.slice(8))}日 星期${WEEKDAY[weekday(d)]}${type !== '工作日' ? `，${type}${days?.get(d)?.name ? `（${days.get(d)!.name}）` : ''}` : ''}`}>
              {Number(d.slice(8))}
              <small>{WEEKDAY[weekday(d)]}</small>
              {mark && <span className="sb-tl-mark">{mark}</span>}
            </div>
          )
        })}

        {rows.map((row, r) => {
          const gridRow = r + 2
          return [
            <div key={`n${row.personId}`} className="sb-tl-name" role="rowheader" style={{ gridRow, gridColumn: 1 }} title={`${row.post} ${row.name}`}>
              <Text span size="xs" className="sb-tl-name-post" style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{row.post}</Text>
              <Text span size="sm" fw={500}>{row.name}</Text>
              {clashPeople.has(row.personId) && <RuleBadge rule="R-P4" color="red" />}
            </div>,
            ...dates.map((d, i) => (
              <div key={`c${row.personId}-${d}`} className="sb-tl-cell" data-daytype={dayType(d)} data-today={d === today || undefined} style={{ gridRow, gridColumn: i + 2 }} />
            )),
            ...list.absences.filter((a) => a.personId === row.personId).map((a) => {
              const label = `${a.kind}${a.destination ? `·${a.destination}` : ''}`
              const describe = `${row.name} ${label}，${periodText(a.startDate, a.endDate, true)}${actingSummary(a)}`
              return (
                <button key={`a${a.id}`} type="button" className="sb-tl-bar" aria-label={describe} title={onOpen ? `${describe}（点击修改）` : describe} disabled={!onOpen} onClick={() => onOpen?.(a)}
                  data-clipped-start={a.startDate < first || undefined} data-clipped-end={a.endDate > last || undefined}
                  style={{ gridRow, gridColumn: `${col(a.startDate)} / ${col(a.endDate) + 1}`, background: `var(--mantine-color-${KIND_COLOR[a.kind]}-6)` }}>
                  {label}
                </button>
              )
            }),
            ...clashes.filter((c) => c.personId === row.personId).map((c, k) => (
              <div key={`x${row.personId}-${k}`} className="sb-tl-clash" aria-hidden title={c.o.message}
                style={{ gridRow, gridColumn: `${col(c.o.startDate)} / ${col(c.o.endDate) + 1}` }} />
            )),
          ]
        })}
        {rows.length === 0 && <div className="sb-tl-empty">尚未设置市政府领导岗位，请先在“组织机构”中设置。</div>}
      </div>

      <Group gap="md" mt={6} aria-label="图例">
        {ABSENCE_KINDS.map((k) => <Swatch key={k} style={{ background: `var(--mantine-color-${KIND_COLOR[k]}-6)` }} label={k} />)}
        <Swatch style={{ background: 'var(--mantine-color-red-0)', boxShadow: 'inset 0 0 0 1px var(--mantine-color-red-2)' }} label="法定节假日（休）" />
        <Swatch style={{ background: 'var(--mantine-color-gray-1)', boxShadow: 'inset 0 0 0 1px var(--mantine-color-gray-3)' }} label="周末" />
        <Text size="xs"><Text span size="xs" fw={600} c="orange.9">班</Text> 调休上班</Text>
        <Swatch style={{ border: '2px solid var(--mantine-color-red-7)', background: 'rgba(224,49,49,.06)', boxShadow: 'inset 0 -3px 0 rgba(224,49,49,.55)' }} label={`市长与常务副市长同时外出（${cite('R-P4')}）`} />
        {days === null && <Text size="xs" c="orange.8">{month.slice(0, 4)}年节假日安排尚未录入，图中只标出了周末。</Text>}
      </Group>
    </div>
  )
}

function Swatch({ style, label }: { style: CSSProperties; label: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <span style={{ display: 'inline-block', width: 14, height: 12, borderRadius: 2, ...style }} />
      <Text size="xs">{label}</Text>
    </Group>
  )
}

/** "，12月7日至12月9日李建国代行，12月10日至12月12日无人代行": who acts, day by day (R-P2, R-P3). */
function actingSummary(a: AbsenceRow): string {
  const spans = a.actingSpans.filter((s) => s.acting.away)
  if (spans.length === 1) return spans[0].acting.actorName ? `，${spans[0].acting.actorName}代行` : '，无人代行'
  return spans.map((s) => `，${dayRange(s.startDate, s.endDate)}${s.acting.actorName ? `${s.acting.actorName}代行` : '无人代行'}`).join('')
}
