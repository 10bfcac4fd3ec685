/** What an action records for the audit trail; audit/trail.ts writes it in the action's own transaction. */

type Row = Record<string, unknown>

export interface Change {
  /** The record's kind in the office's words (人员, 岗位, 外出 …). */
  entity: string
  /** null when the action concerns no single record (an exported register). */
  id: string | number | null
  before?: Row | null
  after?: Row | null
  /** Stored as given instead of a before/after difference (what an export took out). */
  fields?: Row
}

/** Collects what one mutation changed; the router writes it in the mutation's own transaction. */
export class AuditTrail {
  readonly changes: Change[] = []
  record(change: Change): void {
    this.changes.push(change)
  }
}
