/**
 * Turnover (换届, staff leaving; R-P1): a post's holder changes from a date and the earlier holder stays on record
 * (post_holdings), and a person who leaves is archived, never deleted while anything names them. posts.holder_id is
 * kept equal to today's holder: a change is recorded on or after the day it takes effect, never ahead of it.
 */
import { asc, eq } from 'drizzle-orm'
import type { ReadDb } from '../db/connection'
import type { ActionContext } from '../kernel/procedure'
import { AppError, ruleViolation } from '../kernel/errors'
import { deleteAudited, insertAudited, requireById, updateAudited } from '../kernel/audited'
import { addDays, chineseDate, type IsoDate } from '../common/dates'
import { people, postHoldings, posts } from './schema'
import { countsText, recordsNaming } from './references'
import { holdsOn } from './snapshot'
import type { ArchivePersonInput, HolderChangeInput, RestorePersonInput, UndoHolderChangeInput } from './contract'

type HoldingRow = typeof postHoldings.$inferSelect
type PostRow = typeof posts.$inferSelect

/** A post's holdings, oldest first (those since before the records began come first). */
export const holdingsOf = (db: ReadDb, postId: number): HoldingRow[] =>
  db.select().from(postHoldings).where(eq(postHoldings.postId, postId)).orderBy(asc(postHoldings.fromDate), asc(postHoldings.id)).all()

/** Who held a post on a day (the post's own holder when it has no recorded holdings). */
export function holderOn(db: ReadDb, post: Pick<PostRow, 'id' | 'holderId'>, date: IsoDate): number | null {
  const list = holdingsOf(db, post.id)
  return list.length ? list.find((h) => holdsOn(h, date))?.personId ?? null : post.holderId
}

const nameOf = (db: ReadDb, id: number) => requireById(db, people, id, '人员').name

/** The person must be on the books: an archived person is restored before holding a post again. */
function requireActivePerson(db: ReadDb, id: number) {
  const p = requireById(db, people, id, '任职人员')
  if (p.archivedOn) throw new AppError('CONFLICT', `${p.name}已于${chineseDate(p.archivedOn)}归档（离任），不能再任职；如确需任职，请先在“人员”中恢复`)
  return p
}

/** The latest holding, carrying a post made before 任职记录 existed as held by its holder since before the records. */
function latestHolding(ctx: ActionContext, post: PostRow): HoldingRow | undefined {
  const last = holdingsOf(ctx.db, post.id).at(-1)
  if (last || post.holderId === null) return last
  return insertAudited(ctx, postHoldings, '任职记录', { postId: post.id, personId: post.holderId, fromDate: null, toDate: null, reason: '启用任职记录前的任职人' })
}

/** A change takes effect on `date`: not ahead of today, and after the post's last recorded change. */
function checkChangeDate(ctx: ActionContext, post: PostRow, last: HoldingRow | undefined, date: IsoDate) {
  const today = ctx.clock.today()
  if (date > today) throw new AppError('VALIDATION', `「生效日期」不能晚于今天（${chineseDate(today)}）：任职变更请在生效当天或之后登记`, { field: 'fromDate' })
  const lastChange = [last?.fromDate, last?.toDate == null ? null : addDays(last.toDate, 1)].filter((d): d is string => !!d).sort().at(-1)
  if (lastChange && date <= lastChange) {
    throw new AppError('CONFLICT', `${post.title}最近一次任职变更在${chineseDate(lastChange)}，新的变更须晚于这一天；如那次登记有误，请先“撤销最近一次变更”`)
  }
}

/** Ends the open holding the day before `date` (R-P1: one holder a day); a reason is kept when nobody follows. */
function closeHolding(ctx: ActionContext, h: HoldingRow, date: IsoDate, endReason: string | null) {
  updateAudited(ctx, postHoldings, '任职记录', h.id, { toDate: addDays(date, -1), ...(endReason ? { endReason } : {}) })
}

/**
 * 任职变更: from `fromDate` the post is held by `personId`, or falls vacant (null). Past days keep their holder,
 * so minutes, 批示, signatures and rosters of those days still name who held the post then.
 */
export function changeHolder(ctx: ActionContext, input: HolderChangeInput) {
  const post = requireById(ctx.db, posts, input.postId, '岗位')
  if (input.personId !== null) requireActivePerson(ctx.db, input.personId)
  const last = latestHolding(ctx, post)
  checkChangeDate(ctx, post, last, input.fromDate)
  const open = last && last.toDate === null ? last : undefined
  if ((open?.personId ?? null) === input.personId) {
    throw new AppError('CONFLICT', input.personId === null ? `${post.title}已经空缺` : `${nameOf(ctx.db, input.personId)}已在担任${post.title}`)
  }
  if (open) closeHolding(ctx, open, input.fromDate, input.personId === null ? input.reason : null)
  if (input.personId !== null) {
    insertAudited(ctx, postHoldings, '任职记录', { postId: post.id, personId: input.personId, fromDate: input.fromDate, toDate: null, reason: input.reason })
  }
  updateAudited(ctx, posts, '岗位', post.id, { holderId: input.personId })
  return null
}

/** A post's holder set from a form (org.savePost) without a date: a change from today, recorded like any other. */
export function holderChangedToday(ctx: ActionContext, post: PostRow, personId: number | null) {
  changeHolder(ctx, { postId: post.id, personId, fromDate: ctx.clock.today(), reason: '在“岗位”中修改任职人员' })
}

/** A new post's first holder: held since before the records, like the holders carried over by migration 0011. */
export function firstHolder(ctx: ActionContext, postId: number, personId: number) {
  requireActivePerson(ctx.db, personId)
  insertAudited(ctx, postHoldings, '任职记录', { postId, personId, fromDate: null, toDate: null, reason: '新设岗位时的任职人员' })
}

/**
 * Undoes the post's latest change (entered by mistake): the change's holding is removed and the one before it is
 * in office again; the reason goes to the audit log with it.
 */
export function undoHolderChange(ctx: ActionContext, input: UndoHolderChangeInput) {
  const post = requireById(ctx.db, posts, input.postId, '岗位')
  const history = holdingsOf(ctx.db, post.id)
  const last = history.at(-1)
  if (!last || (last.fromDate === null && last.toDate === null)) throw new AppError('CONFLICT', `${post.title}没有登记过任职变更，无可撤销`)
  let holder: number | null
  if (last.toDate !== null) {
    // The last change made the post vacant: its holder is back in office.
    requireActivePerson(ctx.db, last.personId)
    updateAudited(ctx, postHoldings, '任职记录', last.id, { toDate: null, endReason: null })
    holder = last.personId
  } else {
    deleteAudited(ctx, postHoldings, '任职记录', last.id)
    const before = history.at(-2)
    const resumes = before && before.toDate === addDays(last.fromDate!, -1) ? before : undefined
    if (resumes) updateAudited(ctx, postHoldings, '任职记录', resumes.id, { toDate: null, endReason: null })
    holder = resumes?.personId ?? null
  }
  updateAudited(ctx, posts, '岗位', post.id, { holderId: holder })
  ctx.audit.record({ entity: '岗位', id: post.id, fields: { 撤销最近一次任职变更: post.title, 理由: input.reason } })
  return null
}

/**
 * 归档 (staff leaving): the person leaves every post they hold from `date` (the posts fall vacant) and vanishes from
 * the pickers; every record naming them keeps the name.
 */
export function archivePerson(ctx: ActionContext, input: ArchivePersonInput) {
  const person = requireById(ctx.db, people, input.id, '人员')
  if (person.archivedOn) throw new AppError('CONFLICT', `${person.name}已于${chineseDate(person.archivedOn)}归档`)
  const today = ctx.clock.today()
  if (input.date > today) throw new AppError('VALIDATION', `「离任日期」不能晚于今天（${chineseDate(today)}）：请在离任当天或之后归档`, { field: 'date' })
  const held = ctx.db.select().from(posts).where(eq(posts.holderId, person.id)).all()
  for (const post of held) {
    changeHolder(ctx, { postId: post.id, personId: null, fromDate: input.date, reason: `${person.name}离任：${input.reason}` })
  }
  updateAudited(ctx, people, '人员', person.id, { archivedOn: input.date, archiveReason: input.reason })
  return { vacated: held.map((p) => p.title) }
}

/** 恢复 an archived person (archived by mistake, or back in the office); their posts are given again as changes. */
export function restorePerson(ctx: ActionContext, input: RestorePersonInput) {
  const person = requireById(ctx.db, people, input.id, '人员')
  if (!person.archivedOn) throw new AppError('CONFLICT', `${person.name}没有归档`)
  updateAudited(ctx, people, '人员', person.id, { archivedOn: null, archiveReason: null })
  ctx.audit.record({ entity: '人员', id: person.id, fields: { 恢复: person.name, 理由: input.reason } })
  return null
}

/**
 * 删除人员: only someone nothing refers to (entered by mistake). Anyone named by a record — an absence, a roster, a
 * post held once — is archived instead, and the refusal says so.
 */
export function refuseDeletingNamedPerson(db: ReadDb, personId: number) {
  const person = requireById(db, people, personId, '人员')
  const held = db.select({ title: posts.title }).from(posts).where(eq(posts.holderId, personId)).all()
  if (held.length) throw ruleViolation('R-P1', `${person.name}仍担任${held.map((p) => p.title).join('、')}，不能删除。人员离任请用“归档”（岗位自离任日起空缺，已有记录保留姓名）`)
  const named = recordsNaming(db, 'people', personId)
  if (named.length) {
    throw new AppError('CONFLICT', `${person.name}已有${countsText(named)}，删除会让这些记录失去姓名，不能删除。人员离任请用“归档”：从选择列表中隐去，已有记录保留姓名`)
  }
}

/**
 * 删除岗位: only a post nothing names. A post that meetings, documents or follow-ups name (主持人, 呈批领导, 分管领导)
 * would leave them blank, so it is left vacant instead (任职变更 without a successor).
 */
export function refuseDeletingNamedPost(db: ReadDb, postId: number) {
  const post = requireById(db, posts, postId, '岗位')
  const named = recordsNaming(db, 'posts', postId)
  if (named.length) {
    throw new AppError('CONFLICT', `${post.title}岗位已有${countsText(named)}，删除会让这些记录失去岗位，不能删除。岗位暂无人担任请用“任职变更”设为空缺`)
  }
}

/** Holdings of every post, for the 组织机构 page's 任职 history: names, not ids. */
export function holdingsOverview(db: ReadDb) {
  return db.select({ h: postHoldings, name: people.name }).from(postHoldings).innerJoin(people, eq(people.id, postHoldings.personId))
    .orderBy(asc(postHoldings.postId), asc(postHoldings.fromDate), asc(postHoldings.id)).all()
    .map(({ h, name }) => ({ ...h, personName: name }))
}
