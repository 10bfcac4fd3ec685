/**
 * 组织机构 from the office's staff and phone list: one row a person in a post — 单位 (created if new), 职务 (a post of
 * that unit, created if new, held by the person from the 任职时间 the list gives, else since before the records: no
 * date is invented), phones, and for a leader the 分管领域 and the 分管单位 (whose 分管领导 then is this post, R-D3).
 * The same person in the same post is found again by 单位, 职务 and 姓名, and a corrected list updates the phones,
 * the 分管 and the 任职时间. Next year's list naming someone new in a post only one person holds (the 局长) hands the
 * post over from their 任职时间, the earlier holder's record kept (R-P1); without the date the row is refused.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import { z } from 'zod'
import { DEPARTMENT_KINDS, POST_KINDS, isLeaderKind } from '../../common/org'
import { departments, people, postHoldings, posts } from '../../org/schema'
import { text, optionalText } from '../../kernel/fields'
import { cellText, bad, ok, parseDate, type Cell, type Parsed } from '../rules'
import { RowReader, zodProblems, type ImportKindDef, type RowContext, type Stored } from './kind'
import type { Db, ReadDb } from '../../db/connection'
import { addDays, chineseDate } from '../../common/dates'

export interface OrgRecord extends Record<string, unknown> {
  name: string; department: string; departmentKind: (typeof DEPARTMENT_KINDS)[number]; title: string; postKind: (typeof POST_KINDS)[number]
  officePhone: string | null; mobile: string | null; portfolio: string | null; supervises: string
  /** 任职时间: the day the person took the post, when the list says; else held "since before the records began". */
  since: string | null
}

const FIELDS = [
  { key: 'name', label: '姓名', aliases: ['人员', '名字'], required: true },
  { key: 'department', label: '单位', aliases: ['部门', '单位名称', '所在单位', '工作单位'] },
  { key: 'title', label: '职务', aliases: ['岗位', '职位'], required: true },
  { key: 'postKind', label: '岗位类别', aliases: ['职务类别', '人员类别'] },
  { key: 'departmentKind', label: '单位类别', aliases: ['部门类别'] },
  { key: 'officePhone', label: '办公电话', aliases: ['电话', '座机', '联系电话'] },
  { key: 'mobile', label: '手机', aliases: ['手机号码', '移动电话', '手机号'] },
  { key: 'portfolio', label: '分管领域', aliases: ['分管工作', '工作分工'] },
  { key: 'supervises', label: '分管单位', aliases: ['联系单位', '分管部门'] },
  { key: 'since', label: '任职时间', aliases: ['任职日期', '任现职时间', '任职起始日期', '到任时间', '任职起始时间'] },
] as const

const LABELS = { officePhone: '办公电话', mobile: '手机', portfolio: '分管领域', supervises: '分管单位', since: '任职时间' }

/** The org forms' limits. */
const form = z.object({ name: text('姓名', 40), department: optionalText('单位', 100), title: text('职务', 60), officePhone: optionalText('办公电话', 40), mobile: optionalText('手机', 40), portfolio: optionalText('分管领域', 500) })

/** 岗位类别 as written, or else guessed from the 职务 the way offices title them. */
function postKindOf(cell: Cell, title: string): Parsed<OrgRecord['postKind']> {
  const s = cellText(cell)
  if (s) return POST_KINDS.find((k) => k === s) ? ok(s as OrgRecord['postKind']) : bad(`应为${POST_KINDS.join('、')}之一`)
  const guess = (['市长', '副市长', '秘书长', '副秘书长', '办公室主任', '办公室副主任'] as const).find((k) => title === k || (title.endsWith(k) && !title.endsWith(`副${k}`)))
  if (guess) return ok(guess)
  return ok(/^(局长|主任|主席|书记|区长|县长)$/.test(title) ? '部门主要负责人' : '工作人员')
}

function parse(get: (key: string) => Cell, ctx: RowContext) {
  const r = new RowReader(FIELDS)
  const f = form.safeParse({ name: cellText(get('name')), department: cellText(get('department')), title: cellText(get('title')), officePhone: cellText(get('officePhone')), mobile: cellText(get('mobile')), portfolio: cellText(get('portfolio')) })
  if (!f.success) r.problems.push(...zodProblems(f.error, (k) => r.label(k)))
  const postKind = r.take('postKind', postKindOf(get('postKind'), cellText(get('title'))))
  const kindText = cellText(get('departmentKind'))
  const departmentKind = kindText ? DEPARTMENT_KINDS.find((k) => k === kindText) : /(县|区)(人民政府)?$/.test(cellText(get('department'))) ? '县区' : '市政府部门'
  if (!departmentKind) r.problems.push({ column: '单位类别', reason: `应为${DEPARTMENT_KINDS.join('、')}之一` })
  const supervised = cellText(get('supervises')).split(/[、，,；;\s]+/).filter(Boolean)
  const unknown = supervised.filter((n) => !ctx.departmentIds.has(n))
  if (unknown.length) r.problems.push({ column: '分管单位', reason: `组织机构中没有${unknown.map((n) => `“${n}”`).join('、')}（分管的单位须先导入或录入）` })
  if (supervised.length && postKind && !isLeaderKind(postKind)) r.problems.push({ column: '分管单位', reason: '只有市长、副市长、秘书长、副秘书长分管单位' })
  const since = r.take('since', parseDate(get('since')))
  if (since && since > ctx.today) r.problems.push({ column: '任职时间', reason: '不能晚于今天' })
  const leader = postKind !== undefined && isLeaderKind(postKind)
  if (f.success && !leader && !f.data.department) r.problems.push({ column: '单位', reason: '不能为空（市领导以外的人员须写明所在单位）' })
  if (r.problems.length || !f.success || !postKind || !departmentKind) return { problems: r.problems }
  const record: OrgRecord = {
    // City leaders belong to no unit (as the organisation keeps them): whatever the 单位 column says of them.
    name: f.data.name, department: leader ? '' : f.data.department!, departmentKind, title: f.data.title, postKind, officePhone: f.data.officePhone ?? null,
    mobile: f.data.mobile ?? null, portfolio: f.data.portfolio ?? null, supervises: [...new Set(supervised)].sort().join('、'), since: since ?? null,
  }
  return { record }
}

const keyOf = (department: string | null, title: string, name: string) => `${department || '市领导'}|${title}|${name}`

interface Held { postId: number; personId: number; name: string; department: string | null; title: string; officePhone: string | null; mobile: string | null; portfolio: string | null; since: string | null }

/** The holder's current 任职记录 of a post (to_date null). */
const currentHolding = (postId: number, personId: number) => and(eq(postHoldings.postId, postId), eq(postHoldings.personId, personId), isNull(postHoldings.toDate))

function departmentIdOf(db: Db, name: string, kind: OrgRecord['departmentKind']): number {
  return db.select({ id: departments.id }).from(departments).where(eq(departments.name, name)).get()?.id
    ?? db.insert(departments).values({ name, kind }).returning({ id: departments.id }).get().id
}

/** The units this post 分管: exactly those the row names (a unit named by another row keeps its own). */
function supervise(db: Db, postId: number, names: string) {
  db.update(departments).set({ supervisorPostId: null }).where(eq(departments.supervisorPostId, postId)).run()
  const list = names.split('、').filter(Boolean)
  if (list.length) db.update(departments).set({ supervisorPostId: postId }).where(inArray(departments.name, list)).run()
}

/**
 * The post a row's 单位 and 职务 name when the unit has exactly one such post (市长, a unit's 局长): a new name on it is
 * its next holder, not a second 局长. Where the unit has several (副市长, 副局长), a new name is another post.
 */
interface Seat { postId: number; holderId: number | null; holderName: string | null; since: string | null }

function seatOf(db: ReadDb, r: Pick<OrgRecord, 'department' | 'title'>): Seat | null {
  const found = db.select({
    postId: posts.id, holderId: posts.holderId, holderName: people.name,
    since: sql<string | null>`(SELECT max(${postHoldings.fromDate}) FROM ${postHoldings} WHERE ${postHoldings.postId} = ${posts.id})`,
  }).from(posts).leftJoin(departments, eq(departments.id, posts.departmentId)).leftJoin(people, eq(people.id, posts.holderId))
    .where(and(eq(posts.title, r.title), r.department ? eq(departments.name, r.department) : isNull(posts.departmentId))).all()
  return found.length === 1 ? found[0] : null
}

/** Why a new name cannot take its seat as the row stands: who holds it, and what to write to hand it over. */
function seatRefusal(seat: Seat | null, r: OrgRecord): { column: string; reason: string } | null {
  if (!seat?.holderName || seat.holderName === r.name) return null
  const post = `${r.department || ''}${r.title}`
  if (!r.since) return { column: '任职时间', reason: `${post}现由${seat.holderName}担任。如已换人，请填写${r.name}的任职时间，导入时即办理交接（${seat.holderName}的任职记录保留）；如是增设的岗位，请先在组织机构中增设` }
  if (seat.since && r.since <= seat.since) return { column: '任职时间', reason: `须晚于${seat.holderName}任${post}的时间（${chineseDate(seat.since)}）` }
  return null
}

/** The new holder takes the seat from `since`: the earlier holder's record ends the day before (R-P1, history kept). */
function takeSeat(db: Db, seat: Seat, personId: number, r: OrgRecord): void {
  if (seat.holderId !== null) {
    db.update(postHoldings).set({ toDate: addDays(r.since!, -1), endReason: `导入：${r.name}接任` })
      .where(and(eq(postHoldings.postId, seat.postId), isNull(postHoldings.toDate))).run()
  }
  db.update(posts).set({ holderId: personId, portfolio: r.portfolio }).where(eq(posts.id, seat.postId)).run()
  db.insert(postHoldings).values({ postId: seat.postId, personId, fromDate: r.since, reason: '导入' }).run()
}

export const orgKind: ImportKindDef<OrgRecord> = {
  kind: '组织机构',
  fields: FIELDS,
  example: { name: '孙立', department: '', title: '副秘书长', postKind: '副秘书长', departmentKind: '', officePhone: '028-26000001', mobile: '13800000001', portfolio: '协助秘书长负责农业农村、水利方面工作', supervises: '市水利局', since: '2024-03-15' },
  labels: LABELS,
  parse,
  key: (r) => keyOf(r.department, r.title, r.name),
  describe: (r) => `${r.department || '市领导'} ${r.title} ${r.name}`,
  duplicate: (label) => `${label}已在组织机构中`,
  existing(db, records) {
    const found = new Map<string, Stored<OrgRecord>>()
    const names = [...new Set(records.map((r) => r.name))]
    const held = db.select({
      postId: posts.id, personId: people.id, name: people.name, department: departments.name, title: posts.title,
      officePhone: people.officePhone, mobile: people.mobile, portfolio: posts.portfolio, since: postHoldings.fromDate,
    }).from(posts).innerJoin(people, eq(people.id, posts.holderId)).leftJoin(departments, eq(departments.id, posts.departmentId))
      .leftJoin(postHoldings, and(eq(postHoldings.postId, posts.id), eq(postHoldings.personId, people.id), isNull(postHoldings.toDate)))
      .where(inArray(people.name, names)).all() as Held[]
    const supervised = new Map<number, string[]>()
    for (const d of db.select({ name: departments.name, by: departments.supervisorPostId }).from(departments).all()) {
      if (d.by !== null) supervised.set(d.by, [...(supervised.get(d.by) ?? []), d.name])
    }
    for (const h of held) {
      found.set(keyOf(h.department, h.title, h.name), {
        id: h.postId, imported: true, label: `${h.department ?? ''}${h.title}${h.name}`,
        fields: { officePhone: h.officePhone, mobile: h.mobile, portfolio: h.portfolio, supervises: (supervised.get(h.postId) ?? []).sort().join('、'), since: h.since },
      })
    }
    return found
  },
  blocked(db, records) {
    const refusals = new Map<string, { column: string; reason: string }>()
    for (const r of records) {
      const why = seatRefusal(seatOf(db, r), r)
      if (why) refusals.set(keyOf(r.department, r.title, r.name), why)
    }
    return refusals
  },
  insert(w, r) {
    const personId = w.db.insert(people).values({ name: r.name, officePhone: r.officePhone, mobile: r.mobile }).returning({ id: people.id }).get().id
    const seat = seatOf(w.db, r)
    if (seat && (seat.holderId === null || r.since)) {
      takeSeat(w.db, seat, personId, r)
      supervise(w.db, seat.postId, r.supervises)
      return personId
    }
    const departmentId = r.department ? departmentIdOf(w.db, r.department, r.departmentKind) : null
    const postId = w.db.insert(posts).values({ title: r.title, kind: r.postKind, departmentId, holderId: personId, portfolio: r.portfolio }).returning({ id: posts.id }).get().id
    // Without a 任职时间, held since before the records began (from_date null): the list says who holds it, not since when.
    w.db.insert(postHoldings).values({ postId, personId, fromDate: r.since, reason: '导入' }).run()
    supervise(w.db, postId, r.supervises)
    return personId
  },
  update(w, postId, r) {
    const post = w.db.select({ holderId: posts.holderId }).from(posts).where(eq(posts.id, postId)).get()!
    w.db.update(people).set({ officePhone: r.officePhone, mobile: r.mobile }).where(and(eq(people.id, post.holderId!))).run()
    w.db.update(posts).set({ portfolio: r.portfolio }).where(eq(posts.id, postId)).run()
    w.db.update(postHoldings).set({ fromDate: r.since }).where(currentHolding(postId, post.holderId!)).run()
    supervise(w.db, postId, r.supervises)
  },
}

