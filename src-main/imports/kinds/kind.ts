/**
 * What each kind of import provides (收文登记簿, 发文登记簿, 组织机构, 建议提案, 督办事项): its columns, how one row
 * becomes a record (or the reasons it is refused, by column), the key that identifies it again in a corrected
 * file, what is already stored under those keys, and how records are written. service.ts runs them all alike.
 */
import type { z } from 'zod'
import type { Db, ReadDb } from '../../db/connection'
import type { Classification, Clearance } from '../../common/classification'
import type { ImportKind } from '../../common/imports'
import type { IsoDate } from '../../common/dates'
import { bad, ok, type Cell, type FieldSpec, type Parsed } from '../rules'
import type { LeaderHolding } from '../leaders'

export interface RowProblem { column: string; reason: string }

/** What every row may consult: the reader's clearance, the system's approval, today, the organisation by name. */
export interface RowContext {
  clearance: Clearance
  approved: Classification
  today: IsoDate
  departmentIds: ReadonlyMap<string, number>
  /** Everyone who held a 市领导 post and when (leaders.ts). */
  leaders: readonly LeaderHolding[]
}

/** A unit by its name in the organisation; empty → null. */
export function parseDepartment(name: string, ids: ReadonlyMap<string, number>): Parsed<number | null> {
  if (!name) return ok(null)
  const id = ids.get(name)
  return id !== undefined ? ok(id) : bad(`组织机构中没有“${name}”，请先在组织机构中添加该单位，或改成组织机构中的名称`)
}

/** A stored record found under a row's key: its id and the fields an import may change, as the row would write them. */
export interface Stored<R> { id: number; fields: Partial<R>; imported: boolean; label: string }

export interface WriteContext { db: Db; by: string; now: string }

export interface ImportKindDef<R extends Record<string, unknown>> {
  kind: ImportKind
  fields: readonly FieldSpec[]
  /** The template's example row, by field key. */
  example: Readonly<Record<string, string | number>>
  /** The field labels of R shown in a change list (标题：旧 → 新). */
  labels: Readonly<Record<string, string>>
  /** One row → a record, or problems. `get` reads a field's cell (null when the column is not mapped). */
  parse(get: (key: string) => Cell, ctx: RowContext): { record: R } | { problems: RowProblem[] }
  /** Identifies the record in this kind (收文号 and year, 发文字号 …). */
  key(record: R): string
  /** A short line for the preview and the refusals (收〔2025〕12号 关于…). */
  describe(record: R): string
  /** Why a row is refused whose key belongs to a record entered in this system (not by an import) that the row would change. */
  duplicate(label: string): string
  /** What is stored under these keys. */
  existing(db: ReadDb, records: readonly R[]): Map<string, Stored<R>>
  /**
   * Why records (by key) cannot be written as they stand, when what is stored stands in their way (a post held by
   * someone else, a 收文 a 批复 answers that is not there or not the importer's to see).
   */
  blocked?(db: ReadDb, records: readonly R[], clearance: Clearance): Map<string, RowProblem>
  insert(w: WriteContext, record: R): number
  update(w: WriteContext, id: number, record: R): void
}

/** A label → problem for the form contracts' zod issues, so a row reads “标题：不能为空” like the form does. */
export function zodProblems(error: z.ZodError, columnOf: (key: string) => string): RowProblem[] {
  return error.issues.map((i) => ({ column: columnOf(String(i.path[0] ?? '')), reason: i.message }))
}

/** Collects the parsers' answers: the value, or a problem under the field's column. */
export class RowReader {
  readonly problems: RowProblem[] = []
  constructor(private readonly fields: readonly FieldSpec[]) {}

  label(key: string): string {
    return this.fields.find((f) => f.key === key)?.label ?? key
  }

  take<T>(key: string, parsed: Parsed<T>): T | undefined {
    if (parsed.ok) return parsed.value
    this.problems.push({ column: this.label(key), reason: parsed.reason })
    return undefined
  }

  /** A required field left empty. */
  need<T>(key: string, value: T | null | undefined): value is T {
    if (value !== null && value !== undefined && value !== '') return true
    if (!this.problems.some((p) => p.column === this.label(key))) this.problems.push({ column: this.label(key), reason: '不能为空' })
    return false
  }
}
