/**
 * The office's directory as other domains read it: the names of people, departments (with their phones) and posts
 * by id. One owner for these lookups, its statements prepared once per connection; a page's worth of rows is
 * named from one read of each table (an office has hundreds of people, not millions).
 */
import { eq, sql } from 'drizzle-orm'
import type { ReadDb } from '../db/connection'
import { perConnection } from '../db/prepared'
import { departments, people, posts } from './schema'

const peopleStmt = perConnection((db) => db.select({ id: people.id, name: people.name }).from(people).prepare())
const departmentsStmt = perConnection((db) => db.select({ id: departments.id, name: departments.name, phone: departments.phone }).from(departments).prepare())
const postsStmt = perConnection((db) => db.select({ id: posts.id, title: posts.title, holderId: posts.holderId }).from(posts).prepare())
const personStmt = perConnection((db) => db.select({ name: people.name }).from(people).where(eq(people.id, sql.placeholder('id'))).prepare())
const departmentStmt = perConnection((db) => db.select({ name: departments.name }).from(departments).where(eq(departments.id, sql.placeholder('id'))).prepare())

export interface Directory {
  /** The person's name; a removed person reads （人员12）, never a bare number. */
  person(id: number | null): string | null
  department(id: number | null): string | null
  phone(departmentId: number): string | null
  /** A post with its holder's name, or null. */
  post(id: number | null): { postId: number; title: string; holderName: string | null } | null
}

/** Everyone's names, read once for a list or a page. */
export function directory(db: ReadDb): Directory {
  const person = new Map(peopleStmt(db).all().map((p) => [p.id, p.name]))
  const dept = new Map(departmentsStmt(db).all().map((d) => [d.id, d]))
  const post = new Map(postsStmt(db).all().map((p) => [p.id, p]))
  return {
    person: (id) => (id === null ? null : person.get(id) ?? `（人员${id}）`),
    department: (id) => (id === null ? null : dept.get(id)?.name ?? `（单位${id}）`),
    phone: (id) => dept.get(id)?.phone ?? null,
    post: (id) => {
      const p = id === null ? undefined : post.get(id)
      return p ? { postId: p.id, title: p.title, holderName: p.holderId === null ? null : person.get(p.holderId) ?? null } : null
    },
  }
}

/** One name, for a single line (an export's filter line). */
export const personName = (db: ReadDb, id: number): string | undefined => personStmt(db).get({ id })?.name
export const departmentName = (db: ReadDb, id: number): string | undefined => departmentStmt(db).get({ id })?.name
