/**
 * 作废 (issue 16), the words both sides use: who may void (设置—公文作废人员, 科长 by default) and what the dialog says.
 * Voiding cannot be undone, so the dialog says so and lists what the act will stop before it is confirmed.
 */
import { designatedProblem, type Role } from './roles'

/** Null when the role is designated; else why not, in the words the refusal and the page use. */
export function voiderProblem(role: Role | string, designated: readonly string[]): string | null {
  return designatedProblem(role, designated, { name: '公文作废', setting: '公文作废人员', cannot: '作废。' })
}

/** Always the last line of the warning list. */
export const VOID_IS_FINAL = '作废后不可恢复：如确需办理，请重新登记或重新拟稿。'

/** 作废（2026年12月3日，王科长）：重复登记 — the line a voided paper shows in place of its next step. */
export const voidedLine = (v: { voidedOn: string | null; voidedBy: string | null; voidReason: string | null }, dateText: (d: string) => string): string =>
  `已作废（${v.voidedOn ? dateText(v.voidedOn) : ''}${v.voidedBy ? `，${v.voidedBy}` : ''}）：${v.voidReason ?? ''}`
