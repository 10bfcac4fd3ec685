import { and, asc, eq, inArray, ne, notInArray, or } from 'drizzle-orm'
import type { ReadDb } from '../db/connection'
import { perConnection } from '../db/prepared'
import type { ActionContext } from '../kernel/procedure'
import { AppError, ruleViolation } from '../kernel/errors'
import { deleteAudited, insertAudited, requireById, saveAudited, updateAudited } from '../kernel/audited'
import { orgOn, type OrgWithUnits } from './snapshot'
import { abPairs, departments, people, postHoldings, posts } from './schema'
import type { IsoDate } from '../common/dates'
import { firstHolder, holderChangedToday, holdingsOverview, refuseDeletingNamedPerson, refuseDeletingNamedPost } from './turnover'
import { isLeaderKind } from '../common/org'
import type { AbPairInput, DepartmentInput, PersonInDepartmentInput, PersonInput, PortfolioInput, PostInput } from './contract'

const postsStmt = perConnection((db) => db.select({ id: posts.id, title: posts.title, kind: posts.kind, holderId: posts.holderId, isExecutive: posts.isExecutive, departmentId: posts.departmentId }).from(posts).prepare())
const namesStmt = perConnection((db) => db.select({ id: people.id, name: people.name }).from(people).prepare())
const pairsStmt = perConnection((db) => db.select({ a: abPairs.postAId, b: abPairs.postBId }).from(abPairs).prepare())
const departmentsStmt = perConnection((db) => db.select({ id: departments.id, name: departments.name, kind: departments.kind, supervisorPostId: departments.supervisorPostId }).from(departments).prepare())
const holdingsStmt = perConnection((db) => db.select({ postId: postHoldings.postId, personId: postHoldings.personId, fromDate: postHoldings.fromDate, toDate: postHoldings.toDate }).from(postHoldings).prepare())

/**
 * The organisation as the rules need it (R-P1), with the departments' names and kinds (who heads a 列席 unit).
 * Its queries are prepared once per connection: opening a meeting reads it, and an office's org is a few hundred rows.
 * `asOf` gives the holders of that day (a meeting's, a signature's); without it, today's. The 任职记录 travel with
 * the snapshot, so the acting rules read the holders of whatever day they are asked about.
 */
export function loadOrgSnapshot(db: ReadDb, asOf?: IsoDate): OrgWithUnits {
  const depts = departmentsStmt(db).all()
  const org: OrgWithUnits = {
    posts: postsStmt(db).all(),
    holdings: holdingsStmt(db).all(),
    names: new Map(namesStmt(db).all().map((p) => [p.id, p.name])),
    abPairs: pairsStmt(db).all().map((p) => [p.a, p.b] as const),
    supervisors: new Map(depts.map((d) => [d.id, d.supervisorPostId])),
    departments: new Map(depts.map((d) => [d.id, { name: d.name, kind: d.kind }])),
  }
  return asOf ? orgOn(org, asOf) : org
}

/** Everything the 组织机构 pages show; an office's organisation is hundreds of rows, not more. */
export function orgOverview(db: ReadDb) {
  const allPeople = db.select().from(people).orderBy(asc(people.id)).all()
  const allDepartments = db.select().from(departments).orderBy(asc(departments.sortOrder), asc(departments.id)).all()
  const allPosts = db.select().from(posts).orderBy(asc(posts.sortOrder), asc(posts.id)).all()
  const name = new Map(allPeople.map((p) => [p.id, p.name]))
  const deptName = new Map(allDepartments.map((d) => [d.id, d.name]))
  const postById = new Map(allPosts.map((p) => [p.id, p]))
  const postLabel = (id: number | null) => {
    const p = id === null ? undefined : postById.get(id)
    return p ? `${p.title}${p.holderId ? ` ${name.get(p.holderId)}` : '（空缺）'}` : null
  }
  return {
    people: allPeople.map((p) => ({ ...p, posts: allPosts.filter((x) => x.holderId === p.id).map((x) => x.title) })),
    departments: allDepartments.map((d) => ({ ...d, supervisor: postLabel(d.supervisorPostId) })),
    posts: allPosts.map((p) => ({
      ...p,
      holderName: p.holderId ? name.get(p.holderId) ?? null : null,
      departmentName: p.departmentId ? deptName.get(p.departmentId) ?? null : null,
      departmentIds: allDepartments.filter((d) => d.supervisorPostId === p.id).map((d) => d.id),
    })),
    abPairs: db.select().from(abPairs).all().map((p) => ({ ...p, a: postLabel(p.postAId), b: postLabel(p.postBId) })),
    /** 任职记录 of every post, oldest first. */
    holdings: holdingsOverview(db),
  }
}

export const savePerson = (ctx: ActionContext, input: PersonInput) => saveAudited(ctx, people, '人员', input)

/** Only a person nothing names (entered by mistake); anyone else is archived (turnover.ts). */
export function deletePerson(ctx: ActionContext, id: number) {
  refuseDeletingNamedPerson(ctx.db, id)
  deleteAudited(ctx, people, '人员', id)
}

export function saveDepartment(ctx: ActionContext, input: DepartmentInput) {
  if (input.supervisorPostId) requireLeaderPost(ctx.db, input.supervisorPostId)
  return saveAudited(ctx, departments, '单位', input)
}

export function deleteDepartment(ctx: ActionContext, id: number) {
  const inside = ctx.db.select({ title: posts.title }).from(posts).where(eq(posts.departmentId, id)).all()
  if (inside.length) throw new AppError('RULE', `该单位还有${inside.length}个岗位（${inside.slice(0, 3).map((p) => p.title).join('、')}…），请先删除或移走`)
  deleteAudited(ctx, departments, '单位', id)
}


function requireLeaderPost(db: ReadDb, id: number) {
  const post = requireById(db, posts, id, '岗位')
  if (!isLeaderKind(post.kind)) throw ruleViolation('R-P1', `分管领导须为市长、副市长、秘书长或副秘书长，“${post.title}”不是`)
  return post
}

/** R-P1: one 市长; the 常务副市长 is one 副市长, so marking another moves the flag. */
export function savePost(ctx: ActionContext, input: PostInput) {
  if (input.isExecutive && input.kind !== '副市长') throw ruleViolation('R-P1', '只有副市长岗位可以设为负责常务工作的副市长')
  if (input.kind === '市长') {
    const other = ctx.db.select().from(posts).where(and(eq(posts.kind, '市长'), input.id ? ne(posts.id, input.id) : undefined)).get()
    if (other) throw ruleViolation('R-P1', `已有市长岗位“${other.title}”，不能再设一个`)
  }
  if (input.isExecutive) {
    const others = ctx.db.select().from(posts).where(and(eq(posts.isExecutive, true), input.id ? ne(posts.id, input.id) : undefined)).all()
    for (const o of others) updateAudited(ctx, posts, '岗位', o.id, { isExecutive: false })
  }
  const { id, holderId, ...fields } = input
  if (id === undefined) {
    const post = insertAudited(ctx, posts, '岗位', { ...fields, holderId })
    if (holderId) firstHolder(ctx, post.id, holderId)
    return post
  }
  // A different holder is a change from today: the earlier holder stays on the records of the days before.
  const before = requireById(ctx.db, posts, id, '岗位')
  if (holderId !== undefined && holderId !== before.holderId) holderChangedToday(ctx, before, holderId)
  return updateAudited(ctx, posts, '岗位', id, fields)
}

/** Only a post nothing names; one that meetings or documents name is left vacant (turnover.ts). */
export function deletePost(ctx: ActionContext, id: number) {
  refuseDeletingNamedPost(ctx.db, id)
  deleteAudited(ctx, posts, '岗位', id)
}

/** A 副市长's portfolio (分管): the areas in words and the departments under the post (R-D3 routes by it). */
export function setPortfolio(ctx: ActionContext, input: PortfolioInput) {
  requireLeaderPost(ctx.db, input.postId)
  updateAudited(ctx, posts, '岗位', input.postId, { portfolio: input.portfolio })
  const leaving = ctx.db.select().from(departments)
    .where(and(eq(departments.supervisorPostId, input.postId), notInArray(departments.id, input.departmentIds))).all()
  for (const d of leaving) updateAudited(ctx, departments, '单位', d.id, { supervisorPostId: null })
  const joining = input.departmentIds.length
    ? ctx.db.select().from(departments).where(inArray(departments.id, input.departmentIds)).all() : []
  if (joining.length !== input.departmentIds.length) throw new AppError('NOT_FOUND', '所选单位中有的不存在')
  for (const d of joining) if (d.supervisorPostId !== input.postId) updateAudited(ctx, departments, '单位', d.id, { supervisorPostId: input.postId })
}

export function addPersonToDepartment(ctx: ActionContext, input: PersonInDepartmentInput) {
  requireById(ctx.db, departments, input.departmentId, '单位')
  const person = insertAudited(ctx, people, '人员', { name: input.name, officePhone: input.officePhone, mobile: input.mobile })
  const post = savePost(ctx, { title: input.title, kind: input.kind, departmentId: input.departmentId, holderId: person.id })
  return { person, post }
}

/** R-P3: an AB pair of two different posts, each in no other pair. */
export function saveAbPair(ctx: ActionContext, input: AbPairInput) {
  if (input.postAId === input.postBId) throw ruleViolation('R-P3', 'AB角须为两个不同的岗位')
  const [a, b] = [requireLeaderPost(ctx.db, input.postAId), requireLeaderPost(ctx.db, input.postBId)]
  for (const p of [a, b]) {
    const taken = ctx.db.select().from(abPairs).where(or(eq(abPairs.postAId, p.id), eq(abPairs.postBId, p.id))).get()
    if (taken) throw ruleViolation('R-P3', `“${p.title}”已有AB角，请先解除原有配对`)
  }
  return insertAudited(ctx, abPairs, 'AB角', input)
}

export const deleteAbPair = (ctx: ActionContext, id: number) => { deleteAudited(ctx, abPairs, 'AB角', id) }
