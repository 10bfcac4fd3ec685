import { and, eq, inArray, isNotNull, or } from 'drizzle-orm'
import type { Db, ReadDb } from '../db/connection'
import type { ActionContext } from '../kernel/procedure'
import { AppError } from '../kernel/errors'
import { abPairs, departments, people, postHoldings, posts } from './schema'
import { DEMO_AB_PAIRS, DEMO_DEPARTMENTS, DEMO_LEADERS, DEMO_OFFICE, demoHeadName, demoMobile, demoOfficePhone } from './demo-data'

const isDemo = true

export function hasDemoData(db: ReadDb): boolean {
  return !!db.select({ id: people.id }).from(people).where(eq(people.isDemo, true)).get()
}

/** Loads the demo organisation; assumes a transaction around it (the router's or the first start's). */
export function loadDemoOrganisation(db: Db): void {
  let n = 0
  const person = (name: string) => {
    n++
    return db.insert(people).values({ name, officePhone: demoOfficePhone(n), mobile: demoMobile(n), isDemo }).returning().get().id
  }
  const deptId = new Map<string, number>()
  DEMO_DEPARTMENTS.forEach((d, i) => {
    const id = db.insert(departments).values({ name: d.name, kind: d.kind, phone: demoOfficePhone(200 + i), sortOrder: 10 + i, isDemo }).returning().get().id
    deptId.set(d.name, id)
    db.insert(posts).values({ title: `${d.name.replace(/人民政府$/, '')}${d.head}`, kind: d.kind === '县区' ? '县区主要负责人' : '部门主要负责人', departmentId: id, holderId: person(demoHeadName(i)), sortOrder: 100 + i, isDemo }).run()
  })
  const leaderPost = new Map<string, number>()
  DEMO_LEADERS.forEach((l, i) => {
    const postId = db.insert(posts).values({ title: l.title, kind: l.kind, holderId: person(l.name), isExecutive: !!l.executive, portfolio: l.portfolio, sortOrder: i, isDemo }).returning().get().id
    leaderPost.set(l.name, postId)
    if (l.departments?.length) db.update(departments).set({ supervisorPostId: postId }).where(inArray(departments.name, l.departments)).run()
  })
  for (const [a, b] of DEMO_AB_PAIRS) db.insert(abPairs).values({ postAId: leaderPost.get(a)!, postBId: leaderPost.get(b)! }).run()

  const office = db.insert(departments).values({ name: DEMO_OFFICE.name, kind: '办公室内设', phone: '028-26610000', sortOrder: 1, isDemo }).returning().get().id
  const officePost = (title: string, kind: '办公室主任' | '办公室副主任' | '工作人员', name: string, order: number) =>
    db.insert(posts).values({ title, kind, departmentId: office, holderId: person(name), sortOrder: 50 + order, isDemo }).run()
  officePost('办公室主任', '办公室主任', DEMO_OFFICE.director, 0)
  DEMO_OFFICE.deputies.forEach((name, i) => officePost('办公室副主任', '办公室副主任', name, 1 + i))
  DEMO_OFFICE.staff.forEach((name, i) => officePost('秘书科工作人员', '工作人员', name, 10 + i))
  // Every demo holder holds since before the records, like the holders migration 0011 carried over.
  const held = db.select({ postId: posts.id, personId: posts.holderId }).from(posts).where(and(eq(posts.isDemo, true), isNotNull(posts.holderId))).all()
  db.insert(postHoldings).values(held.map((h) => ({ postId: h.postId, personId: h.personId!, reason: '演示数据' }))).run()
}

/**
 * Removes every demo row in one action. Real records that still point at demo ones would
 * be silently cut off by the cascades, so they are named and the removal is refused.
 */
export function removeDemoOrganisation(ctx: ActionContext) {
  const { db } = ctx
  const demoPeople = db.select({ id: people.id }).from(people).where(eq(people.isDemo, true)).all().map((r) => r.id)
  const demoDepts = db.select({ id: departments.id }).from(departments).where(eq(departments.isDemo, true)).all().map((r) => r.id)
  const entangled = db.select({ title: posts.title }).from(posts)
    .where(and(eq(posts.isDemo, false), or(inArray(posts.holderId, demoPeople), inArray(posts.departmentId, demoDepts)))).all()
  // A real post once held by a demo person keeps that in its 任职记录 (no cascade), so it is named too.
  entangled.push(...db.selectDistinct({ title: posts.title }).from(posts).innerJoin(postHoldings, eq(postHoldings.postId, posts.id))
    .where(and(eq(posts.isDemo, false), inArray(postHoldings.personId, demoPeople))).all().filter((p) => !entangled.some((e) => e.title === p.title)))
  if (entangled.length) {
    throw new AppError('RULE', `以下岗位不是演示数据，但仍关联演示人员或演示单位：${entangled.map((p) => p.title).join('、')}。请先调整后再删除演示数据。`)
  }
  const counts = {
    人员: demoPeople.length,
    单位: demoDepts.length,
    岗位: db.delete(posts).where(eq(posts.isDemo, true)).run().changes,
  }
  db.delete(departments).where(eq(departments.isDemo, true)).run()
  db.delete(people).where(eq(people.isDemo, true)).run()
  ctx.audit.record({ entity: '演示数据', id: 'demo', before: counts })
  return counts
}

export function loadDemo(ctx: ActionContext) {
  if (hasDemoData(ctx.db)) throw new AppError('CONFLICT', '演示数据已经载入')
  loadDemoOrganisation(ctx.db)
  ctx.audit.record({ entity: '演示数据', id: 'demo', after: { 载入: '演示组织机构' } })
}
